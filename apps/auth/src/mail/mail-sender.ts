import { type ComponentLogger, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { TransactionRunner } from '../database/transaction-runner';
import { type MailJobRow, MailOutbox } from './mail-outbox.repository';
import { MailTransport } from './mail-transport';
import { MAIL_TEMPLATE_NAMES, type MailTemplateName, type MailTemplates, renderMail } from './templates';

const BATCH = 20;
const LEASE_MS = 60_000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 15 * 60_000;

/** The wait before try `attempt + 1` (attempt ≥ 1): 5 s, 10 s, 20 s… up to 15 min. */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * Drains the mail outbox: claims due jobs, renders each in its locale, hands it to the MailTransport and
 * deletes it; a failure is retried later with a growing wait, up to MAIL_MAX_ATTEMPTS tries, after which
 * the job is kept with failed_at set and an error logged. Runs every MAIL_POLL_INTERVAL_MS and whenever
 * `wake()` is called (after a commit that queued a mail), one drain at a time per process.
 */
@Injectable()
export class MailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: ComponentLogger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: MailOutbox,
    private readonly transport: MailTransport,
    private readonly transactions: TransactionRunner,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('mail-sender');
  }

  onApplicationBootstrap(): void {
    this.logger.info(`mails go to ${this.transport.describe()}`);
    this.timer = setInterval(() => this.wake(), this.config.MAIL_POLL_INTERVAL_MS);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.transport.close();
  }

  /** Drain soon; resolves when the queue has been looked at (tests await it). */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'mail outbox drain failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.wake();
        }
      });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const jobs = await this.transactions.run((trx) => this.outbox.claimDue(trx, BATCH, LEASE_MS));
      for (const job of jobs) await this.deliver(job);
      if (jobs.length < BATCH || this.stopped) return;
    }
  }

  private async deliver(job: MailJobRow): Promise<void> {
    const db = this.transactions.executor;
    try {
      if (!MAIL_TEMPLATE_NAMES.includes(job.template as MailTemplateName)) {
        throw new Error(`unknown mail template "${job.template}"`);
      }
      const mail = renderMail(
        job.template as MailTemplateName,
        job.locale,
        job.toAddress,
        job.params as unknown as MailTemplates[MailTemplateName],
      );
      await this.transport.send(mail);
      await this.outbox.remove(db, job.id);
      this.logger.info({ mailJobId: job.id, template: job.template }, 'mail sent');
    } catch (error) {
      const attempt = job.attempts + 1;
      const giveUp = attempt >= this.config.MAIL_MAX_ATTEMPTS;
      const message = error instanceof Error ? error.message : String(error);
      await this.outbox.recordFailure(
        db,
        job.id,
        message,
        giveUp ? null : new Date(Date.now() + retryDelayMs(attempt)),
      );
      const log = { mailJobId: job.id, template: job.template, attempt, err: message };
      if (giveUp) this.logger.error(log, 'mail not sent: giving up');
      else this.logger.warn(log, 'mail not sent: will retry');
    }
  }
}
