import { ERROR } from '@bonfire/contracts';
import {
  AppError,
  type CallerIdentity,
  type ComponentLogger,
  ServiceLogger,
  type Transaction,
} from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BruteForceService } from '../brute-force/brute-force.service';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { PasswordHasher } from '../credentials/password-hasher';
import { assertPasswordAcceptable } from '../credentials/password-policy';
import type { AuthDatabase, EmailTokenPurpose } from '../database/schema';
import { TransactionRunner, uniqueViolation } from '../database/transaction-runner';
import { MailOutbox } from '../mail/mail-outbox.repository';
import { MailSender } from '../mail/mail-sender';
import { SessionsService } from '../sessions/sessions.service';
import { EMAIL_CONSTRAINT, type UserRow, UsersRepository } from '../users/users.repository';
import type { EmailChangeDto, PasswordResetConfirmDto } from './account-email.dto';
import { generateEmailToken, hashEmailToken, isWellFormedEmailToken } from './email-token';
import { EmailTokensRepository } from './email-tokens.repository';

const HOUR_MS = 3_600_000;

function invalidToken(): AppError {
  return new AppError(
    ERROR.INVALID_TOKEN,
    'This link is invalid, already used or expired. Ask for a new one.',
  );
}

const displayName = (user: UserRow) => user.displayName ?? user.username;

/**
 * Everything done through a mailed link: email verification, password reset and email change. Each link
 * carries a single-use, expiring token stored hashed (email_tokens); a newer token of the same purpose
 * retires the older ones. Each mail is queued in the transaction that creates its token (MailOutbox) and
 * the sender is woken once it commits.
 *
 * Requests that name an account by email (resend verification, password reset) answer 202 at once, before
 * the account is even looked up, and do their work in the background: the answer and its timing are the
 * same whether or not the account exists.
 */
@Injectable()
export class AccountEmailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: ComponentLogger;
  private readonly background = new Set<Promise<void>>();
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: EmailTokensRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly bruteForce: BruteForceService,
    private readonly transactions: TransactionRunner,
    private readonly outbox: MailOutbox,
    private readonly sender: MailSender,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('account-email');
  }

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'production' && isLoopback(this.config.AUTH_WEB_URL)) {
      this.logger.warn(
        `AUTH_WEB_URL is ${this.config.AUTH_WEB_URL}: mailed links will not open for your users; set it to the web client's public address`,
      );
    }
    this.pruneTimer = setInterval(() => {
      this.tokens
        .prune(this.transactions.executor, new Date())
        .catch((error: unknown) => this.logger.warn({ err: error }, 'pruning email tokens failed'));
    }, HOUR_MS);
    this.pruneTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.pruneTimer);
    await Promise.allSettled([...this.background]);
  }

  /** After a commit that queued mail: send it now rather than at the next poll. */
  mailQueued(): void {
    void this.sender.wake();
  }

  // ------------------------------------------------------------------ verification

  /** Inside the registration (or resend) transaction: a verification token and its mail. */
  async queueVerification(trx: Transaction<AuthDatabase>, user: UserRow, locale: string): Promise<void> {
    if (!user.email) return;
    const token = await this.issue(
      trx,
      user,
      'verify_email',
      user.email,
      this.config.AUTH_VERIFY_EMAIL_TTL_SECONDS,
    );
    await this.outbox.enqueue(trx, {
      template: 'verifyEmail',
      locale,
      to: user.email,
      params: {
        username: displayName(user),
        link: this.link('/verify-email', token),
        hours: Math.round(this.config.AUTH_VERIFY_EMAIL_TTL_SECONDS / 3600),
      },
    });
  }

  /** Marks the address verified; the token must have been sent to the account's current address. */
  async verifyEmail(token: string): Promise<void> {
    if (!isWellFormedEmailToken(token)) throw invalidToken();
    const verified = await this.transactions.run(async (trx) => {
      const used = await this.tokens.consume(trx, hashEmailToken(token), 'verify_email', new Date());
      if (!used) return null;
      const user = await this.users.findByIdForUpdate(trx, used.userId);
      if (!user?.email || user.email.toLowerCase() !== used.email.toLowerCase()) return null;
      await this.users.markEmailVerified(trx, user.id);
      return user.id;
    });
    if (!verified) throw invalidToken();
    this.logger.info({ userId: verified }, 'email verified');
  }

  /** 202 whatever happens; mails a new link to an unverified account, at most once per cooldown. */
  resendVerification(email: string, locale: string): void {
    this.inBackground('resend verification', async () => {
      const user = await this.users.findByLogin(this.transactions.executor, email);
      if (!user?.email || user.bot || user.emailVerified) return;
      const queued = await this.transactions.run(async (trx) => {
        if (!(await this.cooledDown(trx, user.id, 'verify_email'))) return false;
        await this.queueVerification(trx, user, locale);
        return true;
      });
      if (queued) this.mailQueued();
    });
  }

  // ------------------------------------------------------------------ password reset

  /** 202 whatever happens; mails a reset link to an account that has a password, at most once per cooldown. */
  requestPasswordReset(email: string, locale: string): void {
    this.inBackground('password reset request', async () => {
      const user = await this.users.findByLogin(this.transactions.executor, email);
      if (!user?.email || !user.passwordHash || user.bot) return;
      const queued = await this.transactions.run(async (trx) => {
        if (!(await this.cooledDown(trx, user.id, 'password_reset'))) return false;
        const token = await this.issue(
          trx,
          user,
          'password_reset',
          user.email!,
          this.config.AUTH_PASSWORD_RESET_TTL_SECONDS,
        );
        await this.outbox.enqueue(trx, {
          template: 'passwordReset',
          locale,
          to: user.email!,
          params: {
            username: displayName(user),
            link: this.link('/reset-password', token),
            minutes: Math.round(this.config.AUTH_PASSWORD_RESET_TTL_SECONDS / 60),
          },
        });
        return true;
      });
      if (!queued) return;
      this.mailQueued();
      this.logger.info({ userId: user.id }, 'password reset requested');
    });
  }

  /**
   * Sets the new password (policy checked before the token is spent), uses the token, retires every other
   * reset token and revokes every session of the account, all in one transaction. Opening the link proves
   * the mailbox too, so the address counts as verified.
   */
  async confirmPasswordReset(input: PasswordResetConfirmDto): Promise<void> {
    if (!isWellFormedEmailToken(input.token)) throw invalidToken();
    const hash = hashEmailToken(input.token);
    const found = await this.tokens.findUsable(
      this.transactions.executor,
      hash,
      'password_reset',
      new Date(),
    );
    const user = found && (await this.users.findById(this.transactions.executor, found.userId));
    if (!found || !user?.email || !user.passwordHash) throw invalidToken();
    assertPasswordAcceptable(input.password, { ...user, email: user.email });
    const passwordHash = await this.hasher.hash(input.password);
    const revoked = await this.transactions.run(async (trx) => {
      const now = new Date();
      const used = await this.tokens.consume(trx, hash, 'password_reset', now);
      if (!used) return null;
      await this.tokens.retireAll(trx, user.id, 'password_reset', now);
      await this.users.updatePasswordHash(trx, user.id, passwordHash);
      if (user.email!.toLowerCase() === used.email.toLowerCase()) {
        await this.users.markEmailVerified(trx, user.id);
      }
      return this.sessions.revokeAll(trx, user.id);
    });
    if (revoked === null) throw invalidToken();
    this.logger.info({ userId: user.id, revokedSessions: revoked }, 'password reset');
  }

  // ------------------------------------------------------------------ email change

  /**
   * Checks the password (brute-force limited), then mails a confirmation link to the new address and a
   * notice to the old one. The address changes only when the link is opened.
   */
  async requestEmailChange(
    caller: CallerIdentity,
    input: EmailChangeDto,
    context: { ip: string; locale: string },
  ): Promise<void> {
    await this.sessions.assertActive(caller);
    const user = await this.users.findById(this.transactions.executor, caller.userId);
    if (!user?.passwordHash || !user.email)
      throw new AppError(ERROR.UNAUTHORIZED, 'Authentication is required.');
    const account = `user:${user.id}`;
    await this.bruteForce.assertAllowed(account, context.ip);
    if (!(await this.hasher.verify(user.passwordHash, input.password))) {
      await this.bruteForce.recordFailure(account, context.ip);
      throw new AppError(ERROR.INVALID_CURRENT_PASSWORD, 'The password is wrong.');
    }
    if (input.email.toLowerCase() === user.email.toLowerCase()) {
      throw new AppError(ERROR.EMAIL_UNCHANGED, 'That is already your email address.');
    }
    const owner = await this.users.findByLogin(this.transactions.executor, input.email);
    if (owner && owner.id !== user.id) throw emailTaken();
    await this.transactions.run(async (trx) => {
      const token = await this.issue(
        trx,
        user,
        'email_change',
        input.email,
        this.config.AUTH_EMAIL_CHANGE_TTL_SECONDS,
      );
      await this.outbox.enqueue(trx, {
        template: 'emailChangeConfirm',
        locale: context.locale,
        to: input.email,
        params: {
          username: displayName(user),
          email: input.email,
          link: this.link('/confirm-email', token),
          hours: Math.round(this.config.AUTH_EMAIL_CHANGE_TTL_SECONDS / 3600),
        },
      });
      await this.outbox.enqueue(trx, {
        template: 'emailChangeNotice',
        locale: context.locale,
        to: user.email!,
        params: { username: displayName(user), email: input.email },
      });
    });
    this.mailQueued();
    this.logger.info({ userId: user.id }, 'email change requested');
  }

  /** Switches the account to the address the link was sent to (now verified). */
  async confirmEmailChange(token: string): Promise<void> {
    if (!isWellFormedEmailToken(token)) throw invalidToken();
    const userId = await this.transactions
      .run(async (trx) => {
        const used = await this.tokens.consume(trx, hashEmailToken(token), 'email_change', new Date());
        if (!used) return null;
        await this.users.changeEmail(trx, used.userId, used.email);
        // Verification links sent to the old address no longer apply.
        await this.tokens.retireAll(trx, used.userId, 'verify_email', new Date());
        return used.userId;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) === EMAIL_CONSTRAINT) throw emailTaken();
        throw error;
      });
    if (!userId) throw invalidToken();
    this.logger.info({ userId }, 'email changed');
  }

  // ------------------------------------------------------------------ helpers

  private async issue(
    trx: Transaction<AuthDatabase>,
    user: UserRow,
    purpose: EmailTokenPurpose,
    email: string,
    ttlSeconds: number,
  ): Promise<string> {
    const now = new Date();
    await this.tokens.retireAll(trx, user.id, purpose, now);
    const token = generateEmailToken();
    await this.tokens.insert(trx, {
      hash: hashEmailToken(token),
      userId: user.id,
      purpose,
      email,
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
    });
    return token;
  }

  /**
   * Inside the transaction that would issue the token: locks the user's row first, so concurrent requests
   * for one account queue up here and the second sees the first one's token.
   */
  private async cooledDown(
    trx: Transaction<AuthDatabase>,
    userId: string,
    purpose: EmailTokenPurpose,
  ): Promise<boolean> {
    await this.users.findByIdForUpdate(trx, userId);
    const latest = await this.tokens.latestIssuedAt(trx, userId, purpose);
    return !latest || Date.now() - latest.getTime() >= this.config.AUTH_MAIL_COOLDOWN_SECONDS * 1000;
  }

  private link(path: string, token: string): string {
    return `${this.config.AUTH_WEB_URL.replace(/\/+$/, '')}${path}?token=${token}`;
  }

  private inBackground(what: string, work: () => Promise<void>): void {
    const running = work()
      .catch((error: unknown) => this.logger.error({ err: error }, `${what} failed`))
      .finally(() => this.background.delete(running));
    this.background.add(running);
  }
}

function emailTaken(): AppError {
  return new AppError(ERROR.EMAIL_TAKEN, 'An account with that email already exists.');
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}
