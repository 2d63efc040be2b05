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
  channelId: string;
  guildId: string | null;
  level: NotificationChannelOverridesTable['level'];
  muted: boolean;
  mutedUntil: Date | null;
}): StoredChannelOverride {
  return {
    channelId: row.channelId,
    guildId: row.guildId,
    level: row.level,
    muted: row.muted,
    mutedUntil: row.mutedUntil,
  };
}

@Injectable()
export class NotificationsRepository {
  async guildSettings(db: ChatExecutor, userId: string, guildId: string): Promise<GuildSettingsState | null> {
    const row = await db
      .selectFrom('notification_guild_settings')
      .select(['level', 'suppressEveryone', 'muted', 'mutedUntil'])
      .where('userId', '=', userId)
      .where('guildId', '=', guildId)
      .executeTakeFirst();
    return row ?? null;
  }

  async saveGuildSettings(
    db: ChatExecutor,
    userId: string,
    guildId: string,
    settings: GuildSettingsState,
  ): Promise<void> {
    const values = {
      level: settings.level,
      suppressEveryone: settings.suppressEveryone,
      muted: settings.muted,
      mutedUntil: settings.mutedUntil,
    };
    await db
      .insertInto('notification_guild_settings')
      .values({ userId, guildId, ...values })
      .onConflict((conflict) =>
        conflict.columns(['userId', 'guildId']).doUpdateSet({ ...values, updatedAt: new Date() }),
      )
      .execute();
  }

  /** My overrides of a guild's channels. */
  async guildOverrides(db: ChatExecutor, userId: string, guildId: string): Promise<StoredChannelOverride[]> {
    const rows = await db
      .selectFrom('notification_channel_overrides')
      .select(['channelId', 'guildId', 'level', 'muted', 'mutedUntil'])
      .where('userId', '=', userId)
      .where('guildId', '=', guildId)
      .orderBy('channelId')
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
      .select(['channelId', 'guildId', 'level', 'muted', 'mutedUntil'])
      .where('userId', '=', userId)
      .where('channelId', '=', channelId)
      .executeTakeFirst();
    return row ? overrideOf(row) : null;
  }

  async saveChannelOverride(
    db: ChatExecutor,
    userId: string,
    override: StoredChannelOverride,
  ): Promise<void> {
    const values = { level: override.level, muted: override.muted, mutedUntil: override.mutedUntil };
    await db
      .insertInto('notification_channel_overrides')
      .values({ userId, channelId: override.channelId, guildId: override.guildId, ...values })
      .onConflict((conflict) =>
        conflict.columns(['userId', 'channelId']).doUpdateSet({ ...values, updatedAt: new Date() }),
      )
      .execute();
  }

  async deleteChannelOverride(db: ChatExecutor, userId: string, channelId: string): Promise<void> {
    await db
      .deleteFrom('notification_channel_overrides')
      .where('userId', '=', userId)
      .where('channelId', '=', channelId)
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
        .select(['guildId', 'level', 'suppressEveryone', 'muted', 'mutedUntil'])
        .where('userId', '=', userId)
        .execute(),
      db
        .selectFrom('notification_channel_overrides')
        .select(['channelId', 'guildId', 'level', 'muted', 'mutedUntil'])
        .where('userId', '=', userId)
        .execute(),
    ]);
    return {
      guilds: new Map(
        guildRows.map((row) => [
          row.guildId,
          {
            level: row.level,
            suppressEveryone: row.suppressEveryone,
            muted: row.muted,
            mutedUntil: row.mutedUntil,
          },
        ]),
      ),
      channels: new Map(channelRows.map((row) => [row.channelId, overrideOf(row)])),
    };
  }

  // --- What the notify decision reads for one message ---

  async guildSettingsOf(
    db: ChatExecutor,
    guildId: string,
    userIds: readonly string[],
  ): Promise<Map<string, GuildSettingsState>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('notification_guild_settings')
      .select(['userId', 'level', 'suppressEveryone', 'muted', 'mutedUntil'])
      .where('guildId', '=', guildId)
      .where('userId', 'in', userIds)
      .execute();
    return new Map(
      rows.map((row) => [
        row.userId,
        {
          level: row.level,
          suppressEveryone: row.suppressEveryone,
          muted: row.muted,
          mutedUntil: row.mutedUntil,
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
      .select(['userId', 'channelId', 'guildId', 'level', 'muted', 'mutedUntil'])
      .where('channelId', 'in', channelIds)
      .where('userId', 'in', userIds)
      .execute();
    const byUser = new Map<string, Map<string, StoredChannelOverride>>();
    for (const row of rows) {
      const map = byUser.get(row.userId) ?? new Map<string, StoredChannelOverride>();
      map.set(row.channelId, overrideOf(row));
      byUser.set(row.userId, map);
    }
    return byUser;
  }

  // --- Push subscriptions ---

  async pushSubscriptions(db: ChatExecutor, userId: string): Promise<StoredPushSubscription[]> {
    return db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('userId', '=', userId)
      .orderBy('id')
      .execute();
  }

  /** Serialises one user's subscription changes (the limit check and the insert together). */
  async lockUser(db: ChatExecutor, userId: string): Promise<void> {
    await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
  }

  async countPushSubscriptions(db: ChatExecutor, userId: string): Promise<number> {
    const row = await db
      .selectFrom('push_subscriptions')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('userId', '=', userId)
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
    return db
      .insertInto('push_subscriptions')
      .values({
        id: subscription.id,
        userId: subscription.userId,
        endpoint: subscription.endpoint,
        p256dh: subscription.p256dh,
        auth: subscription.auth,
      })
      .onConflict((conflict) =>
        conflict.column('endpoint').doUpdateSet({
          userId: subscription.userId,
          p256dh: subscription.p256dh,
          auth: subscription.auth,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async ownsEndpoint(db: ChatExecutor, userId: string, endpoint: string): Promise<boolean> {
    const row = await db
      .selectFrom('push_subscriptions')
      .select('id')
      .where('endpoint', '=', endpoint)
      .where('userId', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Deletes the user's subscription with this endpoint; whether there was one. */
  async deletePushSubscription(db: ChatExecutor, userId: string, endpoint: string): Promise<boolean> {
    const result = await db
      .deleteFrom('push_subscriptions')
      .where('userId', '=', userId)
      .where('endpoint', '=', endpoint)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The push service said the subscription is gone (404/410). */
  async deletePushSubscriptionById(db: ChatExecutor, id: string): Promise<void> {
    await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
  }
}
