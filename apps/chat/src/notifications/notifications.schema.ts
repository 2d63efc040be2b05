import type { Generated } from 'kysely';

export interface NotificationGuildSettingsTable {
  user_id: string;
  guild_id: string;
  level: 'all' | 'mentions' | 'nothing';
  suppress_everyone: boolean;
  /** Muted: until `muted_until`, or forever when it is null. */
  muted: boolean;
  muted_until: Date | null;
  updated_at: Generated<Date>;
}

export interface NotificationChannelOverridesTable {
  user_id: string;
  channel_id: string;
  /** Null for DMs and group DMs. */
  guild_id: string | null;
  level: 'inherit' | 'all' | 'mentions' | 'nothing';
  muted: boolean;
  muted_until: Date | null;
  updated_at: Generated<Date>;
}

export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  endpoint: string;
  /** The browser's P-256 public key and auth secret, base64url (RFC 8291). */
  p256dh: string;
  auth: string;
  created_at: Generated<Date>;
}
