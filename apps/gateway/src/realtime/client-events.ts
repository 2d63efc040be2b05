import { type RealtimeClientEvent, type RealtimeClientEvents, SNOWFLAKE_PATTERN } from '@bonfire/contracts';
import { z } from 'zod';

/**
 * The payload of every client event, checked before its handler runs. Strict: a field the protocol does
 * not have is refused like a misspelt one. Tokens are bounded (a JWT is far shorter).
 */
export const CLIENT_EVENT_SCHEMAS: {
  [E in RealtimeClientEvent]: z.ZodType<RealtimeClientEvents[E]>;
} = {
  'auth.refresh': z.strictObject({ token: z.string().min(1).max(8_192) }),
  'typing.start': z.strictObject({ channelId: z.string().regex(SNOWFLAKE_PATTERN, 'must be a channel id') }),
  'presence.idle': z.strictObject({ idle: z.boolean() }),
};

/** A readable one-line summary of what was wrong with a payload, naming the fields. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
    .join('; ')
    .slice(0, 500);
}
