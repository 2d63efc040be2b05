import { z } from 'zod';

/** Search's public answer and the internal answers chat gives search. */

/** GET /internal/v1/search/guilds/{id}/readable-channels: channels whose history the caller may read. */
export interface ReadableChannelsAnswer {
  guildId: string;
  channels: { id: string; name: string | null }[];
}

/** GET /internal/v1/search/users?username=…: the users chat knows by those usernames. */
export interface UsersByNameAnswer {
  users: { id: string; username: string }[];
}

export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** One hit: what a client needs to render it, and where the query matched. */
export const searchHitSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  guildId: z.string().nullable(),
  authorId: z.string(),
  content: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  pinned: z.boolean(),
  has: z.array(z.string()),
  mentions: z.object({ userIds: z.array(z.string()), roleIds: z.array(z.string()), everyone: z.boolean() }),
  /** Content fragments with the matched words wrapped in <mark>…</mark> (empty without a content query). */
  highlights: z.array(z.string()),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** GET /guilds/{id}/messages/search and /channels/{id}/messages/search. */
export const searchResultsSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  messages: z.array(searchHitSchema),
});
export type SearchResults = z.infer<typeof searchResultsSchema>;
