import { ERROR } from './errors/catalogue';
import type { Channel, Guild, Member, Role } from './api/chat.dto';
import type { Emoji } from './api/emoji.dto';
import type { Relationship } from './api/relationships.dto';
import type { EventData } from './events/registry';
import type { SessionEndReason, UserProfile } from './events/auth.events';
import type { Presence, PresenceStatus } from './events/presence.events';
import type { VoiceSpeaking, VoiceState } from './api/voice.dto';

/**
 * The realtime protocol between clients and the gateway (socket.io at path `/realtime`).
 *
 * Connect with `auth: { token }` (a fresh session) or `auth: { token, sessionId, lastSeq }` (resume).
 * A bot connects with `auth: { token: 'Bot <bot token>', intents }` (intents: a bitfield of INTENTS or a
 * list of their names, api/bots.dto.ts): it receives only the dispatch groups it declared (none declared:
 * only events about itself), and guild messages without their content unless it has MESSAGE_CONTENT or
 * is mentioned.
 * Add `batch: true` to receive sequenced dispatches in `dispatches` batches (below); clients that do not
 * ask keep getting one `dispatch` per event. Add `protocol: 2` to speak protocol 2 (below); without it a
 * client gets protocol 1. A refused handshake ends in `connect_error` whose message is one of
 * REALTIME_ERROR_CODES.
 *
 * Protocol versions (REALTIME_PROTOCOL_VERSIONS): `ready` and `resumed` say which one the gateway speaks on
 * the connection (the highest it knows up to the one asked for; absent: 1).
 * - 1: every sequenced dispatch carries its `seq`.
 * - 2: a live sequenced dispatch may leave `seq` out: its seq is then the previous sequenced dispatch's + 1
 *   on this connection (`ready` counts as 0, `resumed` as the `lastSeq` the client presented). The gateway
 *   leaves it out only for the very next number, so the frame of an event is the same for everyone in the
 *   room and is encoded once. A dispatch with `seq` sets the count (whenever numbers skip); one with
 *   `seq: null` is ephemeral, as in protocol 1. A protocol 1 client reads nothing
 *   different, and a protocol 2 client reads protocol 1 frames as they are.
 *
 * Server → client:
 * - `ready` (fresh session): everything needed to render the app; `seq` is 0.
 * - `resumed` (resume accepted), followed by every missed `dispatch` in order, then the live stream.
 * - `resync` (resume refused: session unknown or expired, other user, or the buffer no longer reaches
 *   back to `lastSeq`): drop local state; a `ready` for a new session follows on the same socket.
 * - `dispatch` {seq, type, data}: one event (protocol 2: `seq` may be left out, see above). `seq` grows by one per dispatch of the session, so a
 *   client keeps the highest it has seen and presents it when resuming; a seq past the next one means
 *   dispatches were missed, and the client resumes at once from the last it has (the SDK does). Ephemeral
 *   events (typing, speaking) carry `seq: null`: they are never replayed.
 * - `dispatches` [dispatch, …] (only for `batch: true`): sequenced dispatches in one frame, in order, each
 *   exactly as in `dispatch`. The first after a quiet window comes at once (a batch of one); what follows
 *   within REALTIME_BATCH_WINDOW_MS (10 ms by default) comes together at the window's end. seq stays one
 *   per dispatch, so resuming is unchanged (the replay after `resumed` is one batch).
 *   Ephemeral events still come as single `dispatch` frames, at once.
 * - `reconnect` {reason}: the gateway is going away; reconnect (to any gateway) and resume.
 * - `auth.expired`: the access token expired without a refresh; the socket is closed right after.
 * - `session.ended` {reason}: the sign-in session was ended (logout, revoked, password changed, refresh
 *   token reused); the socket is closed right after and its access tokens are refused from now on.
 *
 * Client → server (each with an acknowledgement callback answering RealtimeAck):
 * - `auth.refresh` {token}: present a refreshed access token of the same user.
 * - `typing.start` {channelId}: the others in the channel get `typing.started` (rate-limited).
 * - `presence.idle` {idle}: this device is idle (or active again); presence aggregates all devices.
 * A malformed payload or an unknown event name is answered `INVALID_REQUEST`.
 *
 * Limits: a user holds at most REALTIME_MAX_CONNECTIONS_PER_USER live connections across all gateways
 * and opens at most REALTIME_HANDSHAKES_PER_MINUTE (connects and resumes), else the handshake is refused
 * (`TOO_MANY_CONNECTIONS` / `RATE_LIMITED`). Each connection may send REALTIME_EVENTS_PER_SECOND events
 * (bursts of REALTIME_EVENT_BURST); beyond that events are answered `RATE_LIMITED`, and a connection that
 * keeps sending into refusals gets `reconnect {reason: RATE_LIMITED}` and is closed. Messages larger than
 * 64 KiB close the transport (WebSocket close code 1009; HTTP 413 when polling).
 */
export const REALTIME_PATH = '/realtime';

/** The realtime protocol versions, oldest first (see above); the last is the newest. */
export const REALTIME_PROTOCOL_VERSIONS = [1, 2] as const;
export type RealtimeProtocolVersion = (typeof REALTIME_PROTOCOL_VERSIONS)[number];
export const REALTIME_PROTOCOL_LATEST: RealtimeProtocolVersion = 2;

/** The codes the realtime protocol answers, by name (each is in the error catalogue, errors/catalogue.ts). */
export const REALTIME_ERROR_CODES = {
  tokenMissing: ERROR.TOKEN_MISSING,
  tokenInvalid: ERROR.TOKEN_INVALID,
  tokenExpired: ERROR.TOKEN_EXPIRED,
  /** The token belongs to another user than the connection (auth.refresh). */
  userMismatch: ERROR.USER_MISMATCH,
  /** Auth's keys or chat could not be reached; retry shortly. */
  unavailable: ERROR.UNAVAILABLE,
  tooManyConnections: ERROR.TOO_MANY_CONNECTIONS,
  rateLimited: ERROR.RATE_LIMITED,
  unknownChannel: ERROR.UNKNOWN_CHANNEL,
  missingPermission: ERROR.MISSING_PERMISSION,
  invalidRequest: ERROR.INVALID_REQUEST,
  /** The token's session was ended (logout, revoke, password change, refresh-token reuse). */
  sessionRevoked: ERROR.SESSION_REVOKED,
} as const;
export type RealtimeErrorCode = (typeof REALTIME_ERROR_CODES)[keyof typeof REALTIME_ERROR_CODES];

/** Why the server closed a socket (sent in `reconnect` / the disconnect reason). */
export const REALTIME_CLOSE_REASONS = {
  shuttingDown: 'SHUTTING_DOWN',
  tokenExpired: 'TOKEN_EXPIRED',
  slowConsumer: 'SLOW_CONSUMER',
  sessionTaken: 'SESSION_TAKEN',
  sessionEnded: 'SESSION_ENDED',
  /** The connection kept sending events after they were refused `RATE_LIMITED`. */
  rateLimited: 'RATE_LIMITED',
  /** The gateway lost events from the other gateways (their link was down): resuming answers resync. */
  peerLinkLost: 'PEER_LINK_LOST',
} as const;

/** Server → client `session.ended`: the sign-in session is over; do not reconnect with its tokens. */
export interface SessionEndedPayload {
  reason: SessionEndReason;
}

export interface RealtimeHandshakeAuth {
  token: string;
  sessionId?: string;
  lastSeq?: number;
  /** Receive sequenced dispatches in `dispatches` batches (see above). */
  batch?: boolean;
  /** The highest protocol version the client speaks (see above); absent: 1. */
  protocol?: number;
  /** Bots only (`token: 'Bot …'`): the gateway intents, a bitfield of INTENTS or a list of names. */
  intents?: number | string[];
}

/** Client → server events and their payloads; each is answered with a RealtimeAck. */
export interface RealtimeClientEvents {
  'auth.refresh': { token: string };
  'typing.start': { channelId: string };
  'presence.idle': PresenceIdleRequest;
}
export type RealtimeClientEvent = keyof RealtimeClientEvents;

export const REALTIME_CLIENT_EVENTS = [
  'auth.refresh',
  'typing.start',
  'presence.idle',
] as const satisfies readonly RealtimeClientEvent[];

export type RealtimeAck = { ok: true } | { ok: false; code: RealtimeErrorCode; message: string };

export interface TypingStarted {
  channelId: string;
  guildId: string | null;
  userId: string;
  /** ISO 8601; the indicator should disappear then unless renewed. */
  expiresAt: string;
}

/**
 * `presence.updated`: a user's presence as the receiver may see it. Others see an invisible user as
 * `offline` (without custom status); the user's own sessions see `invisible`.
 */
export type PresenceUpdated = Presence;

/** Client → server `presence.idle` {idle}: this device went idle (no input for a while) or came back. */
export interface PresenceIdleRequest {
  idle: boolean;
}

/**
 * `voice.state.updated`: a member joined, changed or left (channelId null) a voice channel of a guild.
 * Sent to the sessions that can see the channel (and to the user's own). A leave carries
 * `previousChannelId`, the channel left, and reaches that channel's viewers; a move reaches the old
 * channel's viewers as such a leave (they may not see the new channel), then the new channel's viewers
 * (without `previousChannelId`).
 */
export type VoiceStateUpdated = VoiceState & { previousChannelId?: string | null };

/**
 * `user.updated`: a user's public profile changed (display name, avatar, about). Sent to those who can see
 * the user — who share a guild or a DM with them — and to the user's own sessions.
 */
export type UserUpdated = UserProfile;

/** Every event a client can receive in `dispatch`, with its payload. */
export interface DispatchEvents {
  'message.created': EventData<'message.created'>;
  'message.updated': EventData<'message.updated'>;
  'message.deleted': EventData<'message.deleted'>;
  'reaction.added': EventData<'reaction.added'>;
  'reaction.removed': EventData<'reaction.removed'>;
  'channel.created': EventData<'channel.created'>;
  'channel.updated': EventData<'channel.updated'>;
  'channel.deleted': EventData<'channel.deleted'>;
  'thread.created': EventData<'thread.created'>;
  'thread.updated': EventData<'thread.updated'>;
  'thread.deleted': EventData<'thread.deleted'>;
  'thread.members.updated': EventData<'thread.members.updated'>;
  'guild.updated': EventData<'guild.updated'>;
  'guild.deleted': EventData<'guild.deleted'>;
  'member.joined': EventData<'member.joined'>;
  'member.updated': EventData<'member.updated'>;
  'member.left': EventData<'member.left'>;
  'role.created': EventData<'role.created'>;
  'role.updated': EventData<'role.updated'>;
  'role.deleted': EventData<'role.deleted'>;
  /** A guild's custom emoji changed: the full list after the change. */
  'guild.emojis.updated': EventData<'guild.emojis.updated'>;
  /** Sent to the same user's sockets only (their other devices). */
  'readstate.updated': EventData<'readstate.updated'>;
  /** Sent to the notified user's own sockets only: their settings say this message notifies them. */
  'notification.created': EventData<'notification.created'>;
  'presence.updated': PresenceUpdated;
  'user.updated': UserUpdated;
  /** Ephemeral: `seq` is null, never replayed. */
  'typing.started': TypingStarted;
  'voice.state.updated': VoiceStateUpdated;
  /** Ephemeral: `seq` is null, never replayed. */
  'voice.speaking': VoiceSpeaking;
  /** Sent to the user's own sessions: a relationship of theirs appeared or changed type. */
  'relationship.added': EventData<'relationship.added'>;
  /** Sent to the user's own sessions: a relationship of theirs ended. */
  'relationship.removed': EventData<'relationship.removed'>;
  /** Sent to the user's own sessions: one of their data exports progressed, finished or failed. */
  'data_export.updated': EventData<'data_export.updated'>['export'];
}

export type DispatchType = keyof DispatchEvents;

export const DISPATCH_TYPES = [
  'message.created',
  'message.updated',
  'message.deleted',
  'reaction.added',
  'reaction.removed',
  'channel.created',
  'channel.updated',
  'channel.deleted',
  'thread.created',
  'thread.updated',
  'thread.deleted',
  'thread.members.updated',
  'guild.updated',
  'guild.deleted',
  'member.joined',
  'member.updated',
  'member.left',
  'role.created',
  'role.updated',
  'role.deleted',
  'guild.emojis.updated',
  'readstate.updated',
  'notification.created',
  'presence.updated',
  'user.updated',
  'typing.started',
  'voice.state.updated',
  'voice.speaking',
  'relationship.added',
  'relationship.removed',
  'data_export.updated',
] as const satisfies readonly DispatchType[];

/** Dispatches that are never buffered or replayed: they carry `seq: null`. */
export type EphemeralDispatchType = 'typing.started' | 'voice.speaking';

/** The `dispatch` payload, discriminated on `type`. */
export type Dispatch = {
  [T in DispatchType]: {
    seq: T extends EphemeralDispatchType ? null : number;
    type: T;
    data: DispatchEvents[T];
  };
}[DispatchType];

/** A dispatch as it comes on the wire: in protocol 2 a sequenced one may leave `seq` out (the next one). */
export type DispatchFrame = {
  [T in DispatchType]: (T extends EphemeralDispatchType ? { seq: null } : { seq?: number }) & {
    type: T;
    data: DispatchEvents[T];
  };
}[DispatchType];

/**
 * A frame's seq as the client counts it (protocol 2, above), given the last seq the client has: its own
 * when it carries one, else the next (`last` + 1); null for an ephemeral dispatch.
 */
export function dispatchSeq(frame: { readonly seq?: number | null }, last: number): number | null {
  return frame.seq === undefined ? last + 1 : frame.seq;
}

/** The seqs of sequenced frames received in order after `last` (`ready`: 0), as the client counts them. */
export function dispatchSeqs(frames: readonly { readonly seq?: number | null }[], last = 0): number[] {
  const seqs: number[] = [];
  for (const frame of frames) {
    const seq = dispatchSeq(frame, last);
    if (seq !== null) seqs.push((last = seq));
  }
  return seqs;
}

export interface ReadyGuild {
  guild: Guild;
  roles: Role[];
  /** The connecting user's membership. */
  member: Member;
  /** The channels the user can see (VIEW_CHANNEL), by position. */
  channels: Channel[];
  /** The active (unarchived) threads the user can see, oldest first. */
  threads?: Channel[];
  /** The first page of the member list (presence joins it in issue 6). */
  members: { userIds: string[]; total: number };
  /** The guild's custom emoji, oldest first (absent from an older chat). */
  emojis?: Emoji[];
}

export interface ReadyReadState {
  channelId: string;
  lastReadMessageId: string | null;
}

/** What chat answers the gateway for `ready` (GET /internal/v1/realtime/state). */
export interface RealtimeState {
  user: { id: string };
  guilds: ReadyGuild[];
  dms: Channel[];
  readStates: ReadyReadState[];
  /** The user's relationships (friends, blocks, pending requests); absent from an older chat. */
  relationships?: Relationship[];
}

export interface ReadyPayload extends RealtimeState {
  sessionId: string;
  /** Always 0: the first dispatch of the session has seq 1. */
  seq: 0;
  /** The protocol version spoken on this connection (absent from a gateway that speaks only 1). */
  protocol?: RealtimeProtocolVersion;
  /** How long (seconds) the session can be resumed after a disconnect. */
  resumeWindowSeconds: number;
  /**
   * Presence of the first member page of each guild and of DM recipients; users absent from the list
   * are offline. Empty when the presence service could not answer in time (clients then call
   * GET /api/v1/presences).
   */
  presences: Presence[];
  /** The connecting user's own presence (status as they see it: `invisible` stays invisible). */
  presence: { status: PresenceStatus; customStatus: Presence['customStatus'] };
}

export interface ResumedPayload {
  sessionId: string;
  /** The protocol version spoken on this connection (absent from a gateway that speaks only 1). */
  protocol?: RealtimeProtocolVersion;
  /** How many missed dispatches follow. */
  replayed: number;
}

export interface ResyncPayload {
  reason: 'SESSION_UNKNOWN' | 'SESSION_USER_MISMATCH' | 'BUFFER_EXCEEDED';
}

/** Chat's answer to GET /internal/v1/realtime/guilds/{guildId}/visible-channels. */
export interface VisibleChannelsAnswer {
  guildId: string;
  channelIds: string[];
}

/** Chat's answer to GET /internal/v1/realtime/channels/{channelId}/permissions. */
export interface ChannelPermissionsAnswer {
  channelId: string;
  guildId: string | null;
  /** Decimal bitfield. */
  permissions: string;
}
