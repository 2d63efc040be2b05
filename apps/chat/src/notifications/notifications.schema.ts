import type { Generated } from 'kysely';

export interface NotificationGuildSettingsTable {
  userId: string;
  guildId: string;
  level: 'all' | 'mentions' | 'nothing';
  suppressEveryone: boolean;
  /** Muted: until `muted_until`, or forever when it is null. */
  muted: boolean;
  mutedUntil: Date | null;
  updatedAt: Generated<Date>;
}

export interface NotificationChannelOverridesTable {
  userId: string;
  channelId: string;
  /** Null for DMs and group DMs. */
  guildId: string | null;
  level: 'inherit' | 'all' | 'mentions' | 'nothing';
  muted: boolean;
  mutedUntil: Date | null;
  updatedAt: Generated<Date>;
}

export interface PushSubscriptionsTable {
  id: string;
  userId: string;
  endpoint: string;
  /** The browser's P-256 public key and auth secret, base64url (RFC 8291). */
  p256dh: string;
  auth: string;
  createdAt: Generated<Date>;
}
