import { z } from 'zod';
import { snowflakeSchema } from '../api/input';
import { TOPICS } from '../topics';
import { defineEvent } from './define-event';

const id = snowflakeSchema;

/** A voice state as the gateway delivers it (`VoiceState` in api/voice.dto.ts). */
export const voiceStateSchema = z.object({
  userId: id,
  guildId: id.nullable(),
  /** null: the user left voice (the last update for that session). */
  channelId: id.nullable(),
  sessionId: z.string().min(1),
  selfMute: z.boolean(),
  selfDeaf: z.boolean(),
  mute: z.boolean(),
  deaf: z.boolean(),
  selfVideo: z.boolean(),
  selfStream: z.boolean(),
  joinedAt: z.iso.datetime({ offset: true }),
});

/**
 * `voice.state.updated`: the full state, plus the channel the user was in before when this update takes
 * them out of it (left: `channelId` null; moved: another channel). The gateway needs it to tell that
 * channel's viewers; absent when the user stays where they were (or joined from nowhere).
 */
export const voiceStateUpdatedSchema = voiceStateSchema.extend({
  previousChannelId: id.nullable().optional(),
});

/**
 * `voice.member.moderated`: a moderator moved (`channelId` the destination) or disconnected (`channelId`
 * null) a member, with the X-Audit-Log-Reason of the request. For chat's audit log only: the gateway does
 * not deliver it (the state change itself goes out as voice.state.updated, without who did it).
 */
export const voiceMemberModeratedSchema = z.object({
  guildId: id,
  actorId: id,
  userId: id,
  action: z.enum(['move', 'disconnect']),
  previousChannelId: id,
  channelId: id.nullable(),
  reason: z.string().max(512).nullable(),
});
export type VoiceMemberModerated = z.infer<typeof voiceMemberModeratedSchema>;

/**
 * Voice's events (topic voice.states, keyed by guild id so a guild's updates stay in order). The voice
 * service publishes them straight to Kafka: its state lives in Redis, there is no database to hold an
 * outbox (see apps/voice/README.md).
 */
export const voiceEvents = {
  'voice.state.updated': defineEvent({
    topic: TOPICS.voiceStates,
    version: 1,
    schema: voiceStateUpdatedSchema,
  }),
  'voice.member.moderated': defineEvent({
    topic: TOPICS.voiceStates,
    version: 1,
    schema: voiceMemberModeratedSchema,
  }),
  'voice.speaking': defineEvent({
    topic: TOPICS.voiceStates,
    version: 1,
    schema: z.object({
      guildId: id.nullable(),
      channelId: id,
      userId: id,
      speaking: z.boolean(),
    }),
  }),
};
