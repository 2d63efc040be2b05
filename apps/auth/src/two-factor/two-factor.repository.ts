import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { Executor } from '../database/transaction-runner';
import type { MfaTicketsTable, UserTotpTable } from './two-factor.schema';

export type UserTotpRow = Selectable<UserTotpTable>;
export type MfaTicketRow = Selectable<MfaTicketsTable>;

/** The two-factor tables: TOTP enrolments, recovery codes and login tickets. */
@Injectable()
export class TwoFactorRepository {
  async findTotp(db: Executor, userId: string): Promise<UserTotpRow | null> {
    return (
      (await db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst()) ?? null
    );
  }

  /** Row-locks the enrolment: the code check and `last_used_step` move together. */
  async findTotpForUpdate(db: Executor, userId: string): Promise<UserTotpRow | null> {
    return (
      (await db
        .selectFrom('user_totp')
        .selectAll()
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst()) ?? null
    );
  }

  /** A new (pending) enrolment replaces any earlier pending one. */
  async savePendingTotp(db: Executor, userId: string, secretEncrypted: string): Promise<void> {
    await db
      .insertInto('user_totp')
      .values({
        user_id: userId,
        secret_encrypted: secretEncrypted,
        confirmed_at: null,
        last_used_step: null,
      })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({
          secret_encrypted: secretEncrypted,
          created_at: new Date(),
          confirmed_at: null,
          last_used_step: null,
        }),
      )
      .execute();
  }

  async confirmTotp(db: Executor, userId: string, step: number): Promise<void> {
    await db
      .updateTable('user_totp')
      .set({ confirmed_at: new Date(), last_used_step: step })
      .where('user_id', '=', userId)
      .execute();
    await db
      .updateTable('users')
      .set({ mfa_enabled: true, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
  }

  async markStepUsed(db: Executor, userId: string, step: number): Promise<void> {
    await db.updateTable('user_totp').set({ last_used_step: step }).where('user_id', '=', userId).execute();
  }

  /** Turns two-factor off: the enrolment, the recovery codes and any open login ticket go. */
  async disable(db: Executor, userId: string): Promise<void> {
    await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
    await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await db.deleteFrom('mfa_tickets').where('user_id', '=', userId).execute();
    await db
      .updateTable('users')
      .set({ mfa_enabled: false, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
  }

  async replaceRecoveryCodes(db: Executor, userId: string, codeHashes: string[]): Promise<void> {
    await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await db
      .insertInto('mfa_recovery_codes')
      .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
      .execute();
  }

  /** Spends an unused recovery code; false when there is none with that hash. */
  async useRecoveryCode(db: Executor, userId: string, codeHash: string): Promise<boolean> {
    const row = await db
      .updateTable('mfa_recovery_codes')
      .set({ used_at: new Date() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .returning('code_hash')
      .executeTakeFirst();
    return row !== undefined;
  }

  async unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
    const row = await db
      .selectFrom('mfa_recovery_codes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
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
      .where('user_id', '=', ticket.userId)
      .where('expires_at', '<', new Date())
      .execute();
    await db
      .insertInto('mfa_tickets')
      .values({
        ticket_hash: ticket.hash,
        user_id: ticket.userId,
        device_label: ticket.deviceLabel,
        expires_at: ticket.expiresAt,
        used_at: null,
      })
      .execute();
  }

  async findTicket(db: Executor, hash: string): Promise<MfaTicketRow | null> {
    return (
      (await db.selectFrom('mfa_tickets').selectAll().where('ticket_hash', '=', hash).executeTakeFirst()) ??
      null
    );
  }

  async findTicketForUpdate(db: Executor, hash: string): Promise<MfaTicketRow | null> {
    return (
      (await db
        .selectFrom('mfa_tickets')
        .selectAll()
        .where('ticket_hash', '=', hash)
        .forUpdate()
        .executeTakeFirst()) ?? null
    );
  }

  async spendTicket(db: Executor, hash: string): Promise<void> {
    await db
      .updateTable('mfa_tickets')
      .set({ used_at: new Date() })
      .where('ticket_hash', '=', hash)
      .execute();
  }

  /** Counts a wrong code; the ticket is spent once it has had `max` of them. */
  async countTicketAttempt(db: Executor, hash: string, max: number): Promise<void> {
    const row = await db
      .updateTable('mfa_tickets')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('ticket_hash', '=', hash)
      .returning('attempts')
      .executeTakeFirst();
    if (row && row.attempts >= max) await this.spendTicket(db, hash);
  }
}
