import { Injectable } from '@nestjs/common';
import type { Insertable } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { RolesTable } from '../database/schema';
import type { RoleRow } from './roles.dto';

interface RoleChanges {
  name?: string;
  color?: number;
  hoist?: boolean;
  mentionable?: boolean;
  permissions?: bigint;
}

@Injectable()
export class RolesRepository {
  async insert(db: ChatExecutor, role: Insertable<RolesTable>): Promise<RoleRow> {
    return db.insertInto('roles').values(role).returningAll().executeTakeFirstOrThrow();
  }

  /** The guild's roles, lowest first (@everyone at 0). */
  async list(db: ChatExecutor, guildId: string): Promise<RoleRow[]> {
    return db
      .selectFrom('roles')
      .selectAll()
      .where('guildId', '=', guildId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async find(db: ChatExecutor, guildId: string, roleId: string): Promise<RoleRow | null> {
    return (
      (await db
        .selectFrom('roles')
        .selectAll()
        .where('guildId', '=', guildId)
        .where('id', '=', roleId)
        .executeTakeFirst()) ?? null
    );
  }

  async findMany(db: ChatExecutor, guildId: string, roleIds: readonly string[]): Promise<RoleRow[]> {
    if (roleIds.length === 0) return [];
    return db
      .selectFrom('roles')
      .selectAll()
      .where('guildId', '=', guildId)
      .where('id', 'in', roleIds)
      .execute();
  }

  async count(db: ChatExecutor, guildId: string): Promise<number> {
    const row = await db
      .selectFrom('roles')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('guildId', '=', guildId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Serialises role changes of one guild (positions, counts) for the rest of the transaction. */
  async lockGuild(db: ChatExecutor, guildId: string): Promise<boolean> {
    const row = await db
      .selectFrom('guilds')
      .select('id')
      .where('id', '=', guildId)
      .forUpdate()
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Makes room at `position`: every role at or above it (except @everyone) moves up by one. */
  async shiftUp(db: ChatExecutor, guildId: string, position: number): Promise<RoleRow[]> {
    return db
      .updateTable('roles')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('guildId', '=', guildId)
      .where('position', '>=', position)
      .where('id', '!=', guildId)
      .returningAll()
      .execute();
  }

  async update(db: ChatExecutor, guildId: string, roleId: string, changes: RoleChanges): Promise<RoleRow> {
    return db
      .updateTable('roles')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.color !== undefined ? { color: changes.color } : {}),
        ...(changes.hoist !== undefined ? { hoist: changes.hoist } : {}),
        ...(changes.mentionable !== undefined ? { mentionable: changes.mentionable } : {}),
        ...(changes.permissions !== undefined ? { permissions: changes.permissions } : {}),
      })
      .where('guildId', '=', guildId)
      .where('id', '=', roleId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async setPosition(db: ChatExecutor, guildId: string, roleId: string, position: number): Promise<RoleRow> {
    return db
      .updateTable('roles')
      .set({ position })
      .where('guildId', '=', guildId)
      .where('id', '=', roleId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Deletes the role (member assignments cascade) and its channel overwrites; returns the channels touched. */
  async delete(db: ChatExecutor, guildId: string, roleId: string): Promise<string[]> {
    const overwrites = await db
      .deleteFrom('permission_overwrites')
      .where('targetId', '=', roleId)
      .where('targetType', '=', 'role')
      .where('channelId', 'in', (eb) => eb.selectFrom('channels').select('id').where('guildId', '=', guildId))
      .returning('channelId')
      .execute();
    await db.deleteFrom('roles').where('guildId', '=', guildId).where('id', '=', roleId).execute();
    return overwrites.map((row) => row.channelId);
  }
}
