import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { Executor } from '../database/transaction-runner';
import type { MfaTicketsTable, UserTotpTable } from './two-factor.schema';

type UserTotpRow = Selectable<UserTotpTable>;
type MfaTicketRow = Selectable<MfaTicketsTable>;

/** The two-factor tables: TOTP enrolments, recovery codes and login tickets. */
@Injectable()
export class TwoFactorRepository {
  async findTotp(db: Executor, userId: string): Promise<UserTotpRow | null> {
    return (
      (await db.selectFrom('user_totp').selectAll().where('userId', '=', userId).executeTakeFirst()) ?? null
    );
  }

  /** Row-locks the enrolment: the code check and `lastUsedStep` move together. */
  async findTotpForUpdate(db: Executor, userId: string): Promise<UserTotpRow | null> {
    return (
      (await db
        .selectFrom('user_totp')
        .selectAll()
        .where('userId', '=', userId)
        .forUpdate()
        .executeTakeFirst()) ?? null
    );
  }

  /** A new (pending) enrolment replaces any earlier pending one. */
  async savePendingTotp(db: Executor, userId: string, secretEncrypted: string): Promise<void> {
    await db
      .insertInto('user_totp')
      .values({
        userId,
        secretEncrypted,
        confirmedAt: null,
        lastUsedStep: null,
      })
      .onConflict((oc) =>
        oc.column('userId').doUpdateSet({
          secretEncrypted,
          createdAt: new Date(),
          confirmedAt: null,
          lastUsedStep: null,
        }),
      )
      .execute();
  }

  async confirmTotp(db: Executor, userId: string, step: number): Promise<void> {
    await db
      .updateTable('user_totp')
      .set({ confirmedAt: new Date(), lastUsedStep: step })
      .where('userId', '=', userId)
      .execute();
    await db
      .updateTable('users')
      .set({ mfaEnabled: true, updatedAt: new Date() })
      .where('id', '=', userId)
      .execute();
  }

  async markStepUsed(db: Executor, userId: string, step: number): Promise<void> {
    await db.updateTable('user_totp').set({ lastUsedStep: step }).where('userId', '=', userId).execute();
  }

  /** Turns two-factor off: the enrolment, the recovery codes and any open login ticket go. */
  async disable(db: Executor, userId: string): Promise<void> {
    await db.deleteFrom('user_totp').where('userId', '=', userId).execute();
    await db.deleteFrom('mfa_recovery_codes').where('userId', '=', userId).execute();
    await db.deleteFrom('mfa_tickets').where('userId', '=', userId).execute();
    await db
      .updateTable('users')
      .set({ mfaEnabled: false, updatedAt: new Date() })
      .where('id', '=', userId)
      .execute();
  }

  async replaceRecoveryCodes(db: Executor, userId: string, codeHashes: string[]): Promise<void> {
    await db.deleteFrom('mfa_recovery_codes').where('userId', '=', userId).execute();
    await db
      .insertInto('mfa_recovery_codes')
      .values(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null })))
      .execute();
  }

  /** Spends an unused recovery code; false when there is none with that hash. */
  async useRecoveryCode(db: Executor, userId: string, codeHash: string): Promise<boolean> {
    const row = await db
      .updateTable('mfa_recovery_codes')
      .set({ usedAt: new Date() })
      .where('userId', '=', userId)
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .returning('codeHash')
      .executeTakeFirst();
    return row !== undefined;
  }

  async unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
    const row = await db
      .selectFrom('mfa_recovery_codes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async insertTicket(
    db: Executor,
    ticket: { hash: string; userId: string; deviceLabel: string | null; expiresAt: Date },
  ): Promise<void> {
    // The user's stale tickets go as a new one comes: the table stays as small as the logins in flight.
    await db
      .deleteFrom('mfa_tickets')
      .where('userId', '=', ticket.userId)
      .where('expiresAt', '<', new Date())
      .execute();
    await db
      .insertInto('mfa_tickets')
      .values({
        ticketHash: ticket.hash,
        userId: ticket.userId,
        deviceLabel: ticket.deviceLabel,
        expiresAt: ticket.expiresAt,
        usedAt: null,
      })
      .execute();
  }

  async findTicket(db: Executor, hash: string): Promise<MfaTicketRow | null> {
    return (
      (await db.selectFrom('mfa_tickets').selectAll().where('ticketHash', '=', hash).executeTakeFirst()) ??
      null
    );
  }

  async findTicketForUpdate(db: Executor, hash: string): Promise<MfaTicketRow | null> {
    return (
      (await db
        .selectFrom('mfa_tickets')
        .selectAll()
        .where('ticketHash', '=', hash)
        .forUpdate()
        .executeTakeFirst()) ?? null
    );
  }

  async spendTicket(db: Executor, hash: string): Promise<void> {
    await db.updateTable('mfa_tickets').set({ usedAt: new Date() }).where('ticketHash', '=', hash).execute();
  }

  /** Counts a wrong code; the ticket is spent once it has had `max` of them. */
  async countTicketAttempt(db: Executor, hash: string, max: number): Promise<void> {
    const row = await db
      .updateTable('mfa_tickets')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('ticketHash', '=', hash)
      .returning('attempts')
      .executeTakeFirst();
    if (row && row.attempts >= max) await this.spendTicket(db, hash);
  }
}
