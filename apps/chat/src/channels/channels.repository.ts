import type { PermissionOverwriteDto } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import type { Insertable } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChannelsTable } from '../database/schema';
import type { ChannelRow } from './channels.dto';

interface ChannelChanges {
  name?: string;
  topic?: string | null;
  parentId?: string | null;
  position?: number;
  slowmodeSeconds?: number;
  userLimit?: number | null;
}

@Injectable()
export class ChannelsRepository {
  async insert(db: ChatExecutor, channel: Insertable<ChannelsTable>): Promise<ChannelRow> {
    return db.insertInto('channels').values(channel).returningAll().executeTakeFirstOrThrow();
  }

  async find(db: ChatExecutor, channelId: string): Promise<ChannelRow | null> {
    return (
      (await db.selectFrom('channels').selectAll().where('id', '=', channelId).executeTakeFirst()) ?? null
    );
  }

  async findForUpdate(db: ChatExecutor, channelId: string): Promise<ChannelRow | null> {
    return (
      (await db
        .selectFrom('channels')
        .selectAll()
        .where('id', '=', channelId)
        .forUpdate()
        .executeTakeFirst()) ?? null
    );
  }

  async listByGuild(db: ChatExecutor, guildId: string): Promise<ChannelRow[]> {
    return db
      .selectFrom('channels')
      .selectAll()
      .where('guildId', '=', guildId)
      .where('threadParentId', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async children(db: ChatExecutor, parentId: string): Promise<ChannelRow[]> {
    return db.selectFrom('channels').selectAll().where('parentId', '=', parentId).orderBy('id').execute();
  }

  async nextPosition(db: ChatExecutor, guildId: string): Promise<number> {
    const row = await db
      .selectFrom('channels')
      .select((eb) => eb.fn.max<number | null>('position').as('max'))
      .where('guildId', '=', guildId)
      .executeTakeFirst();
    return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
  }

  async count(db: ChatExecutor, guildId: string): Promise<number> {
    const row = await db
      .selectFrom('channels')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('guildId', '=', guildId)
      .where('threadParentId', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async update(db: ChatExecutor, channelId: string, changes: ChannelChanges): Promise<ChannelRow> {
    return db
      .updateTable('channels')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.topic !== undefined ? { topic: changes.topic } : {}),
        ...(changes.parentId !== undefined ? { parentId: changes.parentId } : {}),
        ...(changes.position !== undefined ? { position: changes.position } : {}),
        ...(changes.slowmodeSeconds !== undefined ? { slowmodeSeconds: changes.slowmodeSeconds } : {}),
        ...(changes.userLimit !== undefined ? { userLimit: changes.userLimit } : {}),
      })
      .where('id', '=', channelId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(db: ChatExecutor, channelId: string): Promise<void> {
    await db.deleteFrom('channels').where('id', '=', channelId).execute();
  }

  async overwrites(
    db: ChatExecutor,
    channelIds: readonly string[],
  ): Promise<Map<string, PermissionOverwriteDto[]>> {
    const byChannel = new Map<string, PermissionOverwriteDto[]>(channelIds.map((id) => [id, []]));
    if (channelIds.length === 0) return byChannel;
    const rows = await db
      .selectFrom('permission_overwrites')
      .selectAll()
      .where('channelId', 'in', channelIds)
      .orderBy('targetId')
      .execute();
    for (const row of rows) {
      byChannel.get(row.channelId)?.push({
        id: row.targetId,
        type: row.targetType,
        allow: String(row.allow),
        deny: String(row.deny),
      });
    }
    return byChannel;
  }

  async putOverwrite(
    db: ChatExecutor,
    channelId: string,
    overwrite: { id: string; type: 'role' | 'member'; allow: bigint; deny: bigint },
  ): Promise<void> {
    await db
      .insertInto('permission_overwrites')
      .values({
        channelId,
        targetId: overwrite.id,
        targetType: overwrite.type,
        allow: overwrite.allow,
        deny: overwrite.deny,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['channelId', 'targetId'])
          .doUpdateSet({ targetType: overwrite.type, allow: overwrite.allow, deny: overwrite.deny }),
      )
      .execute();
  }

  async deleteOverwrite(db: ChatExecutor, channelId: string, targetId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('permission_overwrites')
      .where('channelId', '=', channelId)
      .where('targetId', '=', targetId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async recipients(db: ChatExecutor, channelId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('channel_recipients')
      .select('userId')
      .where('channelId', '=', channelId)
      .orderBy('userId')
      .execute();
    return rows.map((row) => row.userId);
  }

  /** Serialises channel creation and reordering within one guild. */
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
