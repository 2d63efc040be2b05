import type {
  AuditLogPage,
  AuditLogQuery,
  Ban,
  Channel,
  ChannelPositionUpdate,
  CreateChannelRequest,
  CreateRoleRequest,
  Guild,
  Member,
  Role,
  RolePositionUpdate,
  UpdateChannelRequest,
  UpdateGuildRequest,
  UpdateMemberRequest,
  UpdateRoleRequest,
  UploadFile,
  UploadOptions,
} from '@bonfire/sdk';
import type { StoreKernel } from './kernel';

/**
 * Guild settings: the guild itself, its channels, roles, members and bans. The answers change nothing
 * here (the screens keep what they need, as before); the dispatch each change causes reaches the state.
 */
export class GuildActions {
  constructor(private readonly kernel: StoreKernel) {}

  /** Creates a guild and answers it with its first channels. */
  async create(name: string): Promise<{ guild: Guild; channels: Channel[] }> {
    const { client } = this.kernel;
    const guild = await client.guilds.create({ name });
    return { guild, channels: await client.channels.list(guild.id) };
  }

  update(guildId: string, patch: UpdateGuildRequest): Promise<Guild> {
    return this.kernel.client.guilds.update(guildId, patch);
  }

  /** Uploads the picture and makes it the guild's icon. */
  async changeIcon(guildId: string, file: UploadFile, options: UploadOptions): Promise<Guild> {
    const { client } = this.kernel;
    const uploaded = await client.files.uploadGuildIcon(guildId, file, options);
    return client.guilds.update(guildId, { iconFileId: uploaded.id });
  }

  transferOwnership(guildId: string, userId: string): Promise<Guild> {
    return this.kernel.client.guilds.transferOwnership(guildId, userId);
  }

  delete(guildId: string): Promise<void> {
    return this.kernel.client.guilds.delete(guildId);
  }

  auditLog(guildId: string, query: AuditLogQuery): Promise<AuditLogPage> {
    return this.kernel.client.guilds.auditLog(guildId, query);
  }

  bans(guildId: string): Promise<Ban[]> {
    return this.kernel.client.guilds.bans(guildId);
  }

  ban(guildId: string, userId: string, reason?: string): Promise<void> {
    return this.kernel.client.guilds.ban(guildId, userId, reason);
  }

  unban(guildId: string, userId: string): Promise<void> {
    return this.kernel.client.guilds.unban(guildId, userId);
  }

  // Channels

  createChannel(guildId: string, body: CreateChannelRequest): Promise<Channel> {
    return this.kernel.client.channels.create(guildId, body);
  }

  updateChannel(channelId: string, patch: UpdateChannelRequest): Promise<Channel> {
    return this.kernel.client.channels.update(channelId, patch);
  }

  reorderChannels(guildId: string, positions: ChannelPositionUpdate[]): Promise<Channel[]> {
    return this.kernel.client.channels.reorder(guildId, positions);
  }

  deleteChannel(channelId: string): Promise<void> {
    return this.kernel.client.channels.delete(channelId);
  }

  /** Drops one permission overwrite and answers the channel as it is now. */
  async deletePermissionOverwrite(channelId: string, overwriteId: string): Promise<Channel> {
    const { channels } = this.kernel.client;
    await channels.deletePermissionOverwrite(channelId, overwriteId);
    return channels.get(channelId);
  }

  // Roles and members

  createRole(guildId: string, body: CreateRoleRequest): Promise<Role> {
    return this.kernel.client.roles.create(guildId, body);
  }

  updateRole(guildId: string, roleId: string, patch: UpdateRoleRequest): Promise<Role> {
    return this.kernel.client.roles.update(guildId, roleId, patch);
  }

  reorderRoles(guildId: string, positions: RolePositionUpdate[]): Promise<Role[]> {
    return this.kernel.client.roles.reorder(guildId, positions);
  }

  deleteRole(guildId: string, roleId: string): Promise<void> {
    return this.kernel.client.roles.delete(guildId, roleId);
  }

  updateMember(guildId: string, userId: string, patch: UpdateMemberRequest): Promise<Member> {
    return this.kernel.client.members.update(guildId, userId, patch);
  }

  kick(guildId: string, userId: string): Promise<void> {
    return this.kernel.client.members.kick(guildId, userId);
  }
}
