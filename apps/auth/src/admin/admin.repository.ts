import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { Executor } from '../database/transaction-runner';
import type { UserRow } from '../users/users.repository';
import type { InstanceInvitesTable, InstanceSettingsTable, RegistrationMode } from './admin.schema';

export type InstanceSettingsRow = Selectable<InstanceSettingsTable>;
export type InstanceInviteRow = Selectable<InstanceInvitesTable>;

interface InstanceCounts {
  users: number;
  bots: number;
  registeredLast7Days: number;
  suspended: number;
  activeSessions: number;
}

/** The instance settings row, instance invites, and the admin's view of users. */
@Injectable()
export class AdminRepository {
  async settings(db: Executor): Promise<InstanceSettingsRow> {
    return db.selectFrom('instance_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  }

  async setRegistrationMode(db: Executor, mode: RegistrationMode): Promise<InstanceSettingsRow> {
    return db
      .updateTable('instance_settings')
      .set({ registrationMode: mode, updatedAt: new Date() })
      .where('id', '=', 1)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** True for exactly one caller ever: the registration that makes the first user admin. */
  async claimFirstAdmin(db: Executor): Promise<boolean> {
    const row = await db
      .updateTable('instance_settings')
      .set({ adminClaimed: true })
      .where('id', '=', 1)
      .where('adminClaimed', '=', false)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async markAdmin(db: Executor, userId: string): Promise<UserRow> {
    return db
      .updateTable('users')
      .set({ instanceAdmin: true })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async insertInvite(
    db: Executor,
    invite: { code: string; createdBy: string; maxUses: number | null; expiresAt: Date | null },
  ): Promise<InstanceInviteRow> {
    return db
      .insertInto('instance_invites')
      .values({
        code: invite.code,
        createdBy: invite.createdBy,
        maxUses: invite.maxUses,
        expiresAt: invite.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async listInvites(db: Executor): Promise<InstanceInviteRow[]> {
    return db.selectFrom('instance_invites').selectAll().orderBy('createdAt', 'desc').execute();
  }

  async deleteInvite(db: Executor, code: string): Promise<boolean> {
    const row = await db
      .deleteFrom('instance_invites')
      .where('code', '=', code)
      .returning('code')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Counts one use of a live invite in a single statement (concurrent registrations cannot overshoot
   * maxUses); false when the code is unknown, expired or used up.
   */
  async useInvite(db: Executor, code: string, now: Date): Promise<boolean> {
    const row = await db
      .updateTable('instance_invites')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('code', '=', code)
      .where((eb) => eb.or([eb('maxUses', 'is', null), eb('uses', '<', eb.ref('maxUses'))]))
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
      .returning('code')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * People (not bots), newest first, whose username or email contains `query` (ignoring case); keyset
   * pagination by id (`before`: the last id of the previous page).
   */
  async searchUsers(
    db: Executor,
    options: { query: string | null; before: string | null; limit: number },
  ): Promise<UserRow[]> {
    let select = db.selectFrom('users').selectAll().where('bot', '=', false);
    if (options.query) {
      const pattern = `%${options.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      select = select.where((eb) =>
        eb.or([eb('username', 'like', pattern), eb(sql<string>`lower(email)`, 'like', pattern)]),
      );
    }
    if (options.before) select = select.where('id', '<', options.before);
    return select.orderBy('id', 'desc').limit(options.limit).execute();
  }

  async setSuspended(
    db: Executor,
    userId: string,
    suspension: { at: Date; reason: string } | null,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({
        suspendedAt: suspension?.at ?? null,
        suspensionReason: suspension?.reason ?? null,
        updatedAt: new Date(),
      })
      .where('id', '=', userId)
      .execute();
  }

  /** The live bot tokens of the applications a user owns (revoked with the owner's suspension). */
  async botTokensOwnedBy(db: Executor, ownerId: string): Promise<{ id: string; applicationId: string }[]> {
    return db
      .selectFrom('bot_tokens as t')
      .innerJoin('applications as a', 'a.id', 't.applicationId')
      .select(['t.id', 't.applicationId'])
      .where('a.ownerId', '=', ownerId)
      .execute();
  }

  async counts(db: Executor, now: Date): Promise<InstanceCounts> {
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    const users = await db
      .selectFrom('users')
      .select((eb) => [
        eb.fn.count<string>('id').filterWhere('bot', '=', false).as('users'),
        eb.fn.count<string>('id').filterWhere('bot', '=', true).as('bots'),
        eb.fn
          .count<string>('id')
          .filterWhere((f) => f.and([f('bot', '=', false), f('createdAt', '>', weekAgo)]))
          .as('recent'),
        eb.fn.count<string>('id').filterWhere('suspendedAt', 'is not', null).as('suspended'),
      ])
      .executeTakeFirstOrThrow();
    const sessions = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirstOrThrow();
    return {
      users: Number(users.users),
      bots: Number(users.bots),
      registeredLast7Days: Number(users.recent),
      suspended: Number(users.suspended),
      activeSessions: Number(sessions.count),
    };
  }
}
