import type {
  AdminUser,
  AdminUsersPage,
  AdminUsersQuery,
  CreateInstanceInviteRequest,
  InstanceInvite,
  InstanceSettings,
  InstanceStats,
  UpdateInstanceSettingsRequest,
} from '@bonfire/sdk';
import type { StoreKernel } from './kernel';

/** The instance administrator's screen: numbers, settings, sign-up invites and accounts. Nothing kept here. */
export class AdminActions {
  constructor(private readonly kernel: StoreKernel) {}

  stats(): Promise<InstanceStats> {
    return this.kernel.client.admin.stats();
  }

  settings(): Promise<InstanceSettings> {
    return this.kernel.client.admin.settings();
  }

  updateSettings(changes: UpdateInstanceSettingsRequest): Promise<InstanceSettings> {
    return this.kernel.client.admin.updateSettings(changes);
  }

  invites(): Promise<InstanceInvite[]> {
    return this.kernel.client.admin.invites();
  }

  createInvite(request: CreateInstanceInviteRequest): Promise<InstanceInvite> {
    return this.kernel.client.admin.createInvite(request);
  }

  deleteInvite(code: string): Promise<void> {
    return this.kernel.client.admin.deleteInvite(code);
  }

  users(query: AdminUsersQuery): Promise<AdminUsersPage> {
    return this.kernel.client.admin.users(query);
  }

  /** Suspends the account; its sessions end at once. */
  suspend(userId: string, reason: string): Promise<AdminUser> {
    return this.kernel.client.admin.suspend(userId, reason);
  }

  unsuspend(userId: string): Promise<AdminUser> {
    return this.kernel.client.admin.unsuspend(userId);
  }

  resetTwoFactor(userId: string): Promise<AdminUser> {
    return this.kernel.client.admin.resetTwoFactor(userId);
  }
}
