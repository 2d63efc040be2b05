import type { Channel, Guild, Member, ReadyPayload, Role } from '@bonfire/sdk';
import { compareIds } from '@bonfire/contracts';

export interface GuildState {
  guild: Guild;
  roles: Role[];
  channels: Channel[];
  members: Record<string, Member>;
  memberTotal: number;
}

/** The guilds the user is in (with their roles, channels and members) and the DM conversations. */
export interface GuildsState {
  guildOrder: string[];
  guilds: Record<string, GuildState>;
  dms: Channel[];
}

export function initialGuilds(): GuildsState {
  return { guildOrder: [], guilds: {}, dms: [] };
}

/** `ready` carries each guild with my own member record; the member list is fetched after. */
export function guildsFromReady(payload: ReadyPayload): GuildsState {
  const guilds: Record<string, GuildState> = {};
  for (const entry of payload.guilds) {
    guilds[entry.guild.id] = {
      guild: entry.guild,
      roles: entry.roles,
      channels: entry.channels,
      members: { [entry.member.userId]: entry.member },
      memberTotal: entry.members.total,
    };
  }
  return { guildOrder: payload.guilds.map((entry) => entry.guild.id), guilds, dms: payload.dms };
}

function mapGuild(
  state: GuildsState,
  guildId: string | null,
  update: (guild: GuildState) => GuildState,
): GuildsState {
  const guild = guildId ? state.guilds[guildId] : undefined;
  if (!guildId || !guild) return state;
  return { ...state, guilds: { ...state.guilds, [guildId]: update(guild) } };
}

/** A guild created or joined since `ready` (its roles and members are fetched after). */
export function addGuild(state: GuildsState, guild: Guild, channels: Channel[]): GuildsState {
  if (state.guilds[guild.id]) return state;
  return {
    ...state,
    guildOrder: [...state.guildOrder, guild.id],
    guilds: { ...state.guilds, [guild.id]: { guild, roles: [], channels, members: {}, memberTotal: 1 } },
  };
}

export function putGuild(state: GuildsState, guild: Guild): GuildsState {
  return mapGuild(state, guild.id, (current) => ({ ...current, guild }));
}

export function removeGuild(state: GuildsState, guildId: string): GuildsState {
  const guilds = { ...state.guilds };
  delete guilds[guildId];
  return { ...state, guilds, guildOrder: state.guildOrder.filter((id) => id !== guildId) };
}

export function setRoles(state: GuildsState, guildId: string, roles: Role[]): GuildsState {
  return mapGuild(state, guildId, (guild) => ({ ...guild, roles }));
}

export function putRole(state: GuildsState, role: Role): GuildsState {
  return mapGuild(state, role.guildId, (guild) => ({
    ...guild,
    roles: [...guild.roles.filter((candidate) => candidate.id !== role.id), role],
  }));
}

export function removeRole(state: GuildsState, guildId: string, roleId: string): GuildsState {
  return mapGuild(state, guildId, (guild) => ({
    ...guild,
    roles: guild.roles.filter((role) => role.id !== roleId),
  }));
}

/** Replaces a member record (an API answer); the member total stays. */
export function putMember(state: GuildsState, member: Member): GuildsState {
  return mapGuild(state, member.guildId, (guild) => ({
    ...guild,
    members: { ...guild.members, [member.userId]: member },
  }));
}

export function putMembers(state: GuildsState, guildId: string, members: Member[]): GuildsState {
  return mapGuild(state, guildId, (guild) => {
    const byId = { ...guild.members };
    for (const member of members) byId[member.userId] = member;
    return { ...guild, members: byId };
  });
}

/** A `member.joined` / `member.updated`: a member not known yet adds to the total. */
export function memberArrived(state: GuildsState, member: Member): GuildsState {
  return mapGuild(state, member.guildId, (guild) => ({
    ...guild,
    members: { ...guild.members, [member.userId]: member },
    memberTotal: guild.members[member.userId] ? guild.memberTotal : guild.memberTotal + 1,
  }));
}

export function memberLeft(state: GuildsState, guildId: string, userId: string): GuildsState {
  return mapGuild(state, guildId, (guild) => {
    const members = { ...guild.members };
    delete members[userId];
    return { ...guild, members, memberTotal: Math.max(1, guild.memberTotal - 1) };
  });
}

/** Adds or replaces a guild channel, keeping the guild's channels in position order. */
export function putChannel(state: GuildsState, channel: Channel): GuildsState {
  return mapGuild(state, channel.guildId, (guild) => ({
    ...guild,
    channels: [...guild.channels.filter((candidate) => candidate.id !== channel.id), channel].sort(
      (a, b) => a.position - b.position || compareIds(a.id, b.id),
    ),
  }));
}

export function removeChannel(state: GuildsState, guildId: string, channelId: string): GuildsState {
  return mapGuild(state, guildId, (guild) => ({
    ...guild,
    channels: guild.channels.filter((channel) => channel.id !== channelId),
  }));
}

/** Adds a DM, or replaces the known copy (a group DM's members, name or owner changed). */
export function upsertDm(state: GuildsState, channel: Channel): GuildsState {
  return state.dms.some((dm) => dm.id === channel.id)
    ? { ...state, dms: state.dms.map((dm) => (dm.id === channel.id ? channel : dm)) }
    : { ...state, dms: [channel, ...state.dms] };
}

/** Forgets a DM (left it, or was removed from the group). */
export function removeDm(state: GuildsState, channelId: string): GuildsState {
  return { ...state, dms: state.dms.filter((dm) => dm.id !== channelId) };
}

/** A guild channel or DM by id. */
export function findGuildChannelOrDm(state: GuildsState, channelId: string): Channel | undefined {
  for (const guild of Object.values(state.guilds)) {
    const channel = guild.channels.find((candidate) => candidate.id === channelId);
    if (channel) return channel;
  }
  return state.dms.find((dm) => dm.id === channelId);
}
