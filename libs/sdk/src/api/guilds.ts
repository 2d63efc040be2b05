import type { AuditLogPage, Channel, Guild, Invite, Member, Role } from '@bonfire/contracts';
import type { RestClient } from '../rest-client';
import type {
  AuditLogQuery,
  Ban,
  ChannelPositionUpdate,
  CreateChannelRequest,
  CreateGuildRequest,
  CreateInviteRequest,
  CreateRoleRequest,
  InvitePreview,
  MembersQuery,
  PermissionOverwriteRequest,
  RolePositionUpdate,
  UpdateChannelRequest,
  UpdateGuildRequest,
  UpdateMemberRequest,
  UpdateRoleRequest,
} from './types';

export class GuildsApi {
  constructor(private readonly rest: RestClient) {}

  create(body: CreateGuildRequest): Promise<Guild> {
    return this.rest.post('/api/v1/guilds', { body });
  }

  get(guildId: string): Promise<Guild> {
    return this.rest.get('/api/v1/guilds/{guildId}', { params: { guildId } });
  }

  update(guildId: string, body: UpdateGuildRequest): Promise<Guild> {
    return this.rest.patch('/api/v1/guilds/{guildId}', { params: { guildId }, body });
  }

  delete(guildId: string): Promise<void> {
    return this.rest.delete('/api/v1/guilds/{guildId}', { params: { guildId } });
  }

  transferOwnership(guildId: string, userId: string): Promise<Guild> {
    return this.rest.post('/api/v1/guilds/{guildId}/owner', { params: { guildId }, body: { userId } });
  }

  bans(guildId: string): Promise<Ban[]> {
    return this.rest.get('/api/v1/guilds/{guildId}/bans', { params: { guildId } });
  }

  ban(guildId: string, userId: string, reason?: string): Promise<void> {
    return this.rest.put('/api/v1/guilds/{guildId}/bans/{userId}', {
      params: { guildId, userId },
      body: reason === undefined ? {} : { reason },
    });
  }

  unban(guildId: string, userId: string): Promise<void> {
    return this.rest.delete('/api/v1/guilds/{guildId}/bans/{userId}', { params: { guildId, userId } });
  }

  /** The moderation audit log, newest first, with the users it names (VIEW_AUDIT_LOG). */
  auditLog(guildId: string, query: AuditLogQuery = {}): Promise<AuditLogPage> {
    return this.rest.get('/api/v1/guilds/{guildId}/audit-log', {
      params: { guildId },
      query: {
        user_id: query.userId,
        action_type: query.actionType,
        before: query.before,
        limit: query.limit,
      },
    });
  }
}

export class ChannelsApi {
  constructor(private readonly rest: RestClient) {}

  /** The guild's channels the user can see. */
  list(guildId: string): Promise<Channel[]> {
    return this.rest.get('/api/v1/guilds/{guildId}/channels', { params: { guildId } });
  }

  create(guildId: string, body: CreateChannelRequest): Promise<Channel> {
    return this.rest.post('/api/v1/guilds/{guildId}/channels', { params: { guildId }, body });
  }

  /** Reorders / re-parents several channels at once; answers the guild's channels. */
  reorder(guildId: string, positions: ChannelPositionUpdate[]): Promise<Channel[]> {
    return this.rest.patch('/api/v1/guilds/{guildId}/channels', { params: { guildId }, body: positions });
  }

  get(channelId: string): Promise<Channel> {
    return this.rest.get('/api/v1/channels/{channelId}', { params: { channelId } });
  }

  update(channelId: string, body: UpdateChannelRequest): Promise<Channel> {
    return this.rest.patch('/api/v1/channels/{channelId}', { params: { channelId }, body });
  }

  delete(channelId: string): Promise<void> {
    return this.rest.delete('/api/v1/channels/{channelId}', { params: { channelId } });
  }

  setPermissionOverwrite(
    channelId: string,
    overwriteId: string,
    body: PermissionOverwriteRequest,
  ): Promise<void> {
    return this.rest.put('/api/v1/channels/{channelId}/permissions/{overwriteId}', {
      params: { channelId, overwriteId },
      body,
    });
  }

  deletePermissionOverwrite(channelId: string, overwriteId: string): Promise<void> {
    return this.rest.delete('/api/v1/channels/{channelId}/permissions/{overwriteId}', {
      params: { channelId, overwriteId },
    });
  }
}

export class MembersApi {
  constructor(private readonly rest: RestClient) {}

  /** One page of members, by user id; pass the last `userId` as `after` for the next page. */
  list(guildId: string, query: MembersQuery = {}): Promise<Member[]> {
    return this.rest.get('/api/v1/guilds/{guildId}/members', { params: { guildId }, query });
  }

  get(guildId: string, userId: string): Promise<Member> {
    return this.rest.get('/api/v1/guilds/{guildId}/members/{userId}', { params: { guildId, userId } });
  }

  update(guildId: string, userId: string, body: UpdateMemberRequest): Promise<Member> {
    return this.rest.patch('/api/v1/guilds/{guildId}/members/{userId}', {
      params: { guildId, userId },
      body,
    });
  }

  /** Sets the user's own nickname in the guild (null clears it). */
  setMyNickname(guildId: string, nickname: string | null): Promise<Member> {
    return this.rest.patch('/api/v1/guilds/{guildId}/members/@me', {
      params: { guildId },
      body: { nickname },
    });
  }

  kick(guildId: string, userId: string): Promise<void> {
    return this.rest.delete('/api/v1/guilds/{guildId}/members/{userId}', { params: { guildId, userId } });
  }
}

export class RolesApi {
  constructor(private readonly rest: RestClient) {}

  list(guildId: string): Promise<Role[]> {
    return this.rest.get('/api/v1/guilds/{guildId}/roles', { params: { guildId } });
  }

  create(guildId: string, body: CreateRoleRequest = {}): Promise<Role> {
    return this.rest.post('/api/v1/guilds/{guildId}/roles', { params: { guildId }, body });
  }

  update(guildId: string, roleId: string, body: UpdateRoleRequest): Promise<Role> {
    return this.rest.patch('/api/v1/guilds/{guildId}/roles/{roleId}', { params: { guildId, roleId }, body });
  }

  reorder(guildId: string, positions: RolePositionUpdate[]): Promise<Role[]> {
    return this.rest.patch('/api/v1/guilds/{guildId}/roles', { params: { guildId }, body: positions });
  }

  delete(guildId: string, roleId: string): Promise<void> {
    return this.rest.delete('/api/v1/guilds/{guildId}/roles/{roleId}', { params: { guildId, roleId } });
  }
}

export class InvitesApi {
  constructor(private readonly rest: RestClient) {}

  create(guildId: string, body: CreateInviteRequest = {}): Promise<Invite> {
    return this.rest.post('/api/v1/guilds/{guildId}/invites', { params: { guildId }, body });
  }

  list(guildId: string): Promise<Invite[]> {
    return this.rest.get('/api/v1/guilds/{guildId}/invites', { params: { guildId } });
  }

  /** What an invite leads to; works without logging in. 404 UNKNOWN_INVITE when expired or used up. */
  preview(code: string): Promise<InvitePreview> {
    return this.rest.get('/api/v1/invites/{code}', { params: { code }, auth: false });
  }

  /** Joins the guild; answers it. */
  accept(code: string): Promise<Guild> {
    return this.rest.post('/api/v1/invites/{code}', { params: { code } });
  }

  revoke(code: string): Promise<void> {
    return this.rest.delete('/api/v1/invites/{code}', { params: { code } });
  }
}
