import {
  ERROR,
  type ChannelPermissionsAnswer,
  compareIds,
  computeChannelPermissions,
  type GuildPermissionContext,
  has,
  isSnowflake,
  PERMISSIONS,
  type ReadyGuild,
  type RealtimeState,
  type RoleGrant,
  type VisibleChannelsAnswer,
} from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { toChannel } from '../channels/channels.dto';
import { toGuild } from '../guilds/guilds.dto';
import { toRole } from '../roles/roles.dto';
import { RealtimeStateReads } from './realtime-state.reads';
import { RealtimeStateRepository, type RoleRow } from './realtime-state.repository';

/**
 * What the gateway needs from chat to run a realtime session: the `ready` state, and the channels a
 * user can see in one guild (asked again whenever an event may have changed it).
 */
@Injectable()
export class RealtimeStateService {
  constructor(
    private readonly repository: RealtimeStateRepository,
    private readonly reads: RealtimeStateReads,
    private readonly access: AccessService,
  ) {}

  async state(userId: string): Promise<RealtimeState> {
    const reads = this.reads;
    const memberships = (await reads.memberships.get([userId])).get(userId) ?? [];
    const guildIds = memberships.map(({ guild }) => guild.id);
    const [
      rolesByGuild,
      roleIdsByUser,
      channelsByGuild,
      threadsByGuild,
      dms,
      readStates,
      pagesByGuild,
      friends,
    ] = await Promise.all([
      reads.roles.get(guildIds),
      reads.memberRoleIds.get([userId]),
      reads.guildChannels.get(guildIds),
      reads.activeThreads.get(guildIds),
      reads.dmChannels.get([userId]),
      reads.readStates.get([userId]),
      reads.memberPages.get(guildIds),
      reads.relationships.get([userId]),
    ]);
    const memberRoleIds = roleIdsByUser.get(userId) ?? new Map<string, string[]>();
    const dmChannels = dms.get(userId) ?? [];
    const guildChannelIds = guildIds.flatMap((id) =>
      (channelsByGuild.get(id) ?? []).map((channel) => channel.id),
    );
    const [overwrites, recipients, emojisByGuild] = await Promise.all([
      reads.overwrites.get(guildChannelIds),
      reads.recipients.get(dmChannels.map((channel) => channel.id)),
      reads.emojis.get(guildIds),
    ]);

    const guilds: ReadyGuild[] = await Promise.all(
      memberships.map(async ({ guild, member }) => {
        const guildRoles = rolesByGuild.get(guild.id) ?? [];
        const myRoleIds = memberRoleIds.get(guild.id) ?? [];
        const context = permissionContext(guild.id, guild.ownerId, userId, guildRoles, myRoleIds);
        const channels = (channelsByGuild.get(guild.id) ?? [])
          .map((channel) => ({ channel, overwrites: overwrites.get(channel.id) ?? [] }))
          .filter(({ overwrites: list }) =>
            has(computeChannelPermissions(context, list), PERMISSIONS.VIEW_CHANNEL),
          )
          .map(({ channel, overwrites: list }) =>
            toChannel(
              channel,
              list.map((o) => ({ id: o.id, type: o.type, allow: String(o.allow), deny: String(o.deny) })),
              [],
            ),
          );
        const guildThreads = threadsByGuild.get(guild.id) ?? [];
        const visibleThreads =
          guildThreads.length > 0
            ? await this.access.visibleChannels(
                { context },
                guildThreads.map((thread) => thread.id),
              )
            : new Map<string, bigint>();
        const page = pagesByGuild.get(guild.id) ?? [];
        return {
          guild: toGuild(guild),
          roles: guildRoles.map(toRole),
          member: {
            guildId: guild.id,
            userId,
            nickname: member.nickname,
            roleIds: [...myRoleIds].sort(compareIds),
            joinedAt: member.joinedAt.toISOString(),
          },
          channels,
          threads: guildThreads
            .filter((thread) => visibleThreads.has(thread.id))
            .map((thread) => toChannel(thread, [], [])),
          members: { userIds: page.map((row) => row.userId), total: page[0]?.total ?? 0 },
          emojis: emojisByGuild.get(guild.id) ?? [],
        };
      }),
    );

    return {
      user: { id: userId },
      guilds,
      dms: dmChannels.map((channel) => toChannel(channel, [], recipients.get(channel.id) ?? [])),
      readStates: readStates.get(userId) ?? [],
      relationships: friends.get(userId) ?? [],
    };
  }

  /** The channel ids of a guild the user can see; 404 UNKNOWN_GUILD when they are not a member. */
  async visibleChannels(guildId: string, userId: string): Promise<VisibleChannelsAnswer> {
    const guild = await this.access.guild(guildId, userId);
    if (!guild) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
    const channelIds = await this.repository.guildChannelIds(guildId);
    const visible = await this.access.visibleChannels(guild, channelIds);
    return { guildId, channelIds: channelIds.filter((id) => visible.has(id)) };
  }

  /** The user's permissions in a channel they can see; 404 UNKNOWN_CHANNEL otherwise. */
  async channelPermissions(channelId: string, userId: string): Promise<ChannelPermissionsAnswer> {
    const access = isSnowflake(channelId) ? await this.access.channel(channelId, userId) : null;
    if (!access) throw new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
    return { channelId, guildId: access.guildId, permissions: String(access.permissions) };
  }
}

function permissionContext(
  guildId: string,
  ownerId: string,
  userId: string,
  guildRoles: readonly RoleRow[],
  myRoleIds: readonly string[],
): GuildPermissionContext {
  const grant = (role: RoleRow): RoleGrant => ({
    id: role.id,
    permissions: BigInt(role.permissions),
    position: role.position,
  });
  const everyoneRole = guildRoles.find((role) => role.id === guildId);
  const mine = new Set(myRoleIds);
  return {
    guildId,
    ownerId,
    userId,
    everyone: everyoneRole ? grant(everyoneRole) : { id: guildId, permissions: 0n, position: 0 },
    roles: guildRoles.filter((role) => role.id !== guildId && mine.has(role.id)).map(grant),
  };
}
