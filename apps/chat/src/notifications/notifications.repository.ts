import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChannelOverrideState, GuildSettingsState } from './notification-decision';
import type { NotificationChannelOverridesTable } from './notifications.schema';

export interface StoredChannelOverride extends ChannelOverrideState {
  channelId: string;
  guildId: string | null;
}

export interface StoredPushSubscription {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: Date;
}

function overrideOf(row: {
  channel_id: string;
  guild_id: string | null;
  level: NotificationChannelOverridesTable['level'];
  muted: boolean;
  muted_until: Date | null;
}): StoredChannelOverride {
  return {
    channelId: row.channel_id,
    guildId: row.guild_id,
    level: row.level,
    muted: row.muted,
    mutedUntil: row.muted_until,
  };
}

@Injectable()
export class NotificationsRepository {
  async guildSettings(db: ChatExecutor, userId: string, guildId: string): Promise<GuildSettingsState | null> {
    const row = await db
      .selectFrom('notification_guild_settings')
      .select(['level', 'suppress_everyone', 'muted', 'muted_until'])
      .where('user_id', '=', userId)
      .where('guild_id', '=', guildId)
      .executeTakeFirst();
    return row
      ? {
          level: row.level,
          suppressEveryone: row.suppress_everyone,
          muted: row.muted,
          mutedUntil: row.muted_until,
        }
      : null;
  }

  async saveGuildSettings(
    db: ChatExecutor,
    userId: string,
    guildId: string,
    settings: GuildSettingsState,
  ): Promise<void> {
    const values = {
      level: settings.level,
      suppress_everyone: settings.suppressEveryone,
      muted: settings.muted,
      muted_until: settings.mutedUntil,
    };
    await db
      .insertInto('notification_guild_settings')
      .values({ user_id: userId, guild_id: guildId, ...values })
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'guild_id']).doUpdateSet({ ...values, updated_at: new Date() }),
      )
      .execute();
  }

  /** My overrides of a guild's channels. */
  async guildOverrides(db: ChatExecutor, userId: string, guildId: string): Promise<StoredChannelOverride[]> {
    const rows = await db
      .selectFrom('notification_channel_overrides')
      .select(['channel_id', 'guild_id', 'level', 'muted', 'muted_until'])
      .where('user_id', '=', userId)
      .where('guild_id', '=', guildId)
      .orderBy('channel_id')
      .execute();
    return rows.map(overrideOf);
  }

  async channelOverride(
    db: ChatExecutor,
    userId: string,
    channelId: string,
  ): Promise<StoredChannelOverride | null> {
    const row = await db
      .selectFrom('notification_channel_overrides')
      .select(['channel_id', 'guild_id', 'level', 'muted', 'muted_until'])
      .where('user_id', '=', userId)
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row ? overrideOf(row) : null;
  }

  async saveChannelOverride(
    db: ChatExecutor,
    userId: string,
    override: StoredChannelOverride,
  ): Promise<void> {
    const values = { level: override.level, muted: override.muted, muted_until: override.mutedUntil };
    await db
      .insertInto('notification_channel_overrides')
      .values({ user_id: userId, channel_id: override.channelId, guild_id: override.guildId, ...values })
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'channel_id']).doUpdateSet({ ...values, updated_at: new Date() }),
      )
      .execute();
  }

  async deleteChannelOverride(db: ChatExecutor, userId: string, channelId: string): Promise<void> {
    await db
      .deleteFrom('notification_channel_overrides')
      .where('user_id', '=', userId)
      .where('channel_id', '=', channelId)
      .execute();
  }

  /** All my settings (read states apply mutes and @everyone suppression): a user's own rows only. */
  async allOfUser(
    db: ChatExecutor,
    userId: string,
  ): Promise<{ guilds: Map<string, GuildSettingsState>; channels: Map<string, StoredChannelOverride> }> {
    const [guildRows, channelRows] = await Promise.all([
      db
        .selectFrom('notification_guild_settings')
        .select(['guild_id', 'level', 'suppress_everyone', 'muted', 'muted_until'])
        .where('user_id', '=', userId)
        .execute(),
      db
        .selectFrom('notification_channel_overrides')
        .select(['channel_id', 'guild_id', 'level', 'muted', 'muted_until'])
        .where('user_id', '=', userId)
        .execute(),
    ]);
    return {
      guilds: new Map(
        guildRows.map((row) => [
          row.guild_id,
          {
            level: row.level,
            suppressEveryone: row.suppress_everyone,
            muted: row.muted,
            mutedUntil: row.muted_until,
          },
        ]),
      ),
      channels: new Map(channelRows.map((row) => [row.channel_id, overrideOf(row)])),
    };
  }

  // --- What the notify decision reads for one message ---

  /** Those who chose level `all` for this guild, or for one of these channels (bounded by opt-ins). */
  async optedInToAll(db: ChatExecutor, guildId: string, channelIds: readonly string[]): Promise<string[]> {
    const [guildRows, channelRows] = await Promise.all([
      db
        .selectFrom('notification_guild_settings')
        .select('user_id')
        .where('guild_id', '=', guildId)
        .where('level', '=', 'all')
        .execute(),
      db
        .selectFrom('notification_channel_overrides')
        .select('user_id')
        .where('channel_id', 'in', channelIds)
        .where('level', '=', 'all')
        .execute(),
    ]);
    return [...new Set([...guildRows, ...channelRows].map((row) => row.user_id))];
  }

  async guildSettingsOf(
    db: ChatExecutor,
    guildId: string,
    userIds: readonly string[],
  ): Promise<Map<string, GuildSettingsState>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('notification_guild_settings')
      .select(['user_id', 'level', 'suppress_everyone', 'muted', 'muted_until'])
      .where('guild_id', '=', guildId)
      .where('user_id', 'in', userIds)
      .execute();
    return new Map(
      rows.map((row) => [
        row.user_id,
        {
          level: row.level,
          suppressEveryone: row.suppress_everyone,
          muted: row.muted,
          mutedUntil: row.muted_until,
        },
      ]),
    );
  }

  /** Overrides of these users for these channels: user → channel → override. */
  async overridesOf(
    db: ChatExecutor,
    channelIds: readonly string[],
    userIds: readonly string[],
  ): Promise<Map<string, Map<string, StoredChannelOverride>>> {
    if (userIds.length === 0 || channelIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('notification_channel_overrides')
      .select(['user_id', 'channel_id', 'guild_id', 'level', 'muted', 'muted_until'])
      .where('channel_id', 'in', channelIds)
      .where('user_id', 'in', userIds)
      .execute();
    const byUser = new Map<string, Map<string, StoredChannelOverride>>();
    for (const row of rows) {
      const map = byUser.get(row.user_id) ?? new Map<string, StoredChannelOverride>();
      map.set(row.channel_id, overrideOf(row));
      byUser.set(row.user_id, map);
    }
    return byUser;
  }

  // --- Push subscriptions ---

  async pushSubscriptions(db: ChatExecutor, userId: string): Promise<StoredPushSubscription[]> {
    const rows = await db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      endpoint: row.endpoint,
      p256dh: row.p256dh,
      auth: row.auth,
      createdAt: row.created_at,
    }));
  }

  /** Serialises one user's subscription changes (the limit check and the insert together). */
  async lockUser(db: ChatExecutor, userId: string): Promise<void> {
    await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
  }

  async countPushSubscriptions(db: ChatExecutor, userId: string): Promise<number> {
    const row = await db
      .selectFrom('push_subscriptions')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Stores the subscription under this endpoint (one row per endpoint: a browser re-subscribing, or
   * another user signing in on the same browser, takes it over).
   */
  async savePushSubscription(
    db: ChatExecutor,
    subscription: Omit<StoredPushSubscription, 'createdAt'>,
  ): Promise<StoredPushSubscription> {
    const row = await db
      .insertInto('push_subscriptions')
      .values({
        id: subscription.id,
        user_id: subscription.userId,
        endpoint: subscription.endpoint,
        p256dh: subscription.p256dh,
        auth: subscription.auth,
      })
      .onConflict((conflict) =>
        conflict.column('endpoint').doUpdateSet({
          user_id: subscription.userId,
          p256dh: subscription.p256dh,
          auth: subscription.auth,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      userId: row.user_id,
      endpoint: row.endpoint,
      p256dh: row.p256dh,
      auth: row.auth,
      createdAt: row.created_at,
    };
  }

  async ownsEndpoint(db: ChatExecutor, userId: string, endpoint: string): Promise<boolean> {
    const row = await db
      .selectFrom('push_subscriptions')
      .select('id')
      .where('endpoint', '=', endpoint)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Deletes the user's subscription with this endpoint; whether there was one. */
  async deletePushSubscription(db: ChatExecutor, userId: string, endpoint: string): Promise<boolean> {
    const result = await db
      .deleteFrom('push_subscriptions')
      .where('user_id', '=', userId)
      .where('endpoint', '=', endpoint)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The push service said the subscription is gone (404/410). */
  async deletePushSubscriptionById(db: ChatExecutor, id: string): Promise<void> {
    await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
  }
}
