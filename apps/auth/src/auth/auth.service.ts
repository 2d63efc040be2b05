import { ERROR } from '@bonfire/contracts';
import {
  AppError,
  type CallerIdentity,
  type ComponentLogger,
  ServiceLogger,
  SnowflakeGenerator,
} from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { InstanceService } from '../admin/instance.service';
import { BruteForceService } from '../brute-force/brute-force.service';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { PasswordHasher } from '../credentials/password-hasher';
import { assertPasswordAcceptable } from '../credentials/password-policy';
import { TransactionRunner, uniqueViolation } from '../database/transaction-runner';
import { AccountEmailService } from '../email/account-email.service';
import { UserEventsWriter } from '../events/user-events.writer';
import type { MfaChallenge } from '../two-factor/two-factor.dto';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { SessionsService } from '../sessions/sessions.service';
import { toPrivateUser } from '../users/users.dto';
import { EMAIL_CONSTRAINT, USERNAME_CONSTRAINT, UsersRepository } from '../users/users.repository';
import type { AuthResult, ChangePasswordDto, LoginDto, PendingVerification, RegisterDto } from './auth.dto';

interface RequestContext {
  ip: string;
  userAgent: string | null;
  /** The mail locale (Accept-Language), for the verification mail. */
  locale?: string;
}

/** Registration, login and password changes: the flows that combine users, credentials and sessions. */
@Injectable()
export class AuthService {
  private readonly logger: ComponentLogger;

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly bruteForce: BruteForceService,
    private readonly transactions: TransactionRunner,
    private readonly events: UserEventsWriter,
    private readonly ids: SnowflakeGenerator,
    private readonly accountEmail: AccountEmailService,
    private readonly twoFactor: TwoFactorService,
    private readonly instance: InstanceService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('auth');
  }

  /**
   * Creates the account and queues its verification mail in the same transaction. Signs in at once,
   * unless AUTH_UNVERIFIED_POLICY=block: then the answer is the user alone, to sign in once verified.
   */
  async register(input: RegisterDto, context: RequestContext): Promise<AuthResult | PendingVerification> {
    assertPasswordAcceptable(input.password, input);
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.transactions
      .run(async (trx) => {
        await this.instance.admit(trx, input.inviteCode);
        const inserted = await this.users.insert(trx, {
          id: this.ids.next(),
          email: input.email,
          username: input.username,
          displayName: input.displayName ?? null,
          passwordHash,
        });
        const created = await this.instance.claimFirstAdmin(trx, inserted);
        await this.events.userCreated(trx, created);
        await this.accountEmail.queueVerification(trx, created, context.locale ?? 'en');
        return created;
      })
      .catch((error: unknown) => {
        const constraint = uniqueViolation(error);
        if (constraint === USERNAME_CONSTRAINT) {
          throw new AppError(ERROR.USERNAME_TAKEN, 'That username is taken.');
        }
        if (constraint === EMAIL_CONSTRAINT) {
          throw new AppError(ERROR.EMAIL_TAKEN, 'An account with that email already exists.');
        }
        throw error;
      });
    this.accountEmail.mailQueued();
    this.logger.info({ userId: user.id }, 'user registered');
    if (this.blocksUnverified(user)) return { user: toPrivateUser(user), verificationRequired: true };
    const tokens = await this.sessions.start({
      userId: user.id,
      deviceLabel: input.deviceLabel ?? context.userAgent,
      ip: context.ip,
    });
    return { user: toPrivateUser(user), ...tokens };
  }

  /**
   * Same answer, and the same argon2 work, whether the account is unknown or the password wrong. Failed
   * attempts count against the account (or, for an unknown one, the login name) from the client's address,
   * against that address, and against the account (BruteForceService has the rules). With two-factor on,
   * a right password answers a ticket for the code step (two-factor/), not tokens.
   */
  async login(input: LoginDto, context: RequestContext): Promise<AuthResult | MfaChallenge> {
    const user = await this.users.findByLogin(this.transactions.executor, input.login);
    const account = user ? `user:${user.id}` : `login:${input.login.trim().toLowerCase()}`;
    await this.bruteForce.assertAllowed(account, context.ip);
    // A bot has no password: it signs in with its bot token only.
    const valid = user?.passwordHash
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verifyDummy(input.password);
    if (!user || !valid) {
      await this.bruteForce.recordFailure(account, context.ip);
      throw new AppError(ERROR.INVALID_CREDENTIALS, 'The login or the password is wrong.');
    }
    // With two-factor on, the address's failures are cleared only once the code is right too: else a
    // stolen password would reset the count of wrong codes at will.
    if (!user.mfaEnabled) await this.bruteForce.recordSuccess(account, context.ip);
    if (this.blocksUnverified(user)) {
      throw new AppError(
        ERROR.EMAIL_NOT_VERIFIED,
        'Confirm your email address first: open the link we mailed you (or ask for a new one).',
      );
    }
    if (user.passwordHash && this.hasher.needsRehash(user.passwordHash)) {
      await this.users.updatePasswordHash(
        this.transactions.executor,
        user.id,
        await this.hasher.hash(input.password),
      );
    }
    if (user.suspendedAt) {
      throw new AppError(ERROR.ACCOUNT_SUSPENDED, 'This account is suspended.');
    }
    if (user.mfaEnabled) return this.twoFactor.challenge(user, input.deviceLabel ?? context.userAgent);
    const tokens = await this.sessions.start({
      userId: user.id,
      deviceLabel: input.deviceLabel ?? context.userAgent,
      ip: context.ip,
    });
    return { user: toPrivateUser(user, this.config.BONFIRE_ADMIN_EMAILS), ...tokens };
  }

  /** Checks the current password (brute-force limited too), sets the new one and ends every other session. */
  async changePassword(
    caller: CallerIdentity,
    input: ChangePasswordDto,
    context: RequestContext,
  ): Promise<void> {
    await this.sessions.assertActive(caller);
    const user = await this.users.findById(this.transactions.executor, caller.userId);
    if (!user?.passwordHash || !user.email)
      throw new AppError(ERROR.UNAUTHORIZED, 'Authentication is required.');
    const account = `user:${user.id}`;
    await this.bruteForce.assertAllowed(account, context.ip);
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      await this.bruteForce.recordFailure(account, context.ip);
      throw new AppError(ERROR.INVALID_CURRENT_PASSWORD, 'The current password is wrong.');
    }
    assertPasswordAcceptable(input.newPassword, { ...user, email: user.email }, 'body.newPassword');
    const passwordHash = await this.hasher.hash(input.newPassword);
    const revoked = await this.transactions.run(async (trx) => {
      await this.users.updatePasswordHash(trx, user.id, passwordHash);
      return this.sessions.revokeOthers(trx, user.id, caller.sessionId);
    });
    this.logger.info({ userId: user.id, revokedSessions: revoked }, 'password changed');
  }

  /** AUTH_UNVERIFIED_POLICY=block: an account with an unverified email may not sign in (bots have none). */
  private blocksUnverified(user: { bot: boolean; emailVerified: boolean }): boolean {
    return this.config.AUTH_UNVERIFIED_POLICY === 'block' && !user.bot && !user.emailVerified;
  }
}
