import type { Emoji } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { EmojisTable } from './emojis.schema';

type EmojiRow = Selectable<EmojisTable>;

export function toEmoji(row: EmojiRow): Emoji {
  return {
    id: row.id,
    guildId: row.guildId,
    name: row.name,
    animated: row.animated,
    creatorId: row.creatorId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The emoji of several guilds (the realtime `ready` state), oldest first, in one query. */
export async function emojisOfGuilds(
  db: ChatExecutor,
  guildIds: readonly string[],
): Promise<Map<string, Emoji[]>> {
  const byGuild = new Map<string, Emoji[]>();
  if (guildIds.length === 0) return byGuild;
  const rows = await db
    .selectFrom('emojis')
    .selectAll()
    .where('guildId', 'in', guildIds)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byGuild.get(row.guildId) ?? [];
    list.push(toEmoji(row));
    byGuild.set(row.guildId, list);
  }
  return byGuild;
}

/** One emoji of a guild, for a reaction that names it (null: no such emoji in this guild). */
export async function findGuildEmoji(
  db: ChatExecutor,
  guildId: string,
  emojiId: string,
): Promise<EmojiRow | null> {
  return (
    (await db
      .selectFrom('emojis')
      .selectAll()
      .where('guildId', '=', guildId)
      .where('id', '=', emojiId)
      .executeTakeFirst()) ?? null
  );
}

/** The only place that touches the `emojis` table (reactions and `ready` read it through the functions above). */
@Injectable()
export class EmojisRepository {
  async list(db: ChatExecutor, guildId: string): Promise<EmojiRow[]> {
    return db.selectFrom('emojis').selectAll().where('guildId', '=', guildId).orderBy('id').execute();
  }

  find(db: ChatExecutor, guildId: string, emojiId: string): Promise<EmojiRow | null> {
    return findGuildEmoji(db, guildId, emojiId);
  }

  async counts(db: ChatExecutor, guildId: string): Promise<{ static: number; animated: number }> {
    const rows = await db
      .selectFrom('emojis')
      .select(['animated', (eb) => eb.fn.countAll<string>().as('count')])
      .where('guildId', '=', guildId)
      .groupBy('animated')
      .execute();
    const count = (animated: boolean) => Number(rows.find((row) => row.animated === animated)?.count ?? 0);
    return { static: count(false), animated: count(true) };
  }

  /** Whether another emoji of the guild has this name. */
  async nameTaken(db: ChatExecutor, guildId: string, name: string, exceptId?: string): Promise<boolean> {
    let query = db.selectFrom('emojis').select('id').where('guildId', '=', guildId).where('name', '=', name);
    if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  /** Null when the id is already an emoji (its image was used before). */
  async insert(
    db: ChatExecutor,
    emoji: { id: string; guildId: string; name: string; animated: boolean; creatorId: string },
  ): Promise<EmojiRow | null> {
    return (
      (await db
        .insertInto('emojis')
        .values({
          id: emoji.id,
          guildId: emoji.guildId,
          name: emoji.name,
          animated: emoji.animated,
          creatorId: emoji.creatorId,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async rename(db: ChatExecutor, guildId: string, emojiId: string, name: string): Promise<EmojiRow | null> {
    return (
      (await db
        .updateTable('emojis')
        .set({ name })
        .where('guildId', '=', guildId)
        .where('id', '=', emojiId)
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async delete(db: ChatExecutor, guildId: string, emojiId: string): Promise<EmojiRow | null> {
    return (
      (await db
        .deleteFrom('emojis')
        .where('guildId', '=', guildId)
        .where('id', '=', emojiId)
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /** Serialises the guild's emoji changes (counts, names, the list each event carries). */
  async lockGuild(db: ChatExecutor, guildId: string): Promise<boolean> {
    const row = await db
      .selectFrom('guilds')
      .select('id')
      .where('id', '=', guildId)
      .forUpdate()
      .executeTakeFirst();
    return row !== undefined;
  }
}
