import { ERROR } from '@bonfire/contracts';
import { randomBytes } from 'node:crypto';
import { AppError, type CallerIdentity } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { type Executor, TransactionRunner } from '../database/transaction-runner';
import type { UserRow } from '../users/users.repository';
import type {
  CreateInstanceInviteDto,
  InstanceInfo,
  InstanceInvite,
  InstanceSettings,
  UpdateInstanceSettingsDto,
} from './admin.dto';
import { AdminRepository, type InstanceInviteRow, type InstanceSettingsRow } from './admin.repository';
import { AdminService } from './admin.service';
import type { RegistrationMode } from './admin.schema';

/**
 * The instance's registration mode and who gets in: `open`, `invite_only` (an instance invite code, each
 * use counted in the registering transaction) or `closed`. The mode is the settings row's, or
 * AUTH_REGISTRATION_MODE while no admin has set one. Until the first user exists the mode does not apply:
 * that account is the operator's, and it is made the instance admin.
 */
@Injectable()
export class InstanceService {
  constructor(
    private readonly repository: AdminRepository,
    private readonly transactions: TransactionRunner,
    private readonly admins: AdminService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async info(): Promise<InstanceInfo> {
    const row = await this.repository.settings(this.transactions.executor);
    return { registrationMode: this.modeOf(row) };
  }

  async settings(caller: CallerIdentity): Promise<InstanceSettings> {
    await this.admins.assertAdmin(caller);
    return this.toSettings(await this.repository.settings(this.transactions.executor));
  }

  async updateSettings(
    caller: CallerIdentity,
    changes: UpdateInstanceSettingsDto,
  ): Promise<InstanceSettings> {
    await this.admins.assertAdmin(caller);
    const row = changes.registrationMode
      ? await this.repository.setRegistrationMode(this.transactions.executor, changes.registrationMode)
      : await this.repository.settings(this.transactions.executor);
    return this.toSettings(row);
  }

  async createInvite(caller: CallerIdentity, input: CreateInstanceInviteDto): Promise<InstanceInvite> {
    await this.admins.assertAdmin(caller);
    const row = await this.repository.insertInvite(this.transactions.executor, {
      code: randomBytes(12).toString('base64url'),
      createdBy: caller.userId,
      maxUses: input.maxUses ?? null,
      expiresAt: input.maxAgeSeconds ? new Date(Date.now() + input.maxAgeSeconds * 1000) : null,
    });
    return toInvite(row);
  }

  async listInvites(caller: CallerIdentity): Promise<InstanceInvite[]> {
    await this.admins.assertAdmin(caller);
    return (await this.repository.listInvites(this.transactions.executor)).map(toInvite);
  }

  async deleteInvite(caller: CallerIdentity, code: string): Promise<void> {
    await this.admins.assertAdmin(caller);
    if (!(await this.repository.deleteInvite(this.transactions.executor, code))) {
      throw new AppError(ERROR.UNKNOWN_INSTANCE_INVITE, 'Unknown invite.');
    }
  }

  /** Inside register's transaction, before the user is inserted: refuses by mode, spends an invite. */
  async admit(trx: Executor, inviteCode: string | undefined): Promise<void> {
    const row = await this.repository.settings(trx);
    if (!row.adminClaimed) return;
    const mode = this.modeOf(row);
    if (mode === 'open') return;
    if (mode === 'closed') {
      throw new AppError(ERROR.REGISTRATION_CLOSED, 'Registration is closed on this instance.');
    }
    if (!inviteCode) {
      throw new AppError(
        ERROR.INSTANCE_INVITE_REQUIRED,
        'Registration on this instance needs an invite code.',
      );
    }
    if (!(await this.repository.useInvite(trx, inviteCode, new Date()))) {
      throw new AppError(ERROR.INSTANCE_INVITE_INVALID, 'The invite code is unknown, expired or used up.');
    }
  }

  /** Inside register's transaction, after the insert: the first user ever becomes the instance admin. */
  async claimFirstAdmin(trx: Executor, user: UserRow): Promise<UserRow> {
    return (await this.repository.claimFirstAdmin(trx)) ? this.repository.markAdmin(trx, user.id) : user;
  }

  private toSettings(row: InstanceSettingsRow): InstanceSettings {
    return { registrationMode: this.modeOf(row), registrationModeFromConfig: row.registrationMode === null };
  }

  private modeOf(row: InstanceSettingsRow): RegistrationMode {
    return row.registrationMode ?? this.config.AUTH_REGISTRATION_MODE;
  }
}

function toInvite(row: InstanceInviteRow): InstanceInvite {
  return {
    code: row.code,
    createdBy: row.createdBy,
    maxUses: row.maxUses,
    uses: row.uses,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
