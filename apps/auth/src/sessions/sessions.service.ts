import {
  ERROR,
  isSnowflake,
  type RevokedSession,
  SESSION_END_REASONS,
  type SessionEndReason,
} from '@bonfire/contracts';
import {
  AppError,
  type CallerIdentity,
  type ComponentLogger,
  ServiceLogger,
  SnowflakeGenerator,
  type Transaction,
} from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import type { AuthDatabase } from '../database/schema';
import { TransactionRunner } from '../database/transaction-runner';
import { SessionEventsWriter } from '../events/session-events.writer';
import { AccessTokensService } from '../tokens/access-tokens.service';
import {
  decideRefresh,
  generateRefreshToken,
  hashRefreshToken,
  isWellFormedRefreshToken,
  type RefreshDecision,
} from './refresh-token';
import type { SessionView, TokenPair } from './sessions.dto';
import { type SessionRow, SessionsRepository } from './sessions.repository';

const DAY_MS = 86_400_000;

/** sessions.revoked_reason → the reason the gateways and clients are told. */
const END_REASONS: Record<string, SessionEndReason> = {
  logout: SESSION_END_REASONS.loggedOut,
  revoked_by_user: SESSION_END_REASONS.revoked,
  password_changed: SESSION_END_REASONS.passwordChanged,
  password_reset: SESSION_END_REASONS.passwordChanged,
  refresh_token_reused: SESSION_END_REASONS.refreshTokenReused,
  suspended: SESSION_END_REASONS.accountSuspended,
  mfa_reset: SESSION_END_REASONS.revoked,
  account_deleted: SESSION_END_REASONS.accountDeleted,
};

/** Why an admin ends every session of a user (admin/). */
type AdminRevocation = 'suspended' | 'mfa_reset';

/**
 * Sessions and their refresh-token families. A session is one signed-in device; it lives as long as it
 * keeps refreshing (REFRESH_TOKEN_TTL_DAYS after the last refresh) or until it is revoked. Revoking a
 * session makes its refresh tokens unusable at once and announces `session.revoked` (same transaction,
 * through the outbox): the gateways then refuse its access tokens and close its sockets.
 */
@Injectable()
export class SessionsService {
  private readonly logger: ComponentLogger;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly transactions: TransactionRunner,
    private readonly accessTokens: AccessTokensService,
    private readonly ids: SnowflakeGenerator,
    private readonly events: SessionEventsWriter,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('sessions');
  }

  /** Opens a session and issues its first token pair. */
  async start(input: { userId: string; deviceLabel: string | null; ip: string }): Promise<TokenPair> {
    const sessionId = this.ids.next();
    const refreshToken = generateRefreshToken();
    const expiresAt = this.refreshExpiry(new Date());
    await this.transactions.run(async (trx) => {
      if (await this.sessions.userSuspended(trx, input.userId)) {
        throw new AppError(ERROR.ACCOUNT_SUSPENDED, 'This account is suspended.');
      }
      await this.sessions.createSession(trx, {
        id: sessionId,
        userId: input.userId,
        deviceLabel: input.deviceLabel,
        ip: input.ip,
        expiresAt,
      });
      await this.sessions.insertRefreshToken(trx, {
        hash: hashRefreshToken(refreshToken),
        sessionId,
        expiresAt,
      });
    });
    const access = await this.accessTokens.issue({ userId: input.userId, sessionId });
    return { accessToken: access.accessToken, refreshToken, expiresIn: access.expiresIn };
  }

  /**
   * Exchanges a refresh token for a new pair. The token row is locked, so two concurrent uses of one
   * token cannot both succeed: the second is reuse. Reuse revokes the whole session (committed before
   * the 401 is sent), so the thief's and the owner's tokens both stop working.
   */
  async refresh(refreshToken: string, ip: string): Promise<TokenPair> {
    if (!isWellFormedRefreshToken(refreshToken)) throw invalidRefreshToken();
    const hash = hashRefreshToken(refreshToken);
    const now = new Date();
    const result = await this.transactions.run(
      async (trx): Promise<{ decision: RefreshDecision; session?: SessionRow; next?: string }> => {
        const found = await this.sessions.findRefreshTokenForUpdate(trx, hash);
        const decision = decideRefresh(
          found?.token ?? null,
          found ? { revokedAt: found.session.revokedAt, expiresAt: found.session.expiresAt } : null,
          now,
        );
        if (found && (await this.sessions.userSuspended(trx, found.session.userId))) {
          throw new AppError(ERROR.ACCOUNT_SUSPENDED, 'This account is suspended.', { status: 401 });
        }
        if (!found || decision.outcome === 'invalid') return { decision };
        if (decision.outcome === 'reused') {
          const { userId, id } = found.session;
          if (await this.sessions.revoke(trx, userId, id, 'refresh_token_reused')) {
            await this.events.sessionsRevoked(trx, userId, [id], SESSION_END_REASONS.refreshTokenReused);
          }
          return { decision, session: found.session };
        }
        const next = generateRefreshToken();
        const expiresAt = this.refreshExpiry(now);
        await this.sessions.markRefreshTokenUsed(trx, hash, now);
        await this.sessions.insertRefreshToken(trx, {
          hash: hashRefreshToken(next),
          sessionId: found.session.id,
          expiresAt,
        });
        await this.sessions.touchSession(trx, found.session.id, { ip, at: now, expiresAt });
        return { decision, session: found.session, next };
      },
    );
    if (result.decision.outcome === 'reused') {
      this.logger.warn(
        { sessionId: result.session?.id, userId: result.session?.userId, ip },
        'refresh token reuse detected: session revoked',
      );
      throw new AppError(
        ERROR.REFRESH_TOKEN_REUSED,
        'This refresh token was already used; the session has been revoked. Sign in again.',
      );
    }
    if (result.decision.outcome !== 'rotate' || !result.session || !result.next) throw invalidRefreshToken();
    const access = await this.accessTokens.issue({
      userId: result.session.userId,
      sessionId: result.session.id,
    });
    return { accessToken: access.accessToken, refreshToken: result.next, expiresIn: access.expiresIn };
  }

  async list(caller: CallerIdentity): Promise<SessionView[]> {
    const rows = await this.sessions.listActive(this.transactions.executor, caller.userId, new Date());
    return rows.map((row) => ({
      id: row.id,
      deviceLabel: row.deviceLabel,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt.toISOString(),
      current: row.id === caller.sessionId,
    }));
  }

  /** Logout: revokes the caller's own session (idempotent); its access tokens stop working at once. */
  async logout(caller: CallerIdentity): Promise<void> {
    await this.transactions.run(async (trx) => {
      if (await this.sessions.revoke(trx, caller.userId, caller.sessionId, 'logout')) {
        await this.events.sessionsRevoked(
          trx,
          caller.userId,
          [caller.sessionId],
          SESSION_END_REASONS.loggedOut,
        );
      }
    });
  }

  /** Revokes one of the caller's sessions (possibly the current one). */
  async revoke(caller: CallerIdentity, sessionId: string): Promise<void> {
    const revoked =
      isSnowflake(sessionId) &&
      (await this.transactions.run(async (trx) => {
        if (!(await this.sessions.revoke(trx, caller.userId, sessionId, 'revoked_by_user'))) return false;
        await this.events.sessionsRevoked(trx, caller.userId, [sessionId], SESSION_END_REASONS.revoked);
        return true;
      }));
    if (!revoked) throw new AppError(ERROR.SESSION_NOT_FOUND, 'Session not found.');
  }

  /** Inside the caller's transaction: revokes every other session of the user (password change). */
  async revokeOthers(trx: Transaction<AuthDatabase>, userId: string, keepSessionId: string): Promise<number> {
    const ids = await this.sessions.revokeAllExcept(trx, userId, keepSessionId, 'password_changed');
    await this.events.sessionsRevoked(trx, userId, ids, SESSION_END_REASONS.passwordChanged);
    return ids.length;
  }

  /** Inside the caller's transaction: revokes every session of the user (password reset). */
  async revokeAll(trx: Transaction<AuthDatabase>, userId: string): Promise<number> {
    // Snowflake ids are positive: no session is '0'.
    const ids = await this.sessions.revokeAllExcept(trx, userId, '0', 'password_reset');
    await this.events.sessionsRevoked(trx, userId, ids, SESSION_END_REASONS.passwordChanged);
    return ids.length;
  }

  /** Inside the caller's transaction: an admin ends every session of the user (suspension, 2FA reset). */
  async revokeAllByAdmin(
    trx: Transaction<AuthDatabase>,
    userId: string,
    reason: AdminRevocation,
  ): Promise<number> {
    const ids = await this.sessions.revokeAllExcept(trx, userId, '0', reason);
    await this.events.sessionsRevoked(trx, userId, ids, END_REASONS[reason]!);
    return ids.length;
  }

  /**
   * For the gateways' denylists at boot: sessions revoked within the last access-token lifetime, each
   * denied until the latest a token issued before its revocation can expire (as `session.revoked` says).
   */
  async revokedStillValid(now = new Date()): Promise<RevokedSession[]> {
    const ttlMs = this.config.ACCESS_TOKEN_TTL_SECONDS * 1000;
    const rows = await this.sessions.listRevokedSince(
      this.transactions.executor,
      new Date(now.getTime() - ttlMs),
    );
    return rows.map((row) => ({
      sessionId: row.id,
      userId: row.userId,
      reason: END_REASONS[row.revokedReason ?? ''] ?? SESSION_END_REASONS.revoked,
      expiresAt: new Date(row.revokedAt.getTime() + ttlMs).toISOString(),
    }));
  }

  /**
   * For sensitive operations: the access token is still valid after its session was revoked (until it
   * expires), so check the session itself.
   */
  async assertActive(caller: CallerIdentity): Promise<void> {
    const session = await this.sessions.findSession(this.transactions.executor, caller.sessionId);
    if (
      !session ||
      session.userId !== caller.userId ||
      session.revokedAt ||
      session.expiresAt <= new Date()
    ) {
      throw new AppError(ERROR.SESSION_REVOKED, 'This session has ended. Sign in again.');
    }
  }

  private refreshExpiry(from: Date): Date {
    return new Date(from.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS);
  }
}

function invalidRefreshToken(): AppError {
  return new AppError(ERROR.INVALID_REFRESH_TOKEN, 'The refresh token is invalid or expired.');
}
