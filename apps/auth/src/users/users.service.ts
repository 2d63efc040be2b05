import { ERROR, isSnowflake } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { TransactionRunner } from '../database/transaction-runner';
import { UserEventsWriter } from '../events/user-events.writer';
import {
  type PrivateUser,
  type PublicUser,
  toPrivateUser,
  toPublicUser,
  type UpdateMeDto,
} from './users.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: UserEventsWriter,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async me(userId: string): Promise<PrivateUser> {
    const user = await this.users.findById(this.transactions.executor, userId);
    if (!user) throw new AppError(ERROR.USER_NOT_FOUND, 'User not found.');
    return toPrivateUser(user, this.config.BONFIRE_ADMIN_EMAILS);
  }

  async publicProfile(id: string): Promise<PublicUser> {
    const user = isSnowflake(id) ? await this.users.findById(this.transactions.executor, id) : null;
    if (!user) throw new AppError(ERROR.USER_NOT_FOUND, 'User not found.');
    return toPublicUser(user);
  }

  /** Updates the profile and, when something changed, writes user.updated in the same transaction. */
  async updateMe(userId: string, changes: UpdateMeDto): Promise<PrivateUser> {
    return this.transactions.run(async (trx) => {
      const current = await this.users.findByIdForUpdate(trx, userId);
      if (!current) throw new AppError(ERROR.USER_NOT_FOUND, 'User not found.');
      const changed =
        (changes.displayName !== undefined && changes.displayName !== current.displayName) ||
        (changes.avatarFileId !== undefined && changes.avatarFileId !== current.avatarFileId) ||
        (changes.about !== undefined && changes.about !== current.about);
      if (!changed) return toPrivateUser(current, this.config.BONFIRE_ADMIN_EMAILS);
      const updated = await this.users.updateProfile(trx, userId, changes);
      if (!updated) throw new AppError(ERROR.USER_NOT_FOUND, 'User not found.');
      await this.events.userUpdated(trx, updated);
      return toPrivateUser(updated, this.config.BONFIRE_ADMIN_EMAILS);
    });
  }
}
