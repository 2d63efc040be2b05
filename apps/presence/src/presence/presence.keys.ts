import type { Redis } from '@bonfire/platform';

/**
 * Presence's Redis layout (all under PRESENCE_KEY_PREFIX), used by the Redis adapters of PresenceStore
 * and AudienceStore:
 * - `gws`                  set: gateway ids that reported connections
 * - `gw:{g}:alive`         string with TTL: the gateway was heard from recently (one key per gateway)
 * - `gw:{g}:conns`         hash connectionId → `userId|activity`: the gateway's connections
 * - `u:{u}:conns`          hash `{g}/{connectionId}` → activity: the user's devices on every gateway
 * - `u:{u}:pref`           hash `chosen`, `custom` (JSON): what the user set
 * - `shown`                hash userId → JSON AggregatedPresence of every user not offline: one HMGET
 *                          answers many users (a 10,000-member guild is one round trip, not 10,000)
 * - `custom-expiry`        sorted set userId by expiry time (ms) of their custom status
 * - `g:{guild}:m`          set: the guild's members (projection of chat.members)
 * - `u:{u}:g`              set: the user's guilds
 * - `u:{u}:dm`             set: the user's DM partners (projection of chat.channels)
 * - `sweep-lock`           one sweeper at a time across presence replicas
 */
export class PresenceKeys {
  constructor(private readonly prefix: string) {}

  readonly gateways = () => `${this.prefix}:gws`;
  readonly gatewayAlive = (gatewayId: string) => `${this.prefix}:gw:${gatewayId}:alive`;
  readonly gatewayConnections = (gatewayId: string) => `${this.prefix}:gw:${gatewayId}:conns`;
  readonly userConnections = (userId: string) => `${this.prefix}:u:${userId}:conns`;
  readonly userPreference = (userId: string) => `${this.prefix}:u:${userId}:pref`;
  readonly shown = () => `${this.prefix}:shown`;
  readonly customExpiry = () => `${this.prefix}:custom-expiry`;
  readonly guildMembers = (guildId: string) => `${this.prefix}:g:${guildId}:m`;
  readonly userGuilds = (userId: string) => `${this.prefix}:u:${userId}:g`;
  readonly userDmPartners = (userId: string) => `${this.prefix}:u:${userId}:dm`;
  readonly userFriends = (userId: string) => `${this.prefix}:u:${userId}:fr`;
  readonly userBlocks = (userId: string) => `${this.prefix}:u:${userId}:bl`;
  readonly userBlockedBy = (userId: string) => `${this.prefix}:u:${userId}:blby`;
  readonly sweepLock = () => `${this.prefix}:sweep-lock`;
}

/** Runs a MULTI or pipeline and answers its replies in order, throwing the first command error. */
export async function execBatch(batch: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const answers = await batch.exec();
  if (!answers) throw new Error('presence transaction was aborted');
  return answers.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
