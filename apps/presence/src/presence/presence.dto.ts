import {
  customStatusSchema,
  PRESENCE_CHOSEN_STATUSES,
  patchSchema,
  SNOWFLAKE_PATTERN,
  snowflakeSchema,
} from '@bonfire/contracts';
import { z } from 'zod';
import { PRESENCE_LIMITS } from '../config';

const id = snowflakeSchema;
/** Gateway node ids and connection ids (UUIDs, socket.io ids). */
const token = z.string().regex(/^[\w-]{1,64}$/, 'must be 1-64 characters of [A-Za-z0-9_-]');

export const updatePresenceSchema = patchSchema({
  status: z.enum(PRESENCE_CHOSEN_STATUSES).optional(),
  /** null clears the custom status. */
  customStatus: customStatusSchema.nullable().optional(),
});
export type UpdatePresenceDto = z.infer<typeof updatePresenceSchema>;

// Comma-separated snowflake ids, 1 to PRESENCE_LIMITS.queryIds of them (empty parts are skipped): what the
// API document promises; the transform below checks the same and names the bad part.
const ID = `(?:${SNOWFLAKE_PATTERN.source.slice(1, -1)})`;
const USER_IDS_PATTERN = `^,*(?:${ID},+){0,${PRESENCE_LIMITS.queryIds - 1}}${ID},*$`;

export const queryPresencesSchema = z.object({
  userIds: z
    .string()
    .meta({ pattern: USER_IDS_PATTERN })
    .transform((value) => [...new Set(value.split(',').filter((part) => part.length > 0))])
    .pipe(z.array(id).min(1).max(PRESENCE_LIMITS.queryIds)),
});
export type QueryPresencesDto = z.infer<typeof queryPresencesSchema>;

export const readyQueriesSchema = z.object({
  queries: z
    .array(z.object({ userId: id, userIds: z.array(id).max(PRESENCE_LIMITS.internalQueryIds) }))
    .min(1)
    .max(PRESENCE_LIMITS.readyQueries),
});
export type ReadyQueriesDto = z.infer<typeof readyQueriesSchema>;

const connectionSchema = z.object({ connectionId: token, userId: id, idle: z.boolean().default(false) });

export const gatewayParamSchema = token;

export const reportSchema = z.object({
  events: z
    .array(
      z.object({
        type: z.enum(['connect', 'disconnect', 'idle', 'active']),
        connectionId: token,
        userId: id,
      }),
    )
    .max(10_000),
});
export type ReportDto = z.infer<typeof reportSchema>;

export const heartbeatSchema = z.object({ connections: z.array(connectionSchema).max(200_000) });
export type HeartbeatDto = z.infer<typeof heartbeatSchema>;
