import type { RestClient } from '../rest-client';
import type {
  AdminUser,
  AdminUsersPage,
  AdminUsersQuery,
  CreateInstanceInviteRequest,
  InstanceInfo,
  InstanceInvite,
  InstanceSettings,
  InstanceStats,
  UpdateInstanceSettingsRequest,
} from './types';

/** The instance, as anyone (signed in or not) may read it. */
export class InstanceApi {
  constructor(private readonly rest: RestClient) {}

  info(): Promise<InstanceInfo> {
    return this.rest.get('/api/v1/instance', { auth: false });
  }
}

const USER = '/api/v1/admin/users/{id}';

/**
 * Instance administration (`user.instanceAdmin` on `client.users.me()`): accounts, registration mode,
 * invite codes and statistics. Anyone else gets `403 INSTANCE_ADMIN_REQUIRED`.
 */
export class AdminApi {
  constructor(private readonly rest: RestClient) {}

  /** People (not bots), newest first; `query` matches part of a username or email. */
  users(options: AdminUsersQuery = {}): Promise<AdminUsersPage> {
    return this.rest.get('/api/v1/admin/users', { query: options });
  }

  /** Every session ends at once; no sign-in, refresh or bot token until `unsuspend`. Content is kept. */
  suspend(userId: string, reason: string): Promise<AdminUser> {
    return this.rest.post(`${USER}/suspend`, { params: { id: userId }, body: { reason } });
  }

  unsuspend(userId: string): Promise<AdminUser> {
    return this.rest.post(`${USER}/unsuspend`, { params: { id: userId } });
  }

  /** For a user who lost their authenticator: two-factor off, their sessions ended. */
  resetTwoFactor(userId: string): Promise<AdminUser> {
    return this.rest.post(`${USER}/reset-two-factor`, { params: { id: userId } });
  }

  stats(): Promise<InstanceStats> {
    return this.rest.get('/api/v1/admin/stats');
  }

  settings(): Promise<InstanceSettings> {
    return this.rest.get('/api/v1/admin/settings');
  }

  updateSettings(changes: UpdateInstanceSettingsRequest): Promise<InstanceSettings> {
    return this.rest.patch('/api/v1/admin/settings', { body: changes });
  }

  invites(): Promise<InstanceInvite[]> {
    return this.rest.get('/api/v1/admin/invites');
  }

  createInvite(input: CreateInstanceInviteRequest = {}): Promise<InstanceInvite> {
    return this.rest.post('/api/v1/admin/invites', { body: input });
  }

  deleteInvite(code: string): Promise<void> {
    return this.rest.delete('/api/v1/admin/invites/{code}', { params: { code } });
  }
}
