import { ERROR } from '../errors/catalogue';
import { z } from 'zod';
import type { ChannelType } from './chat.dto';
import { snowflakeSchema } from './input';

/**
 * Voice, in Discord's split:
 * 1. The client asks the gateway to join a voice channel: `POST /api/v1/channels/{id}/voice` (routed to
 *    the voice service). CONNECT and the channel's user limit are checked, the voice state is recorded,
 *    and the answer carries the signaling endpoint of the node hosting the room and a short-lived voice
 *    token bound to that user, channel and node.
 * 2. The client opens socket.io on `endpoint` (path VOICE_SIGNALING_PATH, namespace
 *    VOICE_SIGNALING_NAMESPACE) with `auth: { token }` and signals there (VoiceClientEvents).
 * 3. Media flows client ↔ SFU over WebRTC. Voice states reach the members who can see the channel (and
 *    the user's own sessions) as `voice.state.updated` dispatches on the realtime connection (topic
 *    voice.states).
 *
 * mediasoup's own types (RTP capabilities, parameters, ICE/DTLS) travel as opaque JSON objects here:
 * contracts stay free of mediasoup; the SDK casts them to mediasoup-client's types.
 */
export const VOICE_SIGNALING_PATH = '/voice/socket.io';
export const VOICE_SIGNALING_NAMESPACE = '/voice';

const id = snowflakeSchema;

export type MediaJson = Record<string, unknown>;

/**
 * Where media comes from: each is its own producer (a camera and a screen share can run together).
 * `screen-audio` is the sound of a screen share (getDisplayMedia's audio track, when the browser offers
 * one): audio, but under STREAM like the screen itself, and not counted as speaking.
 */
export const VOICE_MEDIA_SOURCES = ['microphone', 'camera', 'screen', 'screen-audio'] as const;
export type VoiceMediaSource = (typeof VOICE_MEDIA_SOURCES)[number];

export interface VoiceState {
  userId: string;
  guildId: string | null;
  /** null once the user left (the last update a client receives for that user). */
  channelId: string | null;
  /** One per join; a new join (another device) replaces the previous state. */
  sessionId: string;
  selfMute: boolean;
  selfDeaf: boolean;
  /** Server mute/deafen set by a member with MUTE_MEMBERS / DEAFEN_MEMBERS. */
  mute: boolean;
  deaf: boolean;
  selfVideo: boolean;
  selfStream: boolean;
  /** ISO 8601 */
  joinedAt: string;
}

/** Body of POST /api/v1/channels/{id}/voice (join or move oneself there). */
export const voiceJoinRequestSchema = z
  .object({
    selfMute: z.boolean().default(false),
    selfDeaf: z.boolean().default(false),
  })
  .strict();
export type VoiceJoinRequest = z.input<typeof voiceJoinRequestSchema>;

export interface VoiceJoinResponse {
  /** Base URL of the voice node's signaling, e.g. http://localhost:3007 */
  endpoint: string;
  /** Present it in the signaling handshake: `auth: { token }`. Valid for `expiresInSeconds`. */
  token: string;
  expiresInSeconds: number;
  state: VoiceState;
}

/**
 * GET /api/v1/voice/status: whether joins can succeed. `available: false` when no voice server can host
 * a room (e.g. this server's mediasoup worker is not built): joins then answer 503 VOICE_UNAVAILABLE, and
 * a client shows voice channels as unavailable with `message`.
 */
export const voiceStatusSchema = z.object({
  available: z.boolean(),
  /** Why voice is unavailable (what to do about it), null when available. */
  message: z.string().nullable(),
});
export type VoiceStatus = z.infer<typeof voiceStatusSchema>;

/** Body of PATCH /api/v1/users/@me/voice-state. */
export const selfVoiceStateUpdateSchema = z
  .object({
    selfMute: z.boolean().optional(),
    selfDeaf: z.boolean().optional(),
  })
  .strict();
export type SelfVoiceStateUpdate = z.infer<typeof selfVoiceStateUpdateSchema>;

/**
 * Body of PATCH /api/v1/guilds/{guildId}/voice-states/{userId}: server mute (MUTE_MEMBERS), server
 * deafen (DEAFEN_MEMBERS), move to another voice channel of the guild (MOVE_MEMBERS, and the target
 * must allow the member to CONNECT). DELETE on the same path disconnects the member (MOVE_MEMBERS).
 */
export const memberVoiceStateUpdateSchema = z
  .object({
    mute: z.boolean().optional(),
    deaf: z.boolean().optional(),
    channelId: id.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' })
  .meta({ minProperties: 1 });
export type MemberVoiceStateUpdate = z.infer<typeof memberVoiceStateUpdateSchema>;

/*
 * Other routes: DELETE /api/v1/users/@me/voice-state (leave), GET /api/v1/guilds/{id}/voice-states
 * (who is in which voice channel; members only), GET /api/v1/channels/{id}/voice-states.
 */

/** Signaling handshake: `io(endpoint + VOICE_SIGNALING_NAMESPACE, { path: VOICE_SIGNALING_PATH, auth })`. */
export interface VoiceHandshakeAuth {
  token: string;
}

/** The codes voice signaling answers, by name (each is in the error catalogue, errors/catalogue.ts). */
export const VOICE_ERROR_CODES = {
  tokenMissing: ERROR.TOKEN_MISSING,
  tokenInvalid: ERROR.TOKEN_INVALID,
  tokenExpired: ERROR.TOKEN_EXPIRED,
  /** The voice state behind the token is gone (left, moved, disconnected by a moderator). */
  notInChannel: ERROR.NOT_IN_CHANNEL,
  invalidRequest: ERROR.INVALID_REQUEST,
  unknownTransport: ERROR.UNKNOWN_TRANSPORT,
  unknownProducer: ERROR.UNKNOWN_PRODUCER,
  unknownConsumer: ERROR.UNKNOWN_CONSUMER,
  /** produce while server-muted or without SPEAK / STREAM permission. */
  missingPermission: ERROR.MISSING_PERMISSION,
  cannotConsume: ERROR.CANNOT_CONSUME,
  /** consume while holding VOICE_MAX_CONSUMERS_PER_PEER consumers already: close one first. */
  tooManyConsumers: ERROR.TOO_MANY_CONSUMERS,
  unavailable: ERROR.UNAVAILABLE,
} as const;
export type VoiceErrorCode = (typeof VOICE_ERROR_CODES)[keyof typeof VOICE_ERROR_CODES];

export type VoiceAck<T> = { ok: true; data: T } | { ok: false; code: VoiceErrorCode; message: string };

export interface VoicePeer {
  userId: string;
  state: VoiceState;
  producers: VoiceProducerInfo[];
}

export interface VoiceProducerInfo {
  producerId: string;
  userId: string;
  kind: 'audio' | 'video';
  source: VoiceMediaSource;
  paused: boolean;
}

export interface VoiceTransportOptions {
  id: string;
  iceParameters: MediaJson;
  iceCandidates: MediaJson[];
  dtlsParameters: MediaJson;
}

export interface VoiceConsumerOptions {
  consumerId: string;
  producerId: string;
  userId: string;
  kind: 'audio' | 'video';
  source: VoiceMediaSource;
  rtpParameters: MediaJson;
  /** Always true: resume with `consumer.resume` once the client has wired the track. */
  paused: true;
}

/** Server → client after the handshake, and again after a reconnect to a replacement worker. */
export interface VoiceWelcome {
  channelId: string;
  routerRtpCapabilities: MediaJson;
  peers: VoicePeer[];
}

/**
 * Client → server events. Each takes an acknowledgement callback answering VoiceAck<result>.
 * Order: `join` (with the device's RTP capabilities) → `transport.create` send/recv → `transport.connect`
 * (on the transport's connect event) → `produce` → for each producer (from `welcome` and
 * `producer.added`): `consume` then `consumer.resume`.
 */
export interface VoiceClientEvents {
  join: { request: { rtpCapabilities: MediaJson }; result: Record<string, never> };
  'transport.create': {
    request: { direction: 'send' | 'recv' };
    result: VoiceTransportOptions;
  };
  'transport.connect': {
    request: { transportId: string; dtlsParameters: MediaJson };
    result: Record<string, never>;
  };
  'transport.restartIce': { request: { transportId: string }; result: { iceParameters: MediaJson } };
  produce: {
    request: {
      transportId: string;
      kind: 'audio' | 'video';
      rtpParameters: MediaJson;
      source: VoiceMediaSource;
    };
    result: { producerId: string };
  };
  'producer.pause': { request: { producerId: string }; result: Record<string, never> };
  'producer.resume': { request: { producerId: string }; result: Record<string, never> };
  'producer.close': { request: { producerId: string }; result: Record<string, never> };
  consume: { request: { transportId: string; producerId: string }; result: VoiceConsumerOptions };
  'consumer.pause': { request: { consumerId: string }; result: Record<string, never> };
  'consumer.resume': { request: { consumerId: string }; result: Record<string, never> };
  'consumer.close': { request: { consumerId: string }; result: Record<string, never> };
}
export type VoiceClientEvent = keyof VoiceClientEvents;

/** Server → client events. */
export interface VoiceServerEvents {
  welcome: VoiceWelcome;
  'peer.joined': VoicePeer;
  'peer.left': { userId: string };
  'peer.updated': { userId: string; state: VoiceState };
  'producer.added': VoiceProducerInfo;
  'producer.paused': { producerId: string };
  'producer.resumed': { producerId: string };
  /** Sent to the whole room, owner included (the server closes a producer whose owner lost SPEAK/STREAM). */
  'producer.closed': { producerId: string };
  /** The server closed one of this client's consumers (its producer went away). */
  'consumer.closed': { consumerId: string };
  /** Who is speaking now, from the room's AudioLevelObserver (sent on changes). */
  speaking: { userId: string; speaking: boolean };
  /**
   * The session ends. `worker-died`/`shutting-down`: reconnect with a fresh join. `moved`: a moderator
   * moved you, join `channelId`. `disconnected`: a moderator disconnected you (or you left the guild).
   * `left`: you left elsewhere. `missing-permission`: you can no longer see the channel or CONNECT to it.
   * `channel-deleted`: the channel is gone.
   */
  closed: {
    reason:
      | 'worker-died'
      | 'shutting-down'
      | 'moved'
      | 'disconnected'
      | 'left'
      | 'missing-permission'
      | 'channel-deleted';
    channelId?: string;
  };
}
export type VoiceServerEvent = keyof VoiceServerEvents;

/** Realtime dispatch `voice.speaking`: who is speaking in a guild's voice channel (changes only). */
export interface VoiceSpeaking {
  guildId: string | null;
  channelId: string;
  userId: string;
  speaking: boolean;
}

/**
 * Chat's answer to GET /internal/v1/voice/channels/{channelId}/access (service to service, for the
 * signed caller): what the voice service needs to admit that user to a channel. 404 UNKNOWN_CHANNEL when
 * the caller cannot see the channel.
 */
export interface VoiceChannelAccessAnswer {
  channelId: string;
  guildId: string | null;
  type: ChannelType;
  /** Voice channels: at most this many members at once (null: no limit). */
  userLimit: number | null;
  /** Decimal bitfield of the caller's permissions in the channel. */
  permissions: string;
}
