import { Injectable } from '@nestjs/common';
import type { Insertable } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { GuildsTable } from '../database/schema';
import type { GuildRow } from './guilds.dto';

interface GuildChanges {
  name?: string;
  description?: string | null;
  iconFileId?: string | null;
  ownerId?: string;
}

@Injectable()
export class GuildsRepository {
  async insert(db: ChatExecutor, guild: Insertable<GuildsTable>): Promise<GuildRow> {
    return db.insertInto('guilds').values(guild).returningAll().executeTakeFirstOrThrow();
  }

  async find(db: ChatExecutor, guildId: string): Promise<GuildRow | null> {
    return (await db.selectFrom('guilds').selectAll().where('id', '=', guildId).executeTakeFirst()) ?? null;
  }

  /** Row-locks the guild for the rest of the transaction. */
  async findForUpdate(db: ChatExecutor, guildId: string): Promise<GuildRow | null> {
    return (
      (await db.selectFrom('guilds').selectAll().where('id', '=', guildId).forUpdate().executeTakeFirst()) ??
      null
    );
  }

  async update(db: ChatExecutor, guildId: string, changes: GuildChanges): Promise<GuildRow> {
    return db
      .updateTable('guilds')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.iconFileId !== undefined ? { iconFileId: changes.iconFileId } : {}),
        ...(changes.ownerId !== undefined ? { ownerId: changes.ownerId } : {}),
      })
      .where('id', '=', guildId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Deletes the guild; roles, members, channels, invites and bans cascade. */
  async delete(db: ChatExecutor, guildId: string): Promise<void> {
    await db.deleteFrom('guilds').where('id', '=', guildId).execute();
  }

  /** The guilds the user is a member of, oldest first. */
  async listForUser(db: ChatExecutor, userId: string): Promise<GuildRow[]> {
    return db
      .selectFrom('members')
      .innerJoin('guilds', 'guilds.id', 'members.guildId')
      .selectAll('guilds')
      .where('members.userId', '=', userId)
      .orderBy('guilds.id')
      .execute();
  }
}
