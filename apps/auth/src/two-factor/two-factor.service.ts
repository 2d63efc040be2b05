import { ERROR } from '@bonfire/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { AppError, type CallerIdentity, type ComponentLogger, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { BruteForceService } from '../brute-force/brute-force.service';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { PasswordHasher } from '../credentials/password-hasher';
import { type Executor, TransactionRunner } from '../database/transaction-runner';
import type { TokenPair } from '../sessions/sessions.dto';
import { SessionsService } from '../sessions/sessions.service';
import { type PrivateUser, toPrivateUser } from '../users/users.dto';
import { type UserRow, UsersRepository } from '../users/users.repository';
import { isTotpCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { TwoFactorSecretBox } from './secret-box';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp';
import {
  MFA_METHODS,
  type MfaChallenge,
  type MfaLoginDto,
  type MfaStatus,
  type RecoveryCodes,
  type TotpEnrolment,
} from './two-factor.dto';
import { TwoFactorRepository } from './two-factor.repository';

/** Wrong codes one login ticket may take before it is spent (the brute-force limits apply as well). */
const TICKET_MAX_ATTEMPTS = 5;

interface RequestContext {
  ip: string;
  userAgent?: string | null;
}

type CodeCheck = { ok: true; via: 'totp' | 'recovery' } | { ok: false };

/**
 * TOTP two-factor authentication: enrolment (pending until a first code confirms it), recovery codes, the
 * second step of login, and turning it off. Every wrong code counts as a failed login of the account
 * from that address (BruteForceService), the same budget as wrong passwords.
 */
@Injectable()
export class TwoFactorService {
  private readonly logger: ComponentLogger;
  private readonly box: TwoFactorSecretBox;

  constructor(
    private readonly repository: TwoFactorRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly bruteForce: BruteForceService,
    private readonly transactions: TransactionRunner,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('two-factor');
    this.box = new TwoFactorSecretBox(config.AUTH_KEY_ENCRYPTION_SECRET);
  }

  async status(caller: CallerIdentity): Promise<MfaStatus> {
    const db = this.transactions.executor;
    const user = await this.users.findById(db, caller.userId);
    if (!user) throw new AppError(ERROR.UNAUTHORIZED, 'Authentication is required.');
    const totp = await this.repository.findTotp(db, user.id);
    return {
      enabled: user.mfaEnabled,
      pending: totp !== null && totp.confirmedAt === null,
      recoveryCodesLeft: user.mfaEnabled ? await this.repository.unusedRecoveryCodes(db, user.id) : 0,
    };
  }

  /** Checks the password, then starts (or restarts) an enrolment: the secret, its URI and QR code. */
  async enrol(caller: CallerIdentity, password: string, context: RequestContext): Promise<TotpEnrolment> {
    const user = await this.signedInUser(caller);
    if (user.mfaEnabled) {
      throw new AppError(ERROR.MFA_ALREADY_ENABLED, 'Two-factor authentication is already on.');
    }
    const account = accountOf(user);
    await this.bruteForce.assertAllowed(account, context.ip);
    if (!user.passwordHash || !(await this.hasher.verify(user.passwordHash, password))) {
      await this.bruteForce.recordFailure(account, context.ip);
      throw new AppError(ERROR.INVALID_CURRENT_PASSWORD, 'The password is wrong.');
    }
    const secret = newTotpSecret();
    await this.repository.savePendingTotp(
      this.transactions.executor,
      user.id,
      this.box.encrypt(secret, user.id),
    );
    const uri = otpauthUri(secret, this.config.AUTH_TOTP_ISSUER, user.email ?? user.username);
    const qrCodeSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret: base32Encode(secret), otpauthUri: uri, qrCodeSvg };
  }

  /** The first code from the app turns two-factor on and yields the recovery codes (shown once). */
  async confirm(caller: CallerIdentity, code: string, context: RequestContext): Promise<RecoveryCodes> {
    const user = await this.signedInUser(caller);
    if (user.mfaEnabled) {
      throw new AppError(ERROR.MFA_ALREADY_ENABLED, 'Two-factor authentication is already on.');
    }
    const account = accountOf(user);
    await this.bruteForce.assertAllowed(account, context.ip);
    const codes = newRecoveryCodes();
    const confirmed = await this.transactions.run(async (trx) => {
      const totp = await this.repository.findTotpForUpdate(trx, user.id);
      if (!totp || totp.confirmedAt) {
        throw new AppError(
          ERROR.MFA_ENROLMENT_NOT_STARTED,
          'Start the enrolment first (POST /users/@me/mfa/totp).',
        );
      }
      const step = matchTotp(this.box.decrypt(totp.secretEncrypted, user.id), squeeze(code), Date.now());
      if (step === null) return false;
      await this.repository.confirmTotp(trx, user.id, step);
      await this.repository.replaceRecoveryCodes(trx, user.id, this.hashAll(user.id, codes));
      return true;
    });
    if (!confirmed) await this.refuseCode(account, context.ip);
    this.logger.info({ userId: user.id }, 'two-factor enabled');
    return { recoveryCodes: codes };
  }

  /** A fresh set of ten recovery codes (the old ones stop working); needs a current code. */
  async regenerateRecoveryCodes(
    caller: CallerIdentity,
    code: string,
    context: RequestContext,
  ): Promise<RecoveryCodes> {
    const user = await this.enabledUser(caller);
    const codes = newRecoveryCodes();
    await this.withCode(user, code, context, (trx) =>
      this.repository.replaceRecoveryCodes(trx, user.id, this.hashAll(user.id, codes)),
    );
    return { recoveryCodes: codes };
  }

  /** Turns two-factor off; needs a TOTP code or a recovery code. */
  async disable(caller: CallerIdentity, code: string, context: RequestContext): Promise<void> {
    const user = await this.enabledUser(caller);
    await this.withCode(user, code, context, (trx) => this.repository.disable(trx, user.id));
    this.logger.info({ userId: user.id }, 'two-factor disabled');
  }

  /** Called by login once the password was right: a ticket instead of tokens. */
  async challenge(user: UserRow, deviceLabel: string | null): Promise<MfaChallenge> {
    const ticket = randomBytes(32).toString('base64url');
    const ttl = this.config.AUTH_MFA_TICKET_TTL_SECONDS;
    await this.repository.insertTicket(this.transactions.executor, {
      hash: hashTicket(ticket),
      userId: user.id,
      deviceLabel,
      expiresAt: new Date(Date.now() + ttl * 1000),
    });
    return { mfaRequired: true, ticket, expiresIn: ttl, methods: [...MFA_METHODS] };
  }

  /** The second step of login: the ticket and a code become the session. */
  async completeLogin(
    input: MfaLoginDto,
    context: RequestContext,
  ): Promise<TokenPair & { user: PrivateUser }> {
    const hash = hashTicket(input.ticket);
    const ticket = await this.repository.findTicket(this.transactions.executor, hash);
    if (!ticket) throw invalidTicket();
    const account = `user:${ticket.userId}`;
    await this.bruteForce.assertAllowed(account, context.ip);
    const outcome = await this.transactions.run(async (trx) => {
      const row = await this.repository.findTicketForUpdate(trx, hash);
      if (!row || row.usedAt || row.expiresAt <= new Date()) return { kind: 'invalid-ticket' as const };
      const check = await this.checkCode(trx, row.userId, input.code);
      if (!check.ok) {
        await this.repository.countTicketAttempt(trx, hash, TICKET_MAX_ATTEMPTS);
        return { kind: 'wrong-code' as const };
      }
      await this.repository.spendTicket(trx, hash);
      return { kind: 'ok' as const, deviceLabel: row.deviceLabel, via: check.via };
    });
    if (outcome.kind === 'invalid-ticket') throw invalidTicket();
    if (outcome.kind === 'wrong-code') {
      await this.bruteForce.recordFailure(account, context.ip);
      throw new AppError(ERROR.INVALID_MFA_CODE, 'The code is wrong.', { status: 401 });
    }
    await this.bruteForce.recordSuccess(account, context.ip);
    const user = await this.users.findById(this.transactions.executor, ticket.userId);
    if (!user) throw invalidTicket();
    const tokens = await this.sessions.start({
      userId: user.id,
      deviceLabel: outcome.deviceLabel ?? context.userAgent ?? null,
      ip: context.ip,
    });
    this.logger.info({ userId: user.id, via: outcome.via }, 'signed in with a second factor');
    return { user: toPrivateUser(user, this.config.BONFIRE_ADMIN_EMAILS), ...tokens };
  }

  /**
   * For another flow that needs the second factor (account deletion): checks `code` inside the caller's
   * transaction, spending it when right. The caller counts a wrong code (BruteForceService).
   */
  async acceptCode(trx: Executor, userId: string, code: string): Promise<boolean> {
    return (await this.checkCode(trx, userId, code)).ok;
  }

  /**
   * A TOTP code of a step after the last one accepted (so no code works twice), or an unused recovery
   * code, which is spent. Runs inside the caller's transaction (the enrolment row is locked).
   */
  private async checkCode(trx: Executor, userId: string, input: string): Promise<CodeCheck> {
    const totp = await this.repository.findTotpForUpdate(trx, userId);
    if (!totp?.confirmedAt) return { ok: false };
    if (isTotpCode(input)) {
      const step = matchTotp(this.box.decrypt(totp.secretEncrypted, userId), squeeze(input), Date.now());
      if (step === null || (totp.lastUsedStep !== null && step <= totp.lastUsedStep)) return { ok: false };
      await this.repository.markStepUsed(trx, userId, step);
      return { ok: true, via: 'totp' };
    }
    const normalized = normalizeRecoveryCode(input);
    if (!normalized) return { ok: false };
    const used = await this.repository.useRecoveryCode(
      trx,
      userId,
      this.box.hashRecoveryCode(userId, normalized),
    );
    return used ? { ok: true, via: 'recovery' } : { ok: false };
  }

  /** Runs `action` in the transaction that accepts the code; a wrong code counts and answers 403. */
  private async withCode(
    user: UserRow,
    code: string,
    context: RequestContext,
    action: (trx: Executor) => Promise<void>,
  ): Promise<void> {
    const account = accountOf(user);
    await this.bruteForce.assertAllowed(account, context.ip);
    const accepted = await this.transactions.run(async (trx) => {
      const check = await this.checkCode(trx, user.id, code);
      if (check.ok) await action(trx);
      return check.ok;
    });
    if (!accepted) await this.refuseCode(account, context.ip);
  }

  private async refuseCode(account: string, ip: string): Promise<never> {
    await this.bruteForce.recordFailure(account, ip);
    throw new AppError(ERROR.INVALID_MFA_CODE, 'The code is wrong.');
  }

  private async signedInUser(caller: CallerIdentity): Promise<UserRow> {
    await this.sessions.assertActive(caller);
    const user = await this.users.findById(this.transactions.executor, caller.userId);
    if (!user || user.bot) throw new AppError(ERROR.UNAUTHORIZED, 'Authentication is required.');
    return user;
  }

  private async enabledUser(caller: CallerIdentity): Promise<UserRow> {
    const user = await this.signedInUser(caller);
    if (!user.mfaEnabled) {
      throw new AppError(ERROR.MFA_NOT_ENABLED, 'Two-factor authentication is off.');
    }
    return user;
  }

  private hashAll(userId: string, codes: string[]): string[] {
    return codes.map((code) => this.box.hashRecoveryCode(userId, normalizeRecoveryCode(code)!));
  }
}

function accountOf(user: UserRow): string {
  return `user:${user.id}`;
}

function squeeze(code: string): string {
  return code.replace(/\s/g, '');
}

function hashTicket(ticket: string): string {
  return createHash('sha256').update(ticket).digest('base64url');
}

function invalidTicket(): AppError {
  return new AppError(
    ERROR.INVALID_MFA_TICKET,
    'This sign-in has expired or was already completed. Enter your password again.',
  );
}
