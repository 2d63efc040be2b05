import { ERROR, has, PERMISSIONS, type SearchResults } from '@bonfire/contracts';
import { AppError, type CallerIdentity } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { MessageIndex, type SearchFilters } from '../index/message-index';
import { ChatClient } from './chat.client';
import { type ParsedQuery, parseQuery, QuerySyntaxError } from './query-parser';
import type { SearchQuery } from './search.dto';

/** Digit strings this long are user ids; shorter ones are usernames (usernames may be digits too). */
const USER_ID_MIN_DIGITS = 16;

/** Where a search looks: a guild (any readable channel) or one channel (guild channel or DM). */
type Scope = { guildId: string } | { channelId: string };

@Injectable()
export class SearchService {
  constructor(
    private readonly chat: ChatClient,
    private readonly index: MessageIndex,
  ) {}

  async search(caller: CallerIdentity, scope: Scope, query: SearchQuery): Promise<SearchResults> {
    const parsed = parse(query.q ?? '');
    const empty = { total: 0, offset: query.offset, limit: query.limit, messages: [] };

    let channelIds: string[];
    if ('guildId' in scope) {
      const readable = await this.chat.readableChannels(caller, scope.guildId);
      if (!readable) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
      channelIds = readable.channels.map((channel) => channel.id);
      const wanted = [...(query.channelId ?? []), ...resolveChannels(parsed.in, readable.channels)];
      if (wanted.length > 0) channelIds = channelIds.filter((channelId) => wanted.includes(channelId));
    } else {
      if (
        parsed.in.length > 0 ||
        (query.channelId ?? []).some((channelId) => channelId !== scope.channelId)
      ) {
        throw invalid('in', '"in:" and channelId are for guild search; this search is in one channel');
      }
      const access = await this.chat.channelPermissions(caller, scope.channelId);
      if (!access) throw new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
      if (!has(BigInt(access.permissions), PERMISSIONS.READ_MESSAGE_HISTORY)) {
        throw new AppError(ERROR.MISSING_PERMISSION, 'You need the READ_MESSAGE_HISTORY permission.', {
          details: [{ code: 'READ_MESSAGE_HISTORY', message: 'missing READ_MESSAGE_HISTORY' }],
        });
      }
      channelIds = [scope.channelId];
    }

    const [authorIds, mentionIds] = await this.resolveUsers(caller, parsed.from, parsed.mentions);
    const filters: SearchFilters = {
      channelIds,
      words: [...(query.content ?? '').split(/\s+/).filter((word) => word !== ''), ...parsed.words],
      phrases: parsed.phrases,
      authorIds: [...(query.authorId ?? []), ...authorIds],
      mentionIds: [...(query.mentions ?? []), ...mentionIds],
      has: [...new Set([...(query.has ?? []), ...parsed.has])],
      before: instant(parsed.before ?? query.before),
      after: instant(parsed.after ?? query.after),
      pinned: parsed.pinned ?? query.pinned,
      sort: query.sort,
      limit: query.limit,
      offset: query.offset,
    };
    if (filters.channelIds.length === 0) return empty;
    return { ...(await this.run(filters)), offset: query.offset, limit: query.limit };
  }

  private async resolveUsers(
    caller: CallerIdentity,
    from: readonly string[],
    mentions: readonly string[],
  ): Promise<[string[], string[]]> {
    const isId = (value: string) => new RegExp(`^\\d{${USER_ID_MIN_DIGITS},19}$`).test(value);
    const names = [
      ...new Set([...from, ...mentions].filter((value) => !isId(value)).map((v) => v.toLowerCase())),
    ];
    const known = new Map(
      (await this.chat.usersByName(caller, names)).users.map((user) => [user.username, user.id]),
    );
    const resolve = (values: readonly string[], operator: string) =>
      values.map((value) => {
        if (isId(value)) return value;
        const userId = known.get(value.toLowerCase());
        if (!userId) throw invalid(operator, `no user named "${value}" (in ${operator}:${value})`);
        return userId;
      });
    return [resolve(from, 'from'), resolve(mentions, 'mentions')];
  }

  private async run(filters: SearchFilters): Promise<Pick<SearchResults, 'total' | 'messages'>> {
    try {
      return await this.index.search(filters);
    } catch {
      throw new AppError(ERROR.SEARCH_UNAVAILABLE, 'Search is unavailable right now; try again soon.');
    }
  }
}

function parse(q: string): ParsedQuery {
  try {
    return parseQuery(q);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw invalid('q', error.message);
    throw error;
  }
}

/** `in:` names (or ids) → channel ids among the readable ones; an unknown name is a 400 naming it. */
function resolveChannels(
  names: readonly string[],
  channels: readonly { id: string; name: string | null }[],
): string[] {
  return names.map((name) => {
    const match =
      channels.find((channel) => channel.id === name) ??
      channels.find((channel) => channel.name?.toLowerCase() === name.toLowerCase());
    if (!match) throw invalid('in', `no channel named "#${name}" that you can read (in:#${name})`);
    return match.id;
  });
}

/** A before/after bound: message ids stay ids (compared exactly), dates become ISO instants. */
function instant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? value : new Date(value).toISOString();
}

function invalid(field: string, message: string): AppError {
  return new AppError(ERROR.INVALID_QUERY, message, {
    details: [{ field: 'query.q', code: field, message }],
  });
}
