import { randomUUID } from 'node:crypto';
import {
  ERROR,
  has,
  isSnowflake,
  type MemberVoiceStateUpdate,
  PERMISSIONS,
  type SelfVoiceStateUpdate,
  type VoiceChannelAccessAnswer,
  type VoiceJoinRequest,
  type VoiceJoinResponse,
  type VoiceServerEvents,
  type VoiceState,
} from '@bonfire/contracts';
import { AppError, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ChatClient } from '../chat/chat.client';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VoiceEventsPublisher } from '../events/voice-events.publisher';
import { NodeRegistry } from '../placement/node-registry';
import { VoiceTokenService } from '../tokens/voice-token.service';
import { VoiceControl } from './voice-control';
import { publicState, type StoredVoiceState, VoiceStateStore } from './voice-state.store';

const unknownChannel = () => new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
const missing = (permission: string) =>
  new AppError(ERROR.MISSING_PERMISSION, `You need the ${permission} permission.`);

/**
 * Voice states, Discord's way: joining (CONNECT, user limit) records the state, pins the room to a node
 * and hands out a voice token for that node's signaling; self mute/deafen; moderators' server
 * mute/deafen (MUTE_MEMBERS / DEAFEN_MEMBERS), move and disconnect (MOVE_MEMBERS). Every change is saved
 * in the VoiceStateStore, told to the node holding the session (VoiceControl) and published as
 * voice.state.updated.
 */
@Injectable()
export class VoiceStatesService {
  private readonly logger;

  constructor(
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    private readonly store: VoiceStateStore,
    private readonly chat: ChatClient,
    private readonly registry: NodeRegistry,
    private readonly tokens: VoiceTokenService,
    private readonly control: VoiceControl,
    private readonly events: VoiceEventsPublisher,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('voice-states');
  }

  /** POST /channels/{id}/voice: join (or switch to) a voice channel. */
  async join(userId: string, channelId: string, body: VoiceJoinRequest): Promise<VoiceJoinResponse> {
    const access = await this.admit(userId, channelId);
    const previous = await this.store.get(userId);
    // members who may move others pass the user limit, as in Discord
    const limit = has(BigInt(access.permissions), PERMISSIONS.MOVE_MEMBERS) ? null : access.userLimit;
    const reserving = limit !== null && previous?.channelId !== channelId;
    if (reserving && !(await this.store.reserveSeat(channelId, userId, limit))) {
      throw new AppError(ERROR.VOICE_CHANNEL_FULL, `This voice channel is full (${access.userLimit}).`);
    }
    try {
      return await this.enter(userId, channelId, body, access, previous);
    } catch (error) {
      if (reserving) await this.store.releaseSeat(channelId, userId);
      throw error;
    }
  }

  private async enter(
    userId: string,
    channelId: string,
    body: VoiceJoinRequest,
    access: VoiceChannelAccessAnswer,
    previous: StoredVoiceState | null,
  ): Promise<VoiceJoinResponse> {
    const node = await this.registry.nodeForRoom(channelId);
    const sameGuild = previous !== null && previous.guildId === access.guildId;
    const state: StoredVoiceState = {
      userId,
      guildId: access.guildId,
      channelId,
      sessionId: randomUUID(),
      selfMute: body.selfMute ?? false,
      selfDeaf: body.selfDeaf ?? false,
      // Server mute and deafen belong to the member in the guild: they follow them across its channels.
      mute: sameGuild ? previous.mute : false,
      deaf: sameGuild ? previous.deaf : false,
      selfVideo: false,
      selfStream: false,
      joinedAt: new Date().toISOString(),
      nodeId: node.nodeId,
      expiresAt: this.connectDeadline(),
    };
    await this.store.put(state, previous);
    // The channel this join takes the user out of: its viewers hear of it (they may not see the new one).
    const left = previous?.channelId && previous.channelId !== channelId ? previous.channelId : null;
    if (previous) {
      await this.control.publish({ type: 'end', sessionId: previous.sessionId, closed: { reason: 'left' } });
      if (left) await this.unpinIfEmpty(left);
      if (left && previous.guildId !== state.guildId) {
        // Another guild's stream (events are keyed by guild): the old guild gets a plain leave.
        await this.events.stateUpdated({ ...publicState(previous), channelId: null }, left);
      }
    }
    await this.events.stateUpdated(
      publicState(state),
      left && previous?.guildId === state.guildId ? left : undefined,
    );
    const token = await this.tokens.sign({
      userId,
      guildId: state.guildId,
      channelId,
      sessionId: state.sessionId,
      nodeId: node.nodeId,
    });
    return {
      endpoint: node.endpoint,
      token,
      expiresInSeconds: this.tokens.ttlSeconds,
      state: publicState(state),
    };
  }

  /** PATCH /users/@me/voice-state. */
  async updateSelf(userId: string, body: SelfVoiceStateUpdate): Promise<VoiceState> {
    const current = await this.current(userId);
    return this.change(current, {
      selfMute: body.selfMute ?? current.selfMute,
      selfDeaf: body.selfDeaf ?? current.selfDeaf,
    });
  }

  /** DELETE /users/@me/voice-state. */
  async leaveSelf(userId: string): Promise<void> {
    await this.end(await this.current(userId), { reason: 'left' });
  }

  async inGuild(userId: string, guildId: string): Promise<VoiceState[]> {
    const visible = isSnowflake(guildId) ? await this.chat.visibleChannels(userId, guildId) : null;
    if (!visible) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
    const channels = new Set(visible.channelIds);
    const states = await this.store.inGuild(guildId);
    return states.filter((state) => state.channelId && channels.has(state.channelId)).map(publicState);
  }

  async inChannel(userId: string, channelId: string): Promise<VoiceState[]> {
    const access = isSnowflake(channelId) ? await this.chat.channelAccess(userId, channelId) : null;
    if (!access) throw unknownChannel();
    return (await this.store.inChannel(channelId)).map(publicState);
  }

  /** PATCH /guilds/{guildId}/voice-states/{userId}: server mute, deafen, move. */
  async moderate(
    moderatorId: string,
    guildId: string,
    targetId: string,
    body: MemberVoiceStateUpdate,
    reason: string | null = null,
  ): Promise<VoiceState> {
    const target = await this.targetIn(guildId, targetId);
    const permissions = await this.moderatorPermissions(moderatorId, target.channelId!);
    if (body.mute !== undefined && !has(permissions, PERMISSIONS.MUTE_MEMBERS)) throw missing('MUTE_MEMBERS');
    if (body.deaf !== undefined && !has(permissions, PERMISSIONS.DEAFEN_MEMBERS))
      throw missing('DEAFEN_MEMBERS');
    const moving = body.channelId !== undefined && body.channelId !== target.channelId;
    if (!moving) {
      return this.change(target, { mute: body.mute ?? target.mute, deaf: body.deaf ?? target.deaf });
    }
    if (!has(permissions, PERMISSIONS.MOVE_MEMBERS)) throw missing('MOVE_MEMBERS');
    const destination = body.channelId!;
    // The moderator must see the destination; the member must be allowed to connect there (no user limit:
    // moving is a moderator's override, as in Discord).
    const moderatorView = await this.chat.channelAccess(moderatorId, destination);
    if (!moderatorView) throw unknownChannel();
    if (moderatorView.guildId !== guildId) {
      throw AppError.validation([
        { field: 'body.channelId', code: ERROR.CHANNEL_NOT_IN_GUILD, message: 'not in this guild' },
      ]);
    }
    await this.admit(targetId, destination);
    const node = await this.registry.nodeForRoom(destination);
    const moved: StoredVoiceState = {
      ...target,
      channelId: destination,
      mute: body.mute ?? target.mute,
      deaf: body.deaf ?? target.deaf,
      nodeId: node.nodeId,
      expiresAt: this.connectDeadline(),
    };
    await this.store.put(moved, target);
    await this.control.publish({
      type: 'end',
      sessionId: target.sessionId,
      closed: { reason: 'moved', channelId: destination },
    });
    await this.unpinIfEmpty(target.channelId!);
    await this.events.stateUpdated(publicState(moved), target.channelId);
    await this.events.memberModerated({
      guildId,
      actorId: moderatorId,
      userId: targetId,
      action: 'move',
      previousChannelId: target.channelId!,
      channelId: destination,
      reason,
    });
    return publicState(moved);
  }

  /** DELETE /guilds/{guildId}/voice-states/{userId}: a moderator disconnects a member. */
  async disconnect(
    moderatorId: string,
    guildId: string,
    targetId: string,
    reason: string | null = null,
  ): Promise<void> {
    const target = await this.targetIn(guildId, targetId);
    const permissions = await this.moderatorPermissions(moderatorId, target.channelId!);
    if (!has(permissions, PERMISSIONS.MOVE_MEMBERS)) throw missing('MOVE_MEMBERS');
    if (!(await this.end(target, { reason: 'disconnected' }))) return;
    await this.events.memberModerated({
      guildId,
      actorId: moderatorId,
      userId: targetId,
      action: 'disconnect',
      previousChannelId: target.channelId!,
      channelId: null,
      reason,
    });
  }

  /** A member left the guild (left, kicked, banned): out of its voice channels. */
  async memberLeft(guildId: string, userId: string): Promise<void> {
    const state = await this.store.get(userId);
    if (state?.guildId === guildId) await this.end(state, { reason: 'disconnected' });
  }

  /** The account was deleted: out of whatever voice channel or call it is in. */
  async userDeleted(userId: string): Promise<void> {
    const state = await this.store.get(userId);
    if (state) await this.end(state, { reason: 'disconnected' });
  }

  /**
   * Permissions may have changed for everyone in the guild (a role changed or went, the owner changed):
   * re-checks each user in its voice channels (one chat call each; none when nobody is in voice there).
   */
  async recheckGuild(guildId: string): Promise<void> {
    await this.recheck(await this.store.inGuild(guildId));
  }

  /** A channel's overwrites may have changed: re-checks the users in it. */
  async recheckChannel(channelId: string): Promise<void> {
    await this.recheck(await this.store.inChannel(channelId));
  }

  /** A member's roles may have changed: re-checks them if they are in a voice channel of the guild. */
  async recheckMember(guildId: string, userId: string): Promise<void> {
    const state = await this.store.get(userId);
    if (state?.guildId === guildId) await this.recheck([state]);
  }

  /** The channel is gone: everyone in it is disconnected. */
  async channelDeleted(channelId: string): Promise<void> {
    for (const state of await this.store.inChannel(channelId)) {
      await this.end(state, { reason: 'channel-deleted' });
    }
  }

  /** The guild is gone, and its channels with it. */
  async guildDeleted(guildId: string): Promise<void> {
    for (const state of await this.store.inGuild(guildId)) {
      await this.end(state, { reason: 'channel-deleted' });
    }
  }

  /** Removes a state, tells its session and the guild. False when a newer join replaced it meanwhile. */
  async end(state: StoredVoiceState, closed: VoiceServerEvents['closed']): Promise<boolean> {
    if (!(await this.store.remove(state))) return false;
    await this.control.publish({ type: 'end', sessionId: state.sessionId, closed });
    if (state.channelId) await this.unpinIfEmpty(state.channelId);
    await this.events.stateUpdated({ ...publicState(state), channelId: null }, state.channelId);
    this.logger.debug(
      { userId: state.userId, channelId: state.channelId, reason: closed.reason },
      'left voice',
    );
    return true;
  }

  /** The client's signaling connection dropped: it has VOICE_RECONNECT_GRACE_SECONDS to come back. */
  async disconnected(userId: string, sessionId: string): Promise<void> {
    const state = await this.store.get(userId);
    if (state?.sessionId !== sessionId) return;
    const deadline = Date.now() + this.config.VOICE_RECONNECT_GRACE_SECONDS * 1000;
    await this.store.replaceIfSession(sessionId, { ...state, expiresAt: deadline });
  }

  /** Sets camera/screen flags when the client's producers change (signaling reports them). */
  async mediaChanged(userId: string, sessionId: string, media: { selfVideo: boolean; selfStream: boolean }) {
    const state = await this.store.get(userId);
    if (state?.sessionId !== sessionId) return;
    if (state.selfVideo === media.selfVideo && state.selfStream === media.selfStream) return;
    const next = { ...state, ...media };
    if (await this.store.replaceIfSession(sessionId, next)) await this.events.stateUpdated(publicState(next));
  }

  // ---------------------------------------------------------------- internals

  private connectDeadline(): number {
    return (
      Date.now() + (this.config.VOICE_TOKEN_TTL_SECONDS + this.config.VOICE_RECONNECT_GRACE_SECONDS) * 1000
    );
  }

  /** The user may connect to the channel: visible (404), a voice channel (400), CONNECT (403). */
  private async admit(userId: string, channelId: string): Promise<VoiceChannelAccessAnswer> {
    const access = isSnowflake(channelId) ? await this.chat.channelAccess(userId, channelId) : null;
    if (!access) throw unknownChannel();
    if (access.type !== 'voice') {
      throw new AppError(ERROR.NOT_VOICE_CHANNEL, 'This is not a voice channel.');
    }
    if (!has(BigInt(access.permissions), PERMISSIONS.CONNECT)) throw missing('CONNECT');
    return access;
  }

  private async current(userId: string): Promise<StoredVoiceState> {
    const state = await this.store.get(userId);
    if (!state?.channelId) throw new AppError(ERROR.UNKNOWN_VOICE_STATE, 'You are not in a voice channel.');
    return state;
  }

  private async targetIn(guildId: string, userId: string): Promise<StoredVoiceState> {
    const state = isSnowflake(userId) ? await this.store.get(userId) : null;
    if (!state?.channelId || state.guildId !== guildId) {
      throw new AppError(ERROR.UNKNOWN_VOICE_STATE, 'That member is not in a voice channel of this guild.');
    }
    return state;
  }

  /** The moderator's permissions in the member's current channel (404 when they cannot see it). */
  private async moderatorPermissions(moderatorId: string, channelId: string): Promise<bigint> {
    const access = await this.chat.channelAccess(moderatorId, channelId);
    if (!access)
      throw new AppError(ERROR.UNKNOWN_VOICE_STATE, 'That member is not in a voice channel of this guild.');
    return BigInt(access.permissions);
  }

  private async change(current: StoredVoiceState, changes: Partial<VoiceState>): Promise<VoiceState> {
    const next: StoredVoiceState = { ...current, ...changes };
    if (!(await this.store.replaceIfSession(current.sessionId, next))) {
      throw new AppError(ERROR.UNKNOWN_VOICE_STATE, 'The voice state changed meanwhile; try again.', {
        status: 409,
      });
    }
    const state = publicState(next);
    await this.control.publish({ type: 'state', sessionId: next.sessionId, state });
    await this.events.stateUpdated(state);
    return state;
  }

  /**
   * Asks chat for each user's permissions in their channel now: who can no longer see it or CONNECT is
   * disconnected (`missing-permission`); the others' sessions get their new permissions (the node hosting
   * them closes producers they may no longer send: SPEAK, STREAM). Idempotent: ending a state that is gone
   * or replaced does nothing, and the same permissions change nothing. Every user is tried; the first
   * failure (chat unreachable) is then thrown so the event is retried.
   */
  private async recheck(states: StoredVoiceState[]): Promise<void> {
    const results = await Promise.allSettled(
      states.map(async (state) => {
        if (!state.channelId) return;
        const access = await this.chat.channelAccess(state.userId, state.channelId);
        if (!access || access.type !== 'voice' || !has(BigInt(access.permissions), PERMISSIONS.CONNECT)) {
          await this.end(state, { reason: 'missing-permission' });
          return;
        }
        await this.control.publish({
          type: 'permissions',
          sessionId: state.sessionId,
          permissions: access.permissions,
        });
      }),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async unpinIfEmpty(channelId: string): Promise<void> {
    if ((await this.store.countInChannel(channelId)) === 0) await this.registry.unpin(channelId);
  }
}
