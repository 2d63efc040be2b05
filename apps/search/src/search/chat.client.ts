import type { ChannelPermissionsAnswer, ReadableChannelsAnswer, UsersByNameAnswer } from '@bonfire/contracts';
import { AppError, type CallerIdentity, IDENTITY_HEADER, signIdentity } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { SEARCH_CONFIG, type SearchConfig } from '../config';

export const SEARCH_ERRORS = {
  chatUnavailable: 'CHAT_UNAVAILABLE',
  searchUnavailable: 'SEARCH_UNAVAILABLE',
  unknownGuild: 'UNKNOWN_GUILD',
  unknownChannel: 'UNKNOWN_CHANNEL',
  missingPermission: 'MISSING_PERMISSION',
  invalidQuery: 'INVALID_QUERY',
} as const;

/**
 * What the caller may read is chat's knowledge, asked once per query with the caller's signed identity
 * (so chat answers for that user only), within SEARCH_CHAT_TIMEOUT_MS — a failure is a 503, never a
 * guess.
 *
 * Why ask rather than project: a projection of who-may-read-what needs every input of Discord's
 * permission resolution (guilds, members, roles, member roles, channel overwrites, DM recipients)
 * replayed from five topics and kept exactly as chat computes it, and it is stale by the event lag — a
 * kicked member or a revoked overwrite would still find messages for that long. Asking chat is correct
 * by construction ("can read NOW") and costs one internal HTTP call and a few indexed lookups in chat per
 * query (its latency is not measured yet: see apps/search/README.md).
 */
@Injectable()
export class ChatClient {
  constructor(@Inject(SEARCH_CONFIG) private readonly config: SearchConfig) {}

  /** Channels of the guild the caller may read; null when they are not a member (or no such guild). */
  readableChannels(caller: CallerIdentity, guildId: string): Promise<ReadableChannelsAnswer | null> {
    return this.get(caller, `/internal/v1/search/guilds/${encodeURIComponent(guildId)}/readable-channels`);
  }

  /** The caller's permissions in a channel (guild channel or DM); null when they cannot see it. */
  channelPermissions(caller: CallerIdentity, channelId: string): Promise<ChannelPermissionsAnswer | null> {
    return this.get(caller, `/internal/v1/realtime/channels/${encodeURIComponent(channelId)}/permissions`);
  }

  async usersByName(caller: CallerIdentity, usernames: readonly string[]): Promise<UsersByNameAnswer> {
    if (usernames.length === 0) return { users: [] };
    const query = new URLSearchParams(usernames.map((name): [string, string] => ['username', name]));
    return (await this.get<UsersByNameAnswer>(caller, `/internal/v1/search/users?${query}`)) ?? { users: [] };
  }

  private async get<T>(caller: CallerIdentity, path: string): Promise<T | null> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.config.CHAT_URL), {
        headers: { [IDENTITY_HEADER]: signIdentity(this.config.INTERNAL_IDENTITY_SECRET, caller) },
        signal: AbortSignal.timeout(this.config.SEARCH_CHAT_TIMEOUT_MS),
      });
    } catch {
      throw chatUnavailable();
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw chatUnavailable();
    }
    return (await response.json()) as T;
  }
}

function chatUnavailable(): AppError {
  return new AppError(503, SEARCH_ERRORS.chatUnavailable, 'Permissions cannot be checked right now.');
}
