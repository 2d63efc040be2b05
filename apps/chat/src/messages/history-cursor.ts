import { snowflakeSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';

const snowflake = snowflakeSchema;

/** Query of GET /channels/{id}/messages: a page size and at most one of before, after, around. */
export const historyQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(CHAT_LIMITS.historyPageMax).default(50),
    before: snowflake.optional(),
    after: snowflake.optional(),
    around: snowflake.optional(),
  })
  .superRefine((query, context) => {
    const given = (['before', 'after', 'around'] as const).filter((key) => query[key] !== undefined);
    for (const key of given.slice(1)) {
      context.addIssue({
        code: 'custom',
        path: [key],
        message: 'use only one of before, after and around',
      });
    }
  });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

type HistoryCursorField = 'before' | 'after' | 'around';

/**
 * How to read one page. Every page is answered newest → oldest (as Discord does), whichever cursor is
 * used; `after` reads the oldest messages after the cursor and returns them newest first.
 */
export type HistoryPlan =
  | { kind: 'latest'; limit: number }
  | { kind: 'before'; cursor: string; limit: number }
  | { kind: 'after'; cursor: string; limit: number }
  /** The cursor message and the messages around it: `older` at or before it, `newer` after it. */
  | { kind: 'around'; cursor: string; older: number; newer: number };

export function planHistory(query: HistoryQuery): HistoryPlan {
  if (query.before !== undefined) return { kind: 'before', cursor: query.before, limit: query.limit };
  if (query.after !== undefined) return { kind: 'after', cursor: query.after, limit: query.limit };
  if (query.around !== undefined) {
    const newer = Math.floor(query.limit / 2);
    return { kind: 'around', cursor: query.around, older: query.limit - newer, newer };
  }
  return { kind: 'latest', limit: query.limit };
}

export function cursorField(plan: HistoryPlan): HistoryCursorField | null {
  return plan.kind === 'latest' ? null : plan.kind;
}
