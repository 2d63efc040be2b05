import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';
import type { BanRow, MemberRow } from './members.dto';

@Injectable()
export class MembersRepository {
  /** Adds the member; null when they already were one. */
  async insert(db: ChatExecutor, guildId: string, userId: string): Promise<MemberRow | null> {
    const row = await db
      .insertInto('members')
      .values({ guild_id: guildId, user_id: userId, nickname: null })
      .onConflict((conflict) => conflict.columns(['guild_id', 'user_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async find(db: ChatExecutor, guildId: string, userId: string): Promise<MemberRow | null> {
    return (
      (await db
        .selectFrom('members')
        .selectAll()
        .where('guild_id', '=', guildId)
        .where('user_id', '=', userId)
        .executeTakeFirst()) ?? null
    );
  }

  /** Row-locks the membership for the rest of the transaction. */
  async findForUpdate(db: ChatExecutor, guildId: string, userId: string): Promise<MemberRow | null> {
    return (
      (await db
        .selectFrom('members')
        .selectAll()
        .where('guild_id', '=', guildId)
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst()) ?? null
    );
  }

  /** Members ordered by user id, after the given one. */
  async page(
    db: ChatExecutor,
    guildId: string,
    after: string | undefined,
    limit: number,
  ): Promise<MemberRow[]> {
    let query = db.selectFrom('members').selectAll().where('guild_id', '=', guildId);
    if (after !== undefined) query = query.where('user_id', '>', after);
    return query.orderBy('user_id').limit(limit).execute();
  }

  async roleIds(
    db: ChatExecutor,
    guildId: string,
    userIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return byUser;
    const rows = await db
      .selectFrom('member_roles')
      .select(['user_id', 'role_id'])
      .where('guild_id', '=', guildId)
      .where('user_id', 'in', userIds)
      .orderBy('role_id')
      .execute();
    for (const row of rows) byUser.get(row.user_id)?.push(row.role_id);
    return byUser;
  }

  async setNickname(
    db: ChatExecutor,
    guildId: string,
    userId: string,
    nickname: string | null,
  ): Promise<void> {
    await db
      .updateTable('members')
      .set({ nickname })
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .execute();
  }

  async addRoles(
    db: ChatExecutor,
    guildId: string,
    userId: string,
    roleIds: readonly string[],
  ): Promise<void> {
    if (roleIds.length === 0) return;
    await db
      .insertInto('member_roles')
      .values(roleIds.map((roleId) => ({ guild_id: guildId, user_id: userId, role_id: roleId })))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }

  async removeRoles(
    db: ChatExecutor,
    guildId: string,
    userId: string,
    roleIds: readonly string[],
  ): Promise<void> {
    if (roleIds.length === 0) return;
    await db
      .deleteFrom('member_roles')
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .where('role_id', 'in', roleIds)
      .execute();
  }

  /** Removes the membership (its role assignments cascade); false when there was none. */
  async delete(db: ChatExecutor, guildId: string, userId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('members')
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async countInGuild(db: ChatExecutor, guildId: string): Promise<number> {
    const row = await db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('guild_id', '=', guildId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** How many guilds the user is in. */
  async countForUser(db: ChatExecutor, userId: string): Promise<number> {
    const row = await db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Serialises one user's joins and guild creations (the guilds-per-user limit). */
  async lockUser(db: ChatExecutor, userId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`user-guilds:${userId}`}, 0))`.execute(db);
  }

  async userExists(db: ChatExecutor, userId: string): Promise<boolean> {
    return (
      (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined
    );
  }

  async isBanned(db: ChatExecutor, guildId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('bans')
      .select('user_id')
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async ban(
    db: ChatExecutor,
    ban: { guildId: string; userId: string; reason: string | null; moderatorId: string },
  ): Promise<BanRow> {
    return db
      .insertInto('bans')
      .values({
        guild_id: ban.guildId,
        user_id: ban.userId,
        reason: ban.reason,
        moderator_id: ban.moderatorId,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['guild_id', 'user_id'])
          .doUpdateSet({ reason: ban.reason, moderator_id: ban.moderatorId }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async unban(db: ChatExecutor, guildId: string, userId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('bans')
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async bans(db: ChatExecutor, guildId: string): Promise<BanRow[]> {
    return db.selectFrom('bans').selectAll().where('guild_id', '=', guildId).orderBy('user_id').execute();
  }
}
