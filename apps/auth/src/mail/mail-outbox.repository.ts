import { SnowflakeGenerator, sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { MailJobsTable } from '../database/schema';
import type { Executor } from '../database/transaction-runner';
import type { MailTemplateName, MailTemplates } from './templates';

export type MailJobRow = Selectable<MailJobsTable>;

/**
 * The mail outbox: a job row per mail, written with the caller's executor — inside the transaction that
 * decides to send it (a new token, a changed address), so the mail exists if and only if that change
 * committed, and survives a crash until MailSender has handed it to the transport.
 */
@Injectable()
export class MailOutbox {
  constructor(private readonly ids: SnowflakeGenerator) {}

  async enqueue<T extends MailTemplateName>(
    db: Executor,
    mail: { template: T; locale: string; to: string; params: MailTemplates[T] },
  ): Promise<void> {
    await db
      .insertInto('mail_jobs')
      .values({
        id: this.ids.next(),
        template: mail.template,
        locale: mail.locale,
        toAddress: mail.to,
        params: JSON.stringify(mail.params),
      })
      .execute();
  }

  /**
   * Claims up to `limit` due jobs for `leaseMs` (rows another sender holds are skipped), so several
   * replicas share the queue and a sender that dies mid-send leaves its jobs to be retried when the lease
   * ends. The claim is committed before sending: no transaction is held open across the SMTP dialogue.
   */
  async claimDue(db: Executor, limit: number, leaseMs: number, now = new Date()): Promise<MailJobRow[]> {
    const due = db
      .selectFrom('mail_jobs')
      .select('id')
      .where('failedAt', 'is', null)
      .where('nextAttemptAt', '<=', now)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', now)]))
      .orderBy('nextAttemptAt')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    return db
      .updateTable('mail_jobs')
      .set({ lockedUntil: new Date(now.getTime() + leaseMs) })
      .where('id', 'in', due)
      .returningAll()
      .execute();
  }

  /** Sent: the job (and the link it carried) is gone. */
  async remove(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('mail_jobs').where('id', '=', id).execute();
  }

  /** Not sent: try again at `retryAt`, or give up (failedAt) when `retryAt` is null. */
  async recordFailure(db: Executor, id: string, error: string, retryAt: Date | null): Promise<void> {
    await db
      .updateTable('mail_jobs')
      .set({
        attempts: sql<number>`attempts + 1`,
        lastError: error.slice(0, 1000),
        lockedUntil: null,
        ...(retryAt ? { nextAttemptAt: retryAt } : { failedAt: new Date() }),
      })
      .where('id', '=', id)
      .execute();
  }

  /** When the next job falls due (null: none pending), for tests and health. */
  async pending(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('mail_jobs')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('failedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
