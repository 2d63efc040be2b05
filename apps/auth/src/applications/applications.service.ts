import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ERROR,
  BOT_TOKEN_PATTERN,
  type BotTokenVerifyAnswer,
  isSnowflake,
  SESSION_END_REASONS,
} from '@bonfire/contracts';
import { AppError, type ComponentLogger, ServiceLogger, SnowflakeGenerator } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { TransactionRunner, uniqueViolation } from '../database/transaction-runner';
import type { Executor } from '../database/transaction-runner';
import { SessionEventsWriter } from '../events/session-events.writer';
import { UserEventsWriter } from '../events/user-events.writer';
import { toPublicUser } from '../users/users.dto';
import { USERNAME_CONSTRAINT, type UserRow, UsersRepository } from '../users/users.repository';
import type {
  ApplicationView,
  BotTokenView,
  CreateApplicationDto,
  UpdateApplicationDto,
} from './applications.dto';
import { type ApplicationRow, ApplicationsRepository } from './applications.repository';

/** Applications one user may own. */
const MAX_APPLICATIONS_PER_USER = 25;

/** A bot user's username from the application's name: its a-z 0-9 _ . characters, then a suffix if taken. */
function botUsernameBase(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9_.]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 26);
  return base.length >= 2 ? base : `bot_${base}`.slice(0, 26);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Applications and their bot users. The bot user is created with the application, in one transaction with
 * its `user.created` event (so chat and every other projection learn it like any user). Only the owner
 * sees or changes an application; to anyone else it does not exist (404).
 */
@Injectable()
export class ApplicationsService {
  private readonly logger: ComponentLogger;

  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: TransactionRunner,
    private readonly userEvents: UserEventsWriter,
    private readonly sessionEvents: SessionEventsWriter,
    private readonly ids: SnowflakeGenerator,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('applications');
  }

  async create(ownerId: string, input: CreateApplicationDto): Promise<ApplicationView> {
    const base = botUsernameBase(input.name);
    for (let attempt = 0; ; attempt++) {
      const username =
        attempt === 0 ? base : `${base}_${randomBytes(3).readUIntBE(0, 3) % 10_000}`.slice(0, 32);
      try {
        return await this.transactions.run(async (trx) => {
          if ((await this.applications.countByOwner(trx, ownerId)) >= MAX_APPLICATIONS_PER_USER) {
            throw new AppError(
              ERROR.TOO_MANY_APPLICATIONS,
              `At most ${MAX_APPLICATIONS_PER_USER} applications per user.`,
            );
          }
          const id = this.ids.next();
          const bot = await this.users.insert(trx, {
            id,
            email: null,
            username,
            displayName: input.name,
            passwordHash: null,
            bot: true,
            about: input.description ?? null,
          });
          const application = await this.applications.insert(trx, {
            id,
            ownerId,
            name: input.name,
            description: input.description ?? null,
          });
          await this.userEvents.userCreated(trx, bot);
          this.logger.info({ applicationId: id, ownerId }, 'application created');
          return toView(application, bot);
        });
      } catch (error) {
        if (uniqueViolation(error) === USERNAME_CONSTRAINT && attempt < 5) continue;
        throw error;
      }
    }
  }

  async list(ownerId: string): Promise<ApplicationView[]> {
    const db = this.transactions.executor;
    const rows = await this.applications.listByOwner(db, ownerId);
    const views: ApplicationView[] = [];
    for (const row of rows) views.push(toView(row, await this.botOf(db, row)));
    return views;
  }

  async get(ownerId: string, id: string): Promise<ApplicationView> {
    const db = this.transactions.executor;
    const row = await this.owned(db, ownerId, id, false);
    return toView(row, await this.botOf(db, row));
  }

  /** The bot user's display name and about follow the application's name and description. */
  async update(ownerId: string, id: string, changes: UpdateApplicationDto): Promise<ApplicationView> {
    return this.transactions.run(async (trx) => {
      await this.owned(trx, ownerId, id, true);
      const row = await this.applications.update(trx, id, changes);
      const bot = await this.users.updateProfile(trx, id, {
        ...(changes.name !== undefined ? { displayName: changes.name } : {}),
        ...(changes.description !== undefined ? { about: changes.description } : {}),
      });
      if (!bot) throw unknownApplication();
      await this.userEvents.userUpdated(trx, bot);
      return toView(row, bot);
    });
  }

  /**
   * Deletes the application and its token (announced as revoked, so the gateways drop it at once). The bot
   * user row stays, as a deleted account's would: its messages keep their author; it can no longer
   * authenticate in any way (no token, no password).
   */
  async delete(ownerId: string, id: string): Promise<void> {
    await this.transactions.run(async (trx) => {
      await this.owned(trx, ownerId, id, true);
      const token = await this.applications.tokenOf(trx, id);
      await this.applications.delete(trx, id);
      if (token) await this.sessionEvents.sessionsRevoked(trx, id, [token.id], SESSION_END_REASONS.revoked);
    });
    this.logger.info({ applicationId: id, ownerId }, 'application deleted');
  }

  /** A new token, shown once; the previous one is revoked in the same transaction. */
  async resetToken(ownerId: string, id: string): Promise<BotTokenView> {
    const tokenId = this.ids.next();
    const secret = randomBytes(32).toString('base64url');
    await this.transactions.run(async (trx) => {
      await this.owned(trx, ownerId, id, true);
      const previous = await this.applications.tokenOf(trx, id);
      await this.applications.replaceToken(trx, {
        id: tokenId,
        applicationId: id,
        tokenHash: hashSecret(secret),
      });
      if (previous) {
        await this.sessionEvents.sessionsRevoked(trx, id, [previous.id], SESSION_END_REASONS.revoked);
      }
    });
    this.logger.info({ applicationId: id, tokenId }, 'bot token reset');
    return { token: `${tokenId}.${secret}` };
  }

  /** For the gateways: whose token this is. Constant-time comparison of the secret's hash. */
  async verify(token: string): Promise<BotTokenVerifyAnswer> {
    const match = BOT_TOKEN_PATTERN.exec(token);
    const row =
      match && isSnowflake(match[1]!)
        ? await this.applications.findToken(this.transactions.executor, match[1]!)
        : null;
    const expected = Buffer.from(row?.tokenHash ?? hashSecret('no token'), 'hex');
    const given = Buffer.from(hashSecret(match?.[2] ?? ''), 'hex');
    if (
      !row ||
      !timingSafeEqual(expected, given) ||
      (await this.applications.ownerSuspended(this.transactions.executor, row.applicationId))
    ) {
      throw new AppError(ERROR.BOT_TOKEN_INVALID, 'The bot token is not valid.');
    }
    return { userId: row.applicationId, tokenId: row.id };
  }

  private async owned(db: Executor, ownerId: string, id: string, lock: boolean): Promise<ApplicationRow> {
    const row = isSnowflake(id)
      ? lock
        ? await this.applications.findForUpdate(db, id)
        : await this.applications.find(db, id)
      : null;
    if (!row || row.ownerId !== ownerId) throw unknownApplication();
    return row;
  }

  private async botOf(db: Executor, row: ApplicationRow): Promise<UserRow> {
    const bot = await this.users.findById(db, row.id);
    if (!bot) throw unknownApplication();
    return bot;
  }
}

function unknownApplication(): AppError {
  return new AppError(ERROR.UNKNOWN_APPLICATION, 'Unknown application.');
}

function toView(row: ApplicationRow, bot: UserRow): ApplicationView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    bot: toPublicUser(bot),
    createdAt: row.createdAt.toISOString(),
  };
}
