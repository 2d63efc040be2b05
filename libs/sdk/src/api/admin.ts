import type { HttpClient } from '../http';

/** Who may register: anyone, with an instance invite code (`inviteCode` at registration), or no one. */
export type RegistrationMode = 'open' | 'invite_only' | 'closed';

/** What any client may know before signing in (the register screen shows the invite field or "closed"). */
export interface InstanceInfo {
  registrationMode: RegistrationMode;
}

export interface InstanceSettings {
  registrationMode: RegistrationMode;
  /** No admin has set a mode yet: it is the server's AUTH_REGISTRATION_MODE. */
  registrationModeFromConfig: boolean;
}

/** An account as instance admins see it. */
export interface AdminUser {
  id: string;
  username: string;
  email: string | null;
  createdAt: string;
  suspended: boolean;
  suspendedAt: string | null;
  suspensionReason: string | null;
  twoFactorEnabled: boolean;
  emailVerified: boolean;
  instanceAdmin: boolean;
}

export interface AdminUsersPage {
  users: AdminUser[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface InstanceInvite {
  code: string;
  createdBy: string | null;
  /** null: unlimited. */
  maxUses: number | null;
  uses: number;
  expiresAt: string | null;
  createdAt: string;
}

export interface CreateInstanceInviteRequest {
  maxUses?: number | null;
  /** 60 s to 30 days; none: no expiry. */
  maxAgeSeconds?: number | null;
}

export interface InstanceStats {
  /** People (bots apart). */
  users: number;
  bots: number;
  registeredLast7Days: number;
  suspended: number;
  /** Sessions neither revoked nor expired. */
  activeSessions: number;
}

/** The instance, as anyone (signed in or not) may read it. */
export class InstanceApi {
  constructor(private readonly http: HttpClient) {}

  info(): Promise<InstanceInfo> {
    return this.http.request('GET', '/api/v1/instance', { auth: false });
  }
}

/**
 * Instance administration (`user.instanceAdmin` on `client.users.me()`): accounts, registration mode,
 * invite codes and statistics. Anyone else gets `403 INSTANCE_ADMIN_REQUIRED`.
 */
export class AdminApi {
  constructor(private readonly http: HttpClient) {}

  /** People (not bots), newest first; `query` matches part of a username or email. */
  users(options: { query?: string; cursor?: string; limit?: number } = {}): Promise<AdminUsersPage> {
    return this.http.request('GET', '/api/v1/admin/users', { query: options });
  }

  /** Every session ends at once; no sign-in, refresh or bot token until `unsuspend`. Content is kept. */
  suspend(userId: string, reason: string): Promise<AdminUser> {
    return this.http.request('POST', `/api/v1/admin/users/${userId}/suspend`, { body: { reason } });
  }

  unsuspend(userId: string): Promise<AdminUser> {
    return this.http.request('POST', `/api/v1/admin/users/${userId}/unsuspend`);
  }

  /** For a user who lost their authenticator: two-factor off, their sessions ended. */
  resetTwoFactor(userId: string): Promise<AdminUser> {
    return this.http.request('POST', `/api/v1/admin/users/${userId}/reset-two-factor`);
  }

  stats(): Promise<InstanceStats> {
    return this.http.request('GET', '/api/v1/admin/stats');
  }

  settings(): Promise<InstanceSettings> {
    return this.http.request('GET', '/api/v1/admin/settings');
  }

  updateSettings(changes: { registrationMode?: RegistrationMode }): Promise<InstanceSettings> {
    return this.http.request('PATCH', '/api/v1/admin/settings', { body: changes });
  }

  invites(): Promise<InstanceInvite[]> {
    return this.http.request('GET', '/api/v1/admin/invites');
  }

  createInvite(input: CreateInstanceInviteRequest = {}): Promise<InstanceInvite> {
    return this.http.request('POST', '/api/v1/admin/invites', { body: input });
  }

  deleteInvite(code: string): Promise<void> {
    return this.http.request('DELETE', `/api/v1/admin/invites/${encodeURIComponent(code)}`);
  }
}
