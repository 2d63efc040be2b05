import { ERROR, INTERNAL_ROUTES } from '@bonfire/contracts';
import type { ExportedAccount } from '@bonfire/contracts';
import { AppError, Caller, type CallerIdentity } from '@bonfire/platform';
import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TransactionRunner } from '../database/transaction-runner';
import { UsersRepository } from './users.repository';

/**
 * Service-to-service route for chat's data export (not in the gateway's routing table, so no client
 * reaches it): the signed caller's own account data, as auth holds it. Left out of the public OpenAPI.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.users.controller)
export class UsersInternalController {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  @Get(INTERNAL_ROUTES.users.ownAccount)
  async account(@Caller() caller: CallerIdentity): Promise<ExportedAccount> {
    const user = await this.users.findById(this.transactions.executor, caller.userId);
    if (!user || user.deletedAt !== null) throw new AppError(ERROR.USER_NOT_FOUND, 'User not found.');
    return {
      id: user.id,
      email: user.email,
      emailVerified: user.emailVerified,
      username: user.username,
      displayName: user.displayName,
      about: user.about,
      twoFactorEnabled: user.mfaEnabled,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
