import { z } from 'zod';

/**
 * The one error body every Bonfire HTTP API answers with:
 * `{ "error": { "code": "STABLE_CODE", "message": "...", "details": [...] } }`.
 * `code` is stable and machine-readable; `message` is for people; `details` lists, e.g., each bad field.
 */
export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.email`, when the error concerns a field. */
  field?: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: ErrorDetail[];
  };
}

/** Codes shared by every service. Services add their own domain codes (e.g. USERNAME_TAKEN). */
export const COMMON_ERROR_CODES = {
  validationFailed: 'VALIDATION_FAILED',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  rateLimited: 'RATE_LIMITED',
  internal: 'INTERNAL_ERROR',
  badGateway: 'BAD_GATEWAY',
  gatewayTimeout: 'GATEWAY_TIMEOUT',
  serviceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;

/** The error body as a schema, for API documents and client-side parsing. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ field: z.string().optional(), code: z.string(), message: z.string() }))
      .optional(),
  }),
});

/** Codes of the voice service's REST API (signaling errors are VOICE_ERROR_CODES in api/voice.dto.ts). */
export const VOICE_REST_ERROR_CODES = {
  unknownGuild: 'UNKNOWN_GUILD',
  unknownChannel: 'UNKNOWN_CHANNEL',
  missingPermission: 'MISSING_PERMISSION',
  /** The channel is not a voice channel (400). */
  notVoiceChannel: 'NOT_VOICE_CHANNEL',
  /** The voice channel's user limit is reached (403; members with MOVE_MEMBERS pass). */
  voiceChannelFull: 'VOICE_CHANNEL_FULL',
  /** The target member is not in a voice channel of that guild (404). */
  unknownVoiceState: 'UNKNOWN_VOICE_STATE',
  /** Move: the target channel is in another guild (400). */
  channelNotInGuild: 'CHANNEL_NOT_IN_GUILD',
  /** No voice node is alive to host the room, or chat cannot answer (503). */
  voiceUnavailable: 'VOICE_UNAVAILABLE',
} as const;
