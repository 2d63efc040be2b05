import type { Channel, Guild, Presence, ReadState } from '@bonfire/contracts';
import type { RestClient } from '../rest-client';
import type {
  OpenGroupDmRequest,
  PrivateUser,
  PublicUser,
  UpdateMeRequest,
  UpdatePresenceRequest,
} from './types';

/** The user's own account and other users' public profiles. */
export class UsersApi {
  constructor(private readonly rest: RestClient) {}

  me(): Promise<PrivateUser> {
    return this.rest.get('/api/v1/users/@me');
  }

  updateMe(body: UpdateMeRequest): Promise<PrivateUser> {
    return this.rest.patch('/api/v1/users/@me', { body });
  }

  /** Another user's public profile. */
  get(userId: string): Promise<PublicUser> {
    return this.rest.get('/api/v1/users/{id}', { params: { id: userId } });
  }

  /** Guilds the user is a member of. */
  guilds(): Promise<Guild[]> {
    return this.rest.get('/api/v1/users/@me/guilds');
  }

  leaveGuild(guildId: string): Promise<void> {
    return this.rest.delete('/api/v1/users/@me/guilds/{guildId}', { params: { guildId } });
  }
}

export class DmsApi {
  constructor(private readonly rest: RestClient) {}

  /** The user's DMs and group DMs. */
  list(): Promise<Channel[]> {
    return this.rest.get('/api/v1/users/@me/channels');
  }

  /** Opens (or returns the existing) DM with one user. */
  open(recipientId: string): Promise<Channel> {
    return this.rest.post('/api/v1/users/@me/channels', { body: { recipientId } });
  }

  /** Creates a group DM with several users. */
  openGroup(body: OpenGroupDmRequest): Promise<Channel> {
    return this.rest.post('/api/v1/users/@me/channels', { body });
  }

  /**
   * Renames a group DM (any recipient may); null or a blank name clears it. The recipients get
   * `channel.updated`. 400 NOT_GROUP_DM for a 1:1 DM.
   */
  rename(channelId: string, name: string | null): Promise<Channel> {
    return this.rest.patch('/api/v1/channels/{channelId}', { params: { channelId }, body: { name } });
  }

  addRecipient(channelId: string, userId: string): Promise<void> {
    return this.rest.put('/api/v1/channels/{channelId}/recipients/{userId}', {
      params: { channelId, userId },
    });
  }

  removeRecipient(channelId: string, userId: string): Promise<void> {
    return this.rest.delete('/api/v1/channels/{channelId}/recipients/{userId}', {
      params: { channelId, userId },
    });
  }
}

export class ReadStatesApi {
  constructor(private readonly rest: RestClient) {}

  list(): Promise<ReadState[]> {
    return this.rest.get('/api/v1/users/@me/read-states');
  }

  /** Marks the channel read up to and including `messageId`. */
  ack(channelId: string, messageId: string): Promise<void> {
    return this.rest.post('/api/v1/channels/{channelId}/messages/{messageId}/ack', {
      params: { channelId, messageId },
    });
  }
}

export class PresenceApi {
  constructor(private readonly rest: RestClient) {}

  /** Presence of up to 200 users (absent from the answer: not visible to you). */
  get(userIds: readonly string[]): Promise<Presence[]> {
    return this.rest.get('/api/v1/presences', { query: { userIds: userIds.join(',') } });
  }

  /** Presence of a guild's members. */
  guild(guildId: string): Promise<Presence[]> {
    return this.rest.get('/api/v1/presences/guilds/{guildId}', { params: { guildId } });
  }

  /** Sets the chosen status and/or custom status (null clears it). */
  update(body: UpdatePresenceRequest): Promise<Presence> {
    return this.rest.patch('/api/v1/users/@me/presence', { body });
  }

  setStatus(status: NonNullable<UpdatePresenceRequest['status']>): Promise<Presence> {
    return this.update({ status });
  }

  setCustomStatus(customStatus: UpdatePresenceRequest['customStatus']): Promise<Presence> {
    return this.update({ customStatus: customStatus ?? null });
  }
}
