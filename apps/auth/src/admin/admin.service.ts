import { ERROR, isSnowflake, SESSION_END_REASONS } from '@bonfire/contracts';
import { AppError, type CallerIdentity, type ComponentLogger, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { type Executor, TransactionRunner } from '../database/transaction-runner';
import { SessionEventsWriter } from '../events/session-events.writer';
import { SessionsService } from '../sessions/sessions.service';
import { TwoFactorRepository } from '../two-factor/two-factor.repository';
import { type UserRow, UsersRepository } from '../users/users.repository';
import type { AdminUser, AdminUsersPage, AdminUsersQuery, InstanceStats } from './admin.dto';
import { AdminRepository } from './admin.repository';
import { isInstanceAdmin } from './instance-admins';

/**
 * What instance admins do to accounts. Every route checks the caller in the database (not a token claim),
 * so losing admin rights takes effect on the next request. Suspension keeps the account and everything it
 * posted (messages, files, guilds stay as they are); it revokes every session at once (`session.revoked`:
 * the gateways close the sockets), refuses sign-in and refresh (ACCOUNT_SUSPENDED) and the bot tokens of
 * the user's applications. Admins cannot be suspended (an admin not themself either): there is no way to
 * lock the instance out of its own administration.
 */
@Injectable()
export class AdminService {
  private readonly logger: ComponentLogger;

  constructor(
    private readonly repository: AdminRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly sessionEvents: SessionEventsWriter,
    private readonly twoFactor: TwoFactorRepository,
    private readonly transactions: TransactionRunner,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('admin');
  }

  isAdmin(user: UserRow): boolean {
    return isInstanceAdmin(user, this.config.BONFIRE_ADMIN_EMAILS);
  }

  /** 403 INSTANCE_ADMIN_REQUIRED unless the caller is an admin (and not suspended). */
  async assertAdmin(caller: CallerIdentity): Promise<void> {
    const user = await this.users.findById(this.transactions.executor, caller.userId);
    if (!user || user.suspendedAt || !this.isAdmin(user)) {
      throw new AppError(ERROR.INSTANCE_ADMIN_REQUIRED, 'Only an instance admin may do that.');
    }
  }

  async listUsers(caller: CallerIdentity, query: AdminUsersQuery): Promise<AdminUsersPage> {
    await this.assertAdmin(caller);
    const rows = await this.repository.searchUsers(this.transactions.executor, {
      query: query.query || null,
      before: query.cursor ?? null,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    return {
      users: page.map((row) => this.toAdminUser(row)),
      nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
    };
  }

  async suspend(caller: CallerIdentity, userId: string, reason: string): Promise<AdminUser> {
    await this.assertAdmin(caller);
    const { user, sessions } = await this.transactions.run(async (trx) => {
      const target = await this.target(trx, userId);
      if (this.isAdmin(target)) {
        throw new AppError(ERROR.CANNOT_SUSPEND_ADMIN, 'An instance admin cannot be suspended.');
      }
      await this.repository.setSuspended(trx, target.id, { at: target.suspendedAt ?? new Date(), reason });
      const revoked = await this.sessions.revokeAllByAdmin(trx, target.id, 'suspended');
      // Bot tokens are sessions to the gateways: denied at once, then refused by verification.
      for (const token of await this.repository.botTokensOwnedBy(trx, target.id)) {
        await this.sessionEvents.sessionsRevoked(
          trx,
          token.applicationId,
          [token.id],
          SESSION_END_REASONS.accountSuspended,
        );
      }
      return { user: await this.target(trx, target.id), sessions: revoked };
    });
    this.logger.info({ userId, by: caller.userId, revokedSessions: sessions }, 'user suspended');
    return this.toAdminUser(user);
  }

  async unsuspend(caller: CallerIdentity, userId: string): Promise<AdminUser> {
    await this.assertAdmin(caller);
    const user = await this.transactions.run(async (trx) => {
      const target = await this.target(trx, userId);
      await this.repository.setSuspended(trx, target.id, null);
      return this.target(trx, target.id);
    });
    this.logger.info({ userId, by: caller.userId }, 'user unsuspended');
    return this.toAdminUser(user);
  }

  /** For a user who lost their authenticator and recovery codes: two-factor off, every session ended. */
  async resetTwoFactor(caller: CallerIdentity, userId: string): Promise<AdminUser> {
    await this.assertAdmin(caller);
    const user = await this.transactions.run(async (trx) => {
      const target = await this.target(trx, userId);
      if (!target.mfaEnabled) {
        throw new AppError(ERROR.MFA_NOT_ENABLED, 'Two-factor authentication is not on for this user.');
      }
      await this.twoFactor.disable(trx, target.id);
      await this.sessions.revokeAllByAdmin(trx, target.id, 'mfa_reset');
      return this.target(trx, target.id);
    });
    this.logger.info({ userId, by: caller.userId }, 'two-factor reset by an admin');
    return this.toAdminUser(user);
  }

  async stats(caller: CallerIdentity): Promise<InstanceStats> {
    await this.assertAdmin(caller);
    return this.repository.counts(this.transactions.executor, new Date());
  }

  /** A person (not a bot), row-locked; 404 USER_NOT_FOUND otherwise. */
  private async target(trx: Executor, userId: string): Promise<UserRow> {
    const user = isSnowflake(userId) ? await this.users.findByIdForUpdate(trx, userId) : null;
    if (!user || user.bot) throw new AppError(ERROR.USER_NOT_FOUND, 'User not found.');
    return user;
  }

  private toAdminUser(row: UserRow): AdminUser {
    return {
      id: row.id,
      username: row.username,
      email: row.email,
      createdAt: row.createdAt.toISOString(),
      suspended: row.suspendedAt !== null,
      suspendedAt: row.suspendedAt?.toISOString() ?? null,
      suspensionReason: row.suspensionReason,
      twoFactorEnabled: row.mfaEnabled,
      emailVerified: row.emailVerified,
      instanceAdmin: this.isAdmin(row),
    };
  }
}
