import type { PermissionOverwrite, RoleGrant } from '@bonfire/contracts';
import { PrecompiledQuery } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { type Expression, type Kysely, sql } from 'kysely';
import { ChatTransactions } from '../database/chat-transactions';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChannelTypeColumn, ChatDatabase } from '../database/schema';

export interface GuildAccessRow {
  guildId: string;
  ownerId: string;
  everyone: RoleGrant;
  /** Null when the user is not a member. */
  member: { roles: RoleGrant[] } | null;
}

interface ChannelAccessRow {
  id: string;
  type: ChannelTypeColumn;
  guildId: string | null;
  overwrites: PermissionOverwrite[];
  /** DMs and group DMs: whether the user is a recipient. */
  isRecipient: boolean;
  /** Threads: the parent text channel (overwrites are the parent's), state and the user's membership. */
  thread: ThreadAccessRow | null;
  /** The channel's own slowmode (a thread's is its own), so a send needs no read of its own for it. */
  slowmodeSeconds: number;
  /** Guild channels: the guild (null for DMs, or when the guild or its @everyone role is missing). */
  guild: GuildAccessRow | null;
  /** The digest of the row as read (channelAccessFingerprint reads it again inside a write). */
  fingerprint: string;
}

export interface ThreadAccessRow {
  parentId: string;
  archived: boolean;
  locked: boolean;
  isMember: boolean;
}

/** A role or an overwrite as the JSON aggregates carry them (bigints as text). */
interface RoleJson {
  id: string;
  permissions: string;
  position: number;
}
interface OverwriteJson {
  id: string;
  type: PermissionOverwrite['type'];
  allow: string;
  deny: string;
}

/** The member's roles (for the row's `guilds` and `members`) as a JSON array, bigints as text. */
const memberRolesJson = sql<RoleJson[]>`coalesce((
  select json_agg(json_build_object('id', r.id::text, 'permissions', r.permissions::text, 'position', r.position) order by r.id)
  from member_roles mr join roles r on r.id = mr.role_id
  where mr.guild_id = guilds.id and mr.user_id = members.user_id
), '[]'::json)`;

function toGuildAccessRow(row: {
  guildId: string;
  ownerId: string;
  everyonePermissions: string;
  memberUserId: string | null;
  roles: RoleJson[];
}): GuildAccessRow {
  const everyone: RoleGrant = { id: row.guildId, permissions: BigInt(row.everyonePermissions), position: 0 };
  const member =
    row.memberUserId === null
      ? null
      : {
          roles: row.roles.map((role) => ({
            id: role.id,
            permissions: BigInt(role.permissions),
            position: role.position,
          })),
        };
  return { guildId: row.guildId, ownerId: row.ownerId, everyone, member };
}

/**
 * Every input of a channel access decision as one row: the channel, and for a guild channel its guild as
 * guildAccess reads it. The user (and channel) may be a column of an outer query: a send's statement reads
 * it again for each author, to compare fingerprints (channelAccessFingerprint).
 */
function channelAccessInputs(
  db: Kysely<ChatDatabase>,
  channelId: string | Expression<string>,
  userId: string | Expression<string>,
) {
  return (
    db
      .selectFrom('channels')
      .leftJoin('channel_recipients', (join) =>
        join
          .onRef('channel_recipients.channelId', '=', 'channels.id')
          .on('channel_recipients.userId', '=', userId),
      )
      // A guild channel's guild, as guildAccess reads it (null columns when it has none).
      .leftJoin('guilds', 'guilds.id', 'channels.guildId')
      .leftJoin('roles as everyone', 'everyone.id', 'guilds.id')
      .leftJoin('members', (join) =>
        join.onRef('members.guildId', '=', 'guilds.id').on('members.userId', '=', userId),
      )
      .select([
        'channels.id',
        'channels.type',
        'channels.guildId',
        'channel_recipients.userId as recipientId',
        'channels.threadParentId',
        'channels.archived',
        'channels.locked',
        'channels.slowmodeSeconds',
        // A thread has no overwrites of its own: its parent's apply.
        sql<OverwriteJson[]>`coalesce((
          select json_agg(json_build_object('id', o.target_id::text, 'type', o.target_type, 'allow', o.allow::text, 'deny', o.deny::text) order by o.target_id)
          from permission_overwrites o where o.channel_id = coalesce(channels.thread_parent_id, channels.id)
        ), '[]'::json)`.as('overwrites'),
        sql<boolean>`exists (
          select 1 from thread_members tm where tm.thread_id = channels.id and tm.user_id = ${userId}
        )`.as('isThreadMember'),
        'guilds.ownerId as ownerId',
        'everyone.permissions as everyonePermissions',
        'members.userId as memberUserId',
        memberRolesJson.as('roles'),
      ])
      .where('channels.id', '=', channelId)
  );
}

/**
 * The digest of an inputs row (aliased `inputs`): equal digests, equal decisions. Every column is in it by construction
 * (row_to_json), and every aggregate in the row is ordered, so unchanged inputs give the same digest.
 */
const INPUTS_DIGEST = sql<string>`md5(row_to_json(inputs)::text)`;

/**
 * The fingerprint of (channel, user)'s access inputs as of the statement it is part of: a write checked
 * against a ChannelAccess compares it with the access's own, so the check and the write are one atomic step.
 */
export function channelAccessFingerprint(
  db: Kysely<ChatDatabase>,
  channelId: string | Expression<string>,
  userId: Expression<string>,
) {
  return sql<string>`(select ${INPUTS_DIGEST} from (${channelAccessInputs(db, channelId, userId)}) as inputs)`;
}

/** The inputs row and its fingerprint, in one round trip. It runs before every send and read: compiled once. */
const channelAccessQuery = new PrecompiledQuery(
  (db: Kysely<ChatDatabase>, args: { channelId: string; userId: string }) => {
    const inputs = channelAccessInputs(db, args.channelId, args.userId);
    return db.selectFrom(inputs.as('inputs')).selectAll('inputs').select(INPUTS_DIGEST.as('fingerprint'));
  },
);

/** The few reads every permission check needs, each in one round trip. */
@Injectable()
export class AccessRepository {
  constructor(private readonly transactions: ChatTransactions) {}

  /** Pass the transaction's executor to read under its locks. */
  async guildAccess(
    guildId: string,
    userId: string,
    db: ChatExecutor = this.transactions.executor,
  ): Promise<GuildAccessRow | null> {
    // One round trip: the member's roles come along as a JSON array (bigints as text: no precision lost).
    const guild = await db
      .selectFrom('guilds')
      .innerJoin('roles as everyone', 'everyone.id', 'guilds.id')
      .leftJoin('members', (join) =>
        join.onRef('members.guildId', '=', 'guilds.id').on('members.userId', '=', userId),
      )
      .select([
        'guilds.id as guildId',
        'guilds.ownerId as ownerId',
        'everyone.permissions as everyonePermissions',
        'members.userId as memberUserId',
        memberRolesJson.as('roles'),
      ])
      .where('guilds.id', '=', guildId)
      .executeTakeFirst();
    return guild ? toGuildAccessRow(guild) : null;
  }

  /** The channel, and for a guild channel its guild as guildAccess reads it, in one round trip. */
  async channelAccess(channelId: string, userId: string): Promise<ChannelAccessRow | null> {
    const db = this.transactions.executor;
    // One round trip: the channel's overwrites come along as a JSON array, in target id order.
    const channel = (await channelAccessQuery.execute(db, { channelId, userId })).rows[0];
    if (!channel) return null;
    const { guildId, ownerId, everyonePermissions } = channel;
    return {
      id: channel.id,
      type: channel.type,
      guildId: channel.guildId,
      overwrites: channel.guildId
        ? channel.overwrites.map((overwrite) => ({
            id: overwrite.id,
            type: overwrite.type,
            allow: BigInt(overwrite.allow),
            deny: BigInt(overwrite.deny),
          }))
        : [],
      isRecipient: channel.recipientId !== null,
      fingerprint: channel.fingerprint,
      slowmodeSeconds: channel.slowmodeSeconds,
      thread:
        channel.threadParentId === null
          ? null
          : {
              parentId: channel.threadParentId,
              archived: channel.archived,
              locked: channel.locked,
              isMember: channel.isThreadMember,
            },
      guild:
        guildId === null || ownerId === null || everyonePermissions === null
          ? null
          : toGuildAccessRow({ ...channel, guildId, ownerId, everyonePermissions }),
    };
  }

  /**
   * The threads among the given channel ids (others are absent from the answer), with their parent and
   * whether the user joined them: how visibleChannels decides a thread's visibility.
   */
  async threads(
    channelIds: readonly string[],
    userId: string,
  ): Promise<Map<string, { type: ChannelTypeColumn; parentId: string; locked: boolean; isMember: boolean }>> {
    const byId = new Map<
      string,
      { type: ChannelTypeColumn; parentId: string; locked: boolean; isMember: boolean }
    >();
    if (channelIds.length === 0) return byId;
    const rows = await this.transactions.executor
      .selectFrom('channels')
      .leftJoin('thread_members', (join) =>
        join.onRef('thread_members.threadId', '=', 'channels.id').on('thread_members.userId', '=', userId),
      )
      .select([
        'channels.id',
        'channels.type',
        'channels.threadParentId',
        'channels.locked',
        'thread_members.userId as memberId',
      ])
      .where('channels.id', 'in', channelIds)
      .where('channels.threadParentId', 'is not', null)
      .execute();
    for (const row of rows) {
      byId.set(row.id, {
        type: row.type,
        parentId: row.threadParentId!,
        locked: row.locked,
        isMember: row.memberId !== null,
      });
    }
    return byId;
  }

  /** Overwrites of several channels at once (listing a guild's visible channels). */
  async overwrites(channelIds: readonly string[]): Promise<Map<string, PermissionOverwrite[]>> {
    const byChannel = new Map<string, PermissionOverwrite[]>();
    if (channelIds.length === 0) return byChannel;
    const rows = await this.transactions.executor
      .selectFrom('permission_overwrites')
      .selectAll()
      .where('channelId', 'in', channelIds)
      .orderBy('targetId')
      .execute();
    for (const row of rows) {
      const list = byChannel.get(row.channelId) ?? [];
      list.push({
        id: row.targetId,
        type: row.targetType,
        allow: BigInt(row.allow),
        deny: BigInt(row.deny),
      });
      byChannel.set(row.channelId, list);
    }
    return byChannel;
  }
}
