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
        to_address: mail.to,
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
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    return db
      .updateTable('mail_jobs')
      .set({ locked_until: new Date(now.getTime() + leaseMs) })
      .where('id', 'in', due)
      .returningAll()
      .execute();
  }

  /** Sent: the job (and the link it carried) is gone. */
  async remove(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('mail_jobs').where('id', '=', id).execute();
  }

  /** Not sent: try again at `retryAt`, or give up (failed_at) when `retryAt` is null. */
  async recordFailure(db: Executor, id: string, error: string, retryAt: Date | null): Promise<void> {
    await db
      .updateTable('mail_jobs')
      .set({
        attempts: sql<number>`attempts + 1`,
        last_error: error.slice(0, 1000),
        locked_until: null,
        ...(retryAt ? { next_attempt_at: retryAt } : { failed_at: new Date() }),
      })
      .where('id', '=', id)
      .execute();
  }

  /** When the next job falls due (null: none pending), for tests and health. */
  async pending(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('mail_jobs')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('failed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
