import { MESSAGE_FLAGS, type Message, type SearchResults } from '@bonfire/contracts';
import type { RestClient } from '../rest-client';
import type {
  EditMessageRequest,
  HistoryQuery,
  ReactionUser,
  ReactionUsersQuery,
  SearchApiQuery,
  SearchQuery,
  SendMessageRequest,
} from './types';

/** A nonce for optimistic sends: unique enough per client (64 chars max on the server). */
export function createNonce(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

const MESSAGE = '/api/v1/channels/{channelId}/messages/{messageId}';

export class MessagesApi {
  constructor(private readonly rest: RestClient) {}

  /**
   * Sends a message. A nonce is generated when absent; retrying with the same body (same nonce) never
   * creates a duplicate: the server answers the message created first.
   */
  send(channelId: string, body: SendMessageRequest): Promise<Message> {
    const withNonce = { ...body, nonce: body.nonce ?? createNonce() };
    return this.rest.post('/api/v1/channels/{channelId}/messages', {
      params: { channelId },
      body: withNonce,
    });
  }

  /** A page of history, newest first (`before`/none) or as the server orders `after`/`around`. */
  history(channelId: string, query: HistoryQuery = {}): Promise<Message[]> {
    return this.rest.get('/api/v1/channels/{channelId}/messages', { params: { channelId }, query });
  }

  get(channelId: string, messageId: string): Promise<Message> {
    return this.rest.get(MESSAGE, { params: { channelId, messageId } });
  }

  edit(channelId: string, messageId: string, content: string): Promise<Message> {
    return this.rest.patch(MESSAGE, { params: { channelId, messageId }, body: { content } });
  }

  /**
   * Removes a message's link embeds (SUPPRESS_EMBEDS), or with `false` lets them be made again: the author,
   * or anyone with MANAGE_MESSAGES. Embeds themselves arrive in `message.updated` after a send or an edit.
   */
  suppressEmbeds(channelId: string, messageId: string, suppress = true): Promise<Message> {
    return this.rest.patch(MESSAGE, {
      params: { channelId, messageId },
      body: { flags: (suppress ? MESSAGE_FLAGS.SUPPRESS_EMBEDS : 0) as EditMessageRequest['flags'] },
    });
  }

  delete(channelId: string, messageId: string): Promise<void> {
    return this.rest.delete(MESSAGE, { params: { channelId, messageId } });
  }

  pins(channelId: string): Promise<Message[]> {
    return this.rest.get('/api/v1/channels/{channelId}/pins', { params: { channelId } });
  }

  pin(channelId: string, messageId: string): Promise<void> {
    return this.rest.put('/api/v1/channels/{channelId}/pins/{messageId}', {
      params: { channelId, messageId },
    });
  }

  unpin(channelId: string, messageId: string): Promise<void> {
    return this.rest.delete('/api/v1/channels/{channelId}/pins/{messageId}', {
      params: { channelId, messageId },
    });
  }
}

/** A unicode emoji, a custom emoji's `name:id`, or a custom emoji itself (sent as `name:id`). */
export type ReactionEmoji = string | { name: string; id: string };

const REACTION = '/api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}';

export class ReactionsApi {
  constructor(private readonly rest: RestClient) {}

  /** React with a unicode emoji or a custom emoji of the message's guild. */
  add(channelId: string, messageId: string, emoji: ReactionEmoji): Promise<void> {
    return this.rest.put(`${REACTION}/@me`, { params: { channelId, messageId, emoji: key(emoji) } });
  }

  remove(channelId: string, messageId: string, emoji: ReactionEmoji): Promise<void> {
    return this.rest.delete(`${REACTION}/@me`, { params: { channelId, messageId, emoji: key(emoji) } });
  }

  /** Who reacted with `emoji`, by user id; `after` pages. */
  users(
    channelId: string,
    messageId: string,
    emoji: ReactionEmoji,
    query: ReactionUsersQuery = {},
  ): Promise<ReactionUser[]> {
    return this.rest.get(REACTION, { params: { channelId, messageId, emoji: key(emoji) }, query });
  }
}

function key(emoji: ReactionEmoji): string {
  return typeof emoji === 'string' ? emoji : `${emoji.name}:${emoji.id}`;
}

export class SearchApi {
  constructor(private readonly rest: RestClient) {}

  /** Searches every channel of the guild the user may read. */
  guild(guildId: string, query: SearchQuery): Promise<SearchResults> {
    return this.rest.get('/api/v1/guilds/{guildId}/messages/search', {
      params: { guildId },
      query: toQuery(query),
    });
  }

  /** Searches one channel (also DMs). */
  channel(channelId: string, query: SearchQuery): Promise<SearchResults> {
    return this.rest.get('/api/v1/channels/{channelId}/messages/search', {
      params: { channelId },
      query: toQuery(query),
    });
  }
}

function toQuery(query: SearchQuery): SearchApiQuery {
  const join = (values?: readonly string[]) => (values && values.length > 0 ? values.join(',') : undefined);
  const text = (value?: number | boolean) => (value === undefined ? undefined : String(value));
  return {
    q: query.q,
    content: query.content,
    authorId: join(query.authorId),
    mentions: join(query.mentions),
    has: join(query.has),
    channelId: join(query.channelId),
    before: query.before,
    after: query.after,
    pinned: text(query.pinned),
    sort: query.sort,
    limit: text(query.limit),
    offset: text(query.offset),
  };
}
