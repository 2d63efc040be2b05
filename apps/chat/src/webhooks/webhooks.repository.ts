import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { WebhooksTable } from '../database/schema';

export type WebhookRow = Selectable<WebhooksTable>;

interface NewWebhook {
  id: string;
  guildId: string;
  channelId: string;
  name: string;
  avatar: string | null;
  creatorId: string;
  tokenHash: string;
}

/** Incoming webhooks; reads by primary key or the (channel_id, id) and (guild_id, id) indexes. */
@Injectable()
export class WebhooksRepository {
  async insert(db: ChatExecutor, webhook: NewWebhook): Promise<WebhookRow> {
    return db
      .insertInto('webhooks')
      .values({
        id: webhook.id,
        guildId: webhook.guildId,
        channelId: webhook.channelId,
        name: webhook.name,
        avatar: webhook.avatar,
        creatorId: webhook.creatorId,
        tokenHash: webhook.tokenHash,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(db: ChatExecutor, id: string): Promise<WebhookRow | null> {
    const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ?? null;
  }

  async countInChannel(db: ChatExecutor, channelId: string): Promise<number> {
    const row = await db
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('channelId', '=', channelId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  listForChannel(db: ChatExecutor, channelId: string): Promise<WebhookRow[]> {
    return db
      .selectFrom('webhooks')
      .selectAll()
      .where('channelId', '=', channelId)
      .orderBy('id', 'asc')
      .execute();
  }

  listForGuild(db: ChatExecutor, guildId: string): Promise<WebhookRow[]> {
    return db
      .selectFrom('webhooks')
      .selectAll()
      .where('guildId', '=', guildId)
      .orderBy('id', 'asc')
      .execute();
  }

  async update(
    db: ChatExecutor,
    id: string,
    change: { name?: string; avatar?: string | null; channelId?: string },
  ): Promise<WebhookRow | null> {
    const set = {
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.avatar === undefined ? {} : { avatar: change.avatar }),
      ...(change.channelId === undefined ? {} : { channelId: change.channelId }),
    };
    // An empty change is no SQL update: the webhook as it is.
    if (Object.keys(set).length === 0) return this.find(db, id);
    const row = await db
      .updateTable('webhooks')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async delete(db: ChatExecutor, id: string): Promise<WebhookRow | null> {
    const row = await db.deleteFrom('webhooks').where('id', '=', id).returningAll().executeTakeFirst();
    return row ?? null;
  }
}
