import { ERROR, internalPath } from '@bonfire/contracts';
import type { ChannelPermissionsAnswer, ReadableChannelsAnswer, UsersByNameAnswer } from '@bonfire/contracts';
import { AppError, type CallerIdentity, getInternalJson, MetricsService } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { SEARCH_CONFIG, type SearchConfig } from '../config';

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
 * query. Measured (tools/bench/search.bench.ts, 2 shared cores, index of 1,000,000 messages): the
 * readable-channels call alone is p50 2.6 ms / p95 12.7 ms one at a time (4 concurrent: 4.6 / 31.7 ms),
 * against 63–259 ms for a whole guild search at p50 — 2–4 % of it, the most a projection could save.
 * Kept under watch as `search_chat_call_seconds`.
 */
@Injectable()
export class ChatClient {
  private readonly duration: Histogram<'call'>;

  constructor(
    @Inject(SEARCH_CONFIG) private readonly config: SearchConfig,
    metrics: MetricsService,
  ) {
    this.duration = new Histogram({
      name: 'search_chat_call_seconds',
      help: "time of search's calls to chat (readable channels, channel permissions, users by name)",
      labelNames: ['call'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [metrics.registry],
    });
  }

  /** Channels of the guild the caller may read; null when they are not a member (or no such guild). */
  readableChannels(caller: CallerIdentity, guildId: string): Promise<ReadableChannelsAnswer | null> {
    return this.get('readable_channels', caller, internalPath('search', 'readableChannels', { guildId }));
  }

  /** The caller's permissions in a channel (guild channel or DM); null when they cannot see it. */
  channelPermissions(caller: CallerIdentity, channelId: string): Promise<ChannelPermissionsAnswer | null> {
    return this.get(
      'channel_permissions',
      caller,
      internalPath('realtime', 'channelPermissions', { channelId }),
    );
  }

  async usersByName(caller: CallerIdentity, usernames: readonly string[]): Promise<UsersByNameAnswer> {
    if (usernames.length === 0) return { users: [] };
    const query = new URLSearchParams(usernames.map((name): [string, string] => ['username', name]));
    return (
      (await this.get<UsersByNameAnswer>(
        'users_by_name',
        caller,
        `${internalPath('search', 'users')}?${query}`,
      )) ?? {
        users: [],
      }
    );
  }

  private async get<T>(call: string, caller: CallerIdentity, path: string): Promise<T | null> {
    const stopTimer = this.duration.startTimer({ call });
    try {
      return await this.request<T>(caller, path);
    } finally {
      stopTimer();
    }
  }

  private request<T>(caller: CallerIdentity, path: string): Promise<T | null> {
    return getInternalJson<T>({
      baseUrl: this.config.CHAT_URL,
      path,
      caller,
      identitySecret: this.config.INTERNAL_IDENTITY_SECRET,
      timeoutMs: this.config.SEARCH_CHAT_TIMEOUT_MS,
      unavailable: chatUnavailable,
    });
  }
}

function chatUnavailable(): AppError {
  return new AppError(ERROR.CHAT_UNAVAILABLE, 'Permissions cannot be checked right now.');
}
