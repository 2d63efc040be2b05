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
      .values({ guildId, userId, nickname: null })
      .onConflict((conflict) => conflict.columns(['guildId', 'userId']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async find(db: ChatExecutor, guildId: string, userId: string): Promise<MemberRow | null> {
    return (
      (await db
        .selectFrom('members')
        .selectAll()
        .where('guildId', '=', guildId)
        .where('userId', '=', userId)
        .executeTakeFirst()) ?? null
    );
  }

  /** Row-locks the membership for the rest of the transaction. */
  async findForUpdate(db: ChatExecutor, guildId: string, userId: string): Promise<MemberRow | null> {
    return (
      (await db
        .selectFrom('members')
        .selectAll()
        .where('guildId', '=', guildId)
        .where('userId', '=', userId)
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
    let query = db.selectFrom('members').selectAll().where('guildId', '=', guildId);
    if (after !== undefined) query = query.where('userId', '>', after);
    return query.orderBy('userId').limit(limit).execute();
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
      .select(['userId', 'roleId'])
      .where('guildId', '=', guildId)
      .where('userId', 'in', userIds)
      .orderBy('roleId')
      .execute();
    for (const row of rows) byUser.get(row.userId)?.push(row.roleId);
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
      .where('guildId', '=', guildId)
      .where('userId', '=', userId)
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
      .values(roleIds.map((roleId) => ({ guildId, userId, roleId })))
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
      .where('guildId', '=', guildId)
      .where('userId', '=', userId)
      .where('roleId', 'in', roleIds)
      .execute();
  }

  /** Removes the membership (its role assignments cascade); false when there was none. */
  async delete(db: ChatExecutor, guildId: string, userId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('members')
      .where('guildId', '=', guildId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async countInGuild(db: ChatExecutor, guildId: string): Promise<number> {
    const row = await db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('guildId', '=', guildId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** How many guilds the user is in. */
  async countForUser(db: ChatExecutor, userId: string): Promise<number> {
    const row = await db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('userId', '=', userId)
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
      .select('userId')
      .where('guildId', '=', guildId)
      .where('userId', '=', userId)
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
        guildId: ban.guildId,
        userId: ban.userId,
        reason: ban.reason,
        moderatorId: ban.moderatorId,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['guildId', 'userId'])
          .doUpdateSet({ reason: ban.reason, moderatorId: ban.moderatorId }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async unban(db: ChatExecutor, guildId: string, userId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('bans')
      .where('guildId', '=', guildId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async bans(db: ChatExecutor, guildId: string): Promise<BanRow[]> {
    return db.selectFrom('bans').selectAll().where('guildId', '=', guildId).orderBy('userId').execute();
  }
}
