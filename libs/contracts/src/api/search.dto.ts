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
export interface SearchHit {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  createdAt: string;
  editedAt: string | null;
  pinned: boolean;
  has: string[];
  mentions: { userIds: string[]; roleIds: string[]; everyone: boolean };
  /** Content fragments with the matched words wrapped in <mark>…</mark> (empty without a content query). */
  highlights: string[];
}

/** GET /guilds/{id}/messages/search and /channels/{id}/messages/search. */
export interface SearchResults {
  total: number;
  offset: number;
  limit: number;
  messages: SearchHit[];
}
