import {
  ERROR,
  computeBasePermissions,
  computeChannelPermissions,
  type GuildPermissionContext,
  has,
  PERMISSIONS,
  type PermissionName,
  type PermissionOverwrite,
  isSnowflake,
} from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChannelTypeColumn } from '../database/schema';
import { AccessRepository, type GuildAccessRow, type ThreadAccessRow } from './access.repository';

/** What DM and group DM recipients may do (there are no roles or overwrites in DMs). */
const DM_PERMISSIONS =
  PERMISSIONS.VIEW_CHANNEL |
  PERMISSIONS.SEND_MESSAGES |
  PERMISSIONS.READ_MESSAGE_HISTORY |
  PERMISSIONS.ADD_REACTIONS |
  PERMISSIONS.ATTACH_FILES |
  PERMISSIONS.EMBED_LINKS |
  PERMISSIONS.CONNECT |
  PERMISSIONS.SPEAK;

export interface GuildAccess {
  guildId: string;
  ownerId: string;
  isOwner: boolean;
  /** Input of the pure permission functions in contracts. */
  context: GuildPermissionContext;
  permissions: bigint;
}

export interface ChannelAccess {
  channelId: string;
  type: ChannelTypeColumn;
  guildId: string | null;
  /** Set for guild channels. */
  guild: GuildAccess | null;
  permissions: bigint;
  /** Set for threads. */
  thread?: ThreadAccessRow;
  /** The channel's slowmode (a thread's own), read with the access. */
  slowmodeSeconds: number;
  /**
   * The digest of every input this access was computed from. A send carries it into its statement, which
   * writes only while the inputs still have it (channelAccessFingerprint).
   */
  fingerprint?: string;
}

/**
 * Authorisation for every read and write in chat. Someone who may not see a guild or channel gets 404
 * (its existence is not leaked); a member missing a permission for a write gets 403 naming it.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repository: AccessRepository) {}

  /** The caller's access to a guild, or null when the guild does not exist or they are not a member. */
  async guild(guildId: string, userId: string, db?: ChatExecutor): Promise<GuildAccess | null> {
    if (!isSnowflake(guildId)) return null;
    return toGuildAccess(await this.repository.guildAccess(guildId, userId, db), userId);
  }

  /** A member's guild access; 404 for non-members; 403 naming the first missing permission. */
  async requireGuild(guildId: string, userId: string, ...required: PermissionName[]): Promise<GuildAccess> {
    return requireMember(await this.guild(guildId, userId), required);
  }

  /**
   * requireGuild read through a transaction, after it locked what the decision depends on (e.g. the guild
   * row for role changes), so a concurrent change to the caller's roles cannot slip between check and write.
   */
  async requireGuildWithin(
    db: ChatExecutor,
    guildId: string,
    userId: string,
    ...required: PermissionName[]
  ): Promise<GuildAccess> {
    return requireMember(await this.guild(guildId, userId, db), required);
  }

  /** The caller's access to a channel, or null when it does not exist or they cannot see it. */
  async channel(channelId: string, userId: string): Promise<ChannelAccess | null> {
    if (!isSnowflake(channelId)) return null;
    const row = await this.repository.channelAccess(channelId, userId);
    if (!row) return null;
    if (row.guildId === null) {
      if (!row.isRecipient) return null;
      return {
        channelId: row.id,
        type: row.type,
        guildId: null,
        guild: null,
        permissions: DM_PERMISSIONS,
        slowmodeSeconds: row.slowmodeSeconds,
        fingerprint: row.fingerprint,
      };
    }
    const guild = toGuildAccess(row.guild, userId);
    if (!guild) return null;
    const parentPermissions = computeChannelPermissions(guild.context, row.overwrites);
    if (row.thread) {
      const permissions = threadPermissions(parentPermissions, { type: row.type, ...row.thread });
      if (permissions === null) return null;
      return {
        channelId: row.id,
        type: row.type,
        guildId: row.guildId,
        guild,
        permissions,
        thread: row.thread,
        slowmodeSeconds: row.slowmodeSeconds,
        fingerprint: row.fingerprint,
      };
    }
    if (!has(parentPermissions, PERMISSIONS.VIEW_CHANNEL)) return null;
    return {
      channelId: row.id,
      type: row.type,
      guildId: row.guildId,
      guild,
      permissions: parentPermissions,
      slowmodeSeconds: row.slowmodeSeconds,
      fingerprint: row.fingerprint,
    };
  }

  /** A visible channel; 404 when it is not; 403 naming the first missing permission. */
  async requireChannel(
    channelId: string,
    userId: string,
    ...required: PermissionName[]
  ): Promise<ChannelAccess> {
    const access = await this.channel(channelId, userId);
    if (!access) throw new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
    requirePermissions(access.permissions, required);
    return access;
  }

  /** The permission overwrites of several channels, in one query. */
  overwritesOf(channelIds: readonly string[]): Promise<Map<string, PermissionOverwrite[]>> {
    return this.repository.overwrites(channelIds);
  }

  /**
   * Of the given guild channels (threads included), the ids the member may see, with their permissions.
   * A thread is judged by its parent's overwrites (threadPermissions).
   */
  async visibleChannels(
    guild: Pick<GuildAccess, 'context'>,
    channelIds: readonly string[],
  ): Promise<Map<string, bigint>> {
    const threads = await this.repository.threads(channelIds, guild.context.userId);
    const parents = [...new Set([...threads.values()].map((thread) => thread.parentId))];
    const overwrites = await this.repository.overwrites([...new Set([...channelIds, ...parents])]);
    const visible = new Map<string, bigint>();
    for (const channelId of channelIds) {
      const thread = threads.get(channelId);
      const permissions = computeChannelPermissions(
        guild.context,
        overwrites.get(thread?.parentId ?? channelId) ?? [],
      );
      if (thread) {
        const inThread = threadPermissions(permissions, thread);
        if (inThread !== null) visible.set(channelId, inThread);
      } else if (has(permissions, PERMISSIONS.VIEW_CHANNEL)) visible.set(channelId, permissions);
    }
    return visible;
  }
}

/** A member's access from their guild row; null when there is no such guild or they are not a member. */
function toGuildAccess(row: GuildAccessRow | null, userId: string): GuildAccess | null {
  if (!row?.member) return null;
  const context: GuildPermissionContext = {
    guildId: row.guildId,
    ownerId: row.ownerId,
    userId,
    everyone: row.everyone,
    roles: row.member.roles,
  };
  return {
    guildId: row.guildId,
    ownerId: row.ownerId,
    isOwner: row.ownerId === userId,
    context,
    permissions: computeBasePermissions(context),
  };
}

/**
 * A user's permissions in a thread from their permissions in its parent, or null when they cannot see it:
 * a public thread is seen by whoever sees the parent and may read its history; a private one only by its
 * members and MANAGE_THREADS holders. SEND_MESSAGES in a thread stands for SEND_MESSAGES_IN_THREADS on the
 * parent (and, in a locked thread, MANAGE_THREADS too), so the message routes check threads unchanged.
 */
export function threadPermissions(
  parent: bigint,
  thread: { type: ChannelTypeColumn; locked: boolean; isMember: boolean },
): bigint | null {
  if (!has(parent, PERMISSIONS.VIEW_CHANNEL) || !has(parent, PERMISSIONS.READ_MESSAGE_HISTORY)) return null;
  const manager = has(parent, PERMISSIONS.MANAGE_THREADS);
  if (thread.type === 'private_thread' && !thread.isMember && !manager) return null;
  const maySend = has(parent, PERMISSIONS.SEND_MESSAGES_IN_THREADS) && (!thread.locked || manager);
  return (parent & ~PERMISSIONS.SEND_MESSAGES) | (maySend ? PERMISSIONS.SEND_MESSAGES : 0n);
}

export function requirePermissions(permissions: bigint, required: readonly PermissionName[]): void {
  const missing = required.filter((name) => !has(permissions, PERMISSIONS[name]));
  if (missing.length === 0) return;
  throw new AppError(
    ERROR.MISSING_PERMISSION,
    `You need the ${missing.join(', ')} permission${missing.length > 1 ? 's' : ''}.`,
    { details: missing.map((name) => ({ code: name, message: `missing ${name}` })) },
  );
}

function requireMember(access: GuildAccess | null, required: PermissionName[]): GuildAccess {
  if (!access) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
  requirePermissions(access.permissions, required);
  return access;
}
