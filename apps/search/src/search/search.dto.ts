import { SEARCH_SORTS, snowflakeSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { SEARCH_LIMITS } from '../config';
import { HAS_VALUES } from '../index/message-document';
import { isTimeBound } from './query-parser';

const id = snowflakeSchema;
/** A query parameter given once or repeated (`?has=link&has=file`), also comma-separated. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => String(part).split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    z.array(item).max(25),
  );
const bound = z.string().refine(isTimeBound, 'must be a date (2026-01-31, ISO date-time) or a message id');

/** Query parameters of both search routes. */
export const searchQuerySchema = z.object({
  /** The search box syntax: `from:alice in:#general has:file before:2026-01-01 "exact phrase"`. */
  q: z.string().max(SEARCH_LIMITS.maxQueryLength).optional(),
  /** Plain words to find (all of them), no operators. */
  content: z.string().max(SEARCH_LIMITS.maxQueryLength).optional(),
  authorId: list(id).optional(),
  mentions: list(id).optional(),
  has: list(z.enum(HAS_VALUES)).optional(),
  channelId: list(id).optional(),
  before: bound.optional(),
  after: bound.optional(),
  pinned: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.maxLimit).default(SEARCH_LIMITS.defaultLimit),
  offset: z.coerce.number().int().min(0).max(SEARCH_LIMITS.maxOffset).default(0),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;
