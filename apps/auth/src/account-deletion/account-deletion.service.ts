import { ERROR, SESSION_END_REASONS } from '@bonfire/contracts';
import { AppError, type CallerIdentity, type ComponentLogger, ServiceLogger } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { BruteForceService } from '../brute-force/brute-force.service';
import { PasswordHasher } from '../credentials/password-hasher';
import { TransactionRunner } from '../database/transaction-runner';
import { SessionEventsWriter } from '../events/session-events.writer';
import { UserEventsWriter } from '../events/user-events.writer';
import { SessionsRepository } from '../sessions/sessions.repository';
import { SessionsService } from '../sessions/sessions.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { UsersRepository } from '../users/users.repository';
import type { DeleteAccountDto } from './account-deletion.dto';
import { AccountDeletionRepository } from './account-deletion.repository';

/** sessions.revoked_reason of the sessions an account deletion ends. */
const REVOKED_REASON = 'account_deleted';

/**
 * Deleting one's own account (issue 21 item 4). The password is checked (and, with two-factor on, a TOTP
 * or recovery code), then ONE transaction makes the user row a tombstone (no email, password, profile or
 * second factor; `deleted_user_<id>` as its name, so name and address can be registered again), removes
 * its mailed tokens and pending mails, deletes the applications it owns (their bot users stay, as when an
 * application is deleted: their messages keep an author; their tokens are revoked), revokes every session
 * (`session.revoked`: the gateways close its sockets at once) and writes `user.deleted` to the outbox:
 * chat, file, presence and voice remove or anonymise what they hold.
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger: ComponentLogger;

  constructor(
    private readonly users: UsersRepository,
    private readonly repository: AccountDeletionRepository,
    private readonly sessions: SessionsService,
    private readonly sessionRows: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly bruteForce: BruteForceService,
    private readonly twoFactor: TwoFactorService,
    private readonly transactions: TransactionRunner,
    private readonly userEvents: UserEventsWriter,
    private readonly sessionEvents: SessionEventsWriter,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('account-deletion');
  }

  async deleteAccount(
    caller: CallerIdentity,
    input: DeleteAccountDto,
    context: { ip: string },
  ): Promise<void> {
    await this.sessions.assertActive(caller);
    const user = await this.users.findById(this.transactions.executor, caller.userId);
    if (!user || user.deletedAt) throw new AppError(ERROR.UNAUTHORIZED, 'Authentication is required.');
    if (user.bot || !user.passwordHash) {
      throw new AppError(ERROR.ACCOUNT_NOT_DELETABLE, 'A bot account is deleted with its application.');
    }
    const account = `user:${user.id}`;
    await this.bruteForce.assertAllowed(account, context.ip);
    if (!(await this.hasher.verify(user.passwordHash, input.password))) {
      await this.bruteForce.recordFailure(account, context.ip);
      throw new AppError(ERROR.INVALID_CURRENT_PASSWORD, 'The password is wrong.');
    }
    if (user.mfaEnabled && !input.code) {
      throw new AppError(
        ERROR.MFA_CODE_REQUIRED,
        'Two-factor authentication is on: a code from your app or a recovery code is required.',
        {
          details: [{ field: 'body.code', code: 'required', message: 'a TOTP or recovery code is required' }],
        },
      );
    }
    const deletedAt = new Date();
    const outcome = await this.transactions.run(async (trx) => {
      if (user.mfaEnabled && !(await this.twoFactor.acceptCode(trx, user.id, input.code ?? ''))) {
        return 'wrong-code' as const;
      }
      const before = await this.repository.tombstone(trx, user.id, deletedAt);
      if (!before) return 'gone' as const;
      await this.repository.removeSecrets(trx, user.id, before.email);
      for (const app of await this.repository.deleteApplications(trx, user.id)) {
        if (app.tokenId) {
          await this.sessionEvents.sessionsRevoked(
            trx,
            app.applicationId,
            [app.tokenId],
            SESSION_END_REASONS.revoked,
          );
        }
      }
      const sessionIds = await this.sessionRows.revokeAllExcept(trx, user.id, '0', REVOKED_REASON);
      await this.sessionEvents.sessionsRevoked(trx, user.id, sessionIds, SESSION_END_REASONS.accountDeleted);
      await this.userEvents.userDeleted(trx, user.id, deletedAt);
      return 'deleted' as const;
    });
    if (outcome === 'wrong-code') {
      await this.bruteForce.recordFailure(account, context.ip);
      throw new AppError(ERROR.INVALID_MFA_CODE, 'The code is wrong.');
    }
    if (outcome === 'gone') throw new AppError(ERROR.UNAUTHORIZED, 'Authentication is required.');
    await this.bruteForce.recordSuccess(account, context.ip);
    this.logger.info({ userId: user.id }, 'account deleted');
  }
}
