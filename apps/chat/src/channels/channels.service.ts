import { ERROR, type Channel, parsePermissions } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator, type Transaction } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, requirePermissions } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { CHAT_LIMITS } from '../config';
import { ChatTransactions, type ChatExecutor } from '../database/chat-transactions';
import type { ChatDatabase } from '../database/schema';
import { DmsService } from '../dms/dms.service';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { invalidField, limitReached } from '../guilds/guild-common';
import { MembersRepository } from '../members/members.repository';
import { assertCanGrant } from '../roles/permission-grants';
import { RolesRepository } from '../roles/roles.repository';
import { ThreadsService } from '../threads/threads.service';
import { type GuildChannelType, normaliseChannelName } from './channel-name';
import {
  type ChannelPositionsDto,
  type ChannelRow,
  compareChannels,
  type CreateChannelDto,
  type PutOverwriteDto,
  toChannel,
  type UpdateChannelDto,
} from './channels.dto';
import { ChannelsRepository } from './channels.repository';

const unknownGuild = () => new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
const unknownChannel = () => new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');

function channelName(type: GuildChannelType, name: string, field: string): string {
  const normalised = normaliseChannelName(type, name);
  if (normalised === null) {
    throw invalidField(field, 'invalid_name', `must be 1–${CHAT_LIMITS.channelNameLength} characters`);
  }
  return normalised;
}

@Injectable()
export class ChannelsService {
  constructor(
    private readonly access: AccessService,
    private readonly channels: ChannelsRepository,
    private readonly roles: RolesRepository,
    private readonly members: MembersRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly ids: SnowflakeGenerator,
    private readonly dms: DmsService,
    private readonly auditLog: AuditLogService,
    private readonly threads: ThreadsService,
  ) {}

  async create(guildId: string, userId: string, dto: CreateChannelDto): Promise<Channel> {
    const access = await this.access.requireGuild(guildId, userId, 'MANAGE_CHANNELS');
    const overwrites = dto.permissionOverwrites.map((overwrite) => ({
      id: overwrite.id,
      type: overwrite.type,
      allow: parsePermissions(overwrite.allow),
      deny: parsePermissions(overwrite.deny),
    }));
    if (overwrites.length > 0) {
      requirePermissions(access.permissions, ['MANAGE_ROLES']);
      assertCanGrant(
        access.permissions,
        overwrites.reduce((all, overwrite) => all | overwrite.allow | overwrite.deny, 0n),
      );
    }
    const name = channelName(dto.type, dto.name, 'body.name');
    return this.transactions.run(async (trx) => {
      if (!(await this.channels.lockGuild(trx, guildId))) throw unknownGuild();
      if ((await this.channels.count(trx, guildId)) >= CHAT_LIMITS.channelsPerGuild) {
        throw limitReached(
          ERROR.TOO_MANY_CHANNELS,
          `A guild can have at most ${CHAT_LIMITS.channelsPerGuild} channels.`,
        );
      }
      if (dto.parentId) await this.requireCategory(trx, guildId, dto.parentId, 'body.parentId');
      for (const [index, overwrite] of overwrites.entries()) {
        await this.requireOverwriteTarget(trx, guildId, overwrite, `body.permissionOverwrites.${index}.id`);
      }
      const row = await this.channels.insert(trx, {
        id: this.ids.next(),
        type: dto.type,
        guildId,
        name,
        topic: dto.topic ?? null,
        position: dto.position ?? (await this.channels.nextPosition(trx, guildId)),
        parentId: dto.parentId ?? null,
        slowmodeSeconds: dto.slowmodeSeconds ?? 0,
        userLimit: dto.userLimit ?? null,
        ownerId: null,
        dmKey: null,
        lastMessageId: null,
      });
      for (const overwrite of overwrites) await this.channels.putOverwrite(trx, row.id, overwrite);
      const channel = await this.load(trx, row);
      await this.events.add(trx, 'channel.created', guildId, { channel });
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'CHANNEL_CREATE',
        targetType: 'channel',
        targetId: channel.id,
        after: channel,
      });
      return channel;
    });
  }

  /** The guild's channels the caller can see, by position. */
  async listForGuild(guildId: string, userId: string): Promise<Channel[]> {
    const access = await this.access.requireGuild(guildId, userId);
    const db = this.transactions.executor;
    const rows = await this.channels.listByGuild(db, guildId);
    const visible = await this.access.visibleChannels(
      access,
      rows.map((row) => row.id),
    );
    const shown = rows.filter((row) => visible.has(row.id)).sort(compareChannels);
    const overwrites = await this.channels.overwrites(
      db,
      shown.map((row) => row.id),
    );
    return shown.map((row) => toChannel(row, overwrites.get(row.id) ?? []));
  }

  async get(channelId: string, userId: string): Promise<Channel> {
    await this.access.requireChannel(channelId, userId);
    const db = this.transactions.executor;
    const row = await this.channels.find(db, channelId);
    if (!row) throw unknownChannel();
    return this.load(db, row);
  }

  /** Edits a guild channel (MANAGE_CHANNELS), or renames a group DM (any recipient: DmsService.rename). */
  async update(channelId: string, userId: string, dto: UpdateChannelDto): Promise<Channel> {
    const access = await this.access.requireChannel(channelId, userId);
    const guildId = access.guildId;
    if (guildId === null) return this.dms.rename(userId, channelId, dto);
    if (access.thread) return this.threads.update(access, userId, dto);
    for (const field of ['archived', 'locked', 'autoArchiveMinutes', 'invitable'] as const) {
      if (dto[field] !== undefined)
        throw invalidField(`body.${field}`, 'custom', `only threads have ${field}`);
    }
    requirePermissions(access.permissions, ['MANAGE_CHANNELS']);
    if (dto.name === null) throw invalidField('body.name', 'invalid_type', 'a guild channel needs a name');
    return this.transactions.run(async (trx) => {
      const row = await this.channels.findForUpdate(trx, channelId);
      if (!row) throw unknownChannel();
      const type = row.type as GuildChannelType;
      const field = (name: keyof UpdateChannelDto, allowed: boolean, what: string) => {
        if (!allowed && dto[name] !== undefined && dto[name] !== null) {
          throw invalidField(`body.${name}`, 'custom', `only ${what} have ${name}`);
        }
      };
      field('topic', type === 'text', 'text channels');
      field('slowmodeSeconds', type === 'text', 'text channels');
      field('userLimit', type === 'voice', 'voice channels');
      field('parentId', type !== 'category', 'text and voice channels');
      if (dto.parentId) await this.requireCategory(trx, guildId, dto.parentId, 'body.parentId');
      const before = await this.load(trx, row);
      const updated = await this.channels.update(trx, channelId, {
        ...dto,
        name: typeof dto.name === 'string' ? channelName(type, dto.name, 'body.name') : undefined,
      });
      const channel = await this.load(trx, updated);
      await this.events.add(trx, 'channel.updated', guildId, { channel });
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'CHANNEL_UPDATE',
        targetType: 'channel',
        targetId: channelId,
        before,
        after: channel,
      });
      return channel;
    });
  }

  /** Deletes a channel; the channels of a deleted category stay, without a category. */
  async delete(channelId: string, userId: string): Promise<void> {
    const access = await this.access.requireChannel(channelId, userId);
    if (access.thread) return this.threads.delete(access, userId);
    requirePermissions(access.permissions, ['MANAGE_CHANNELS']);
    const guildId = access.guildId;
    if (guildId === null) throw unknownChannel();
    await this.transactions.run(async (trx) => {
      const row = await this.channels.findForUpdate(trx, channelId);
      if (!row) throw unknownChannel();
      const children = await this.channels.children(trx, channelId);
      const before = await this.load(trx, row);
      await this.channels.delete(trx, channelId);
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'CHANNEL_DELETE',
        targetType: 'channel',
        targetId: channelId,
        before,
      });
      await this.events.add(trx, 'channel.deleted', guildId, { channelId, guildId });
      for (const child of children) {
        const channel = await this.load(trx, { ...child, parentId: null });
        await this.events.add(trx, 'channel.updated', guildId, { channel });
      }
    });
  }

  /** Moves channels: [{id, position, parentId?}]; returns the caller's visible channels after the move. */
  async reorder(guildId: string, userId: string, items: ChannelPositionsDto): Promise<Channel[]> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_CHANNELS');
    await this.transactions.run(async (trx) => {
      if (!(await this.channels.lockGuild(trx, guildId))) throw unknownGuild();
      const rows = new Map((await this.channels.listByGuild(trx, guildId)).map((row) => [row.id, row]));
      for (const [index, item] of items.entries()) {
        const row = rows.get(item.id);
        if (!row) throw invalidField(`body.${index}.id`, 'unknown_channel', 'Unknown channel.');
        if (item.parentId !== undefined && item.parentId !== null) {
          const parent = rows.get(item.parentId);
          if (row.type === 'category' || parent?.type !== 'category') {
            throw invalidField(
              `body.${index}.parentId`,
              'invalid_parent',
              'must be a category of this guild',
            );
          }
        }
      }
      for (const item of items) {
        const row = rows.get(item.id)!;
        const parentId = item.parentId === undefined ? row.parentId : item.parentId;
        if (row.position === item.position && row.parentId === parentId) continue;
        const updated = await this.channels.update(trx, item.id, { position: item.position, parentId });
        await this.events.add(trx, 'channel.updated', guildId, { channel: await this.load(trx, updated) });
      }
    });
    return this.listForGuild(guildId, userId);
  }

  /**
   * Sets a role's or member's overwrite in a channel (MANAGE_ROLES there). Without ADMINISTRATOR (or
   * ownership) only permissions the caller holds in the channel may be allowed or denied.
   */
  async putOverwrite(
    channelId: string,
    targetId: string,
    userId: string,
    dto: PutOverwriteDto,
  ): Promise<void> {
    const access = await this.access.requireChannel(channelId, userId, 'MANAGE_ROLES');
    const guildId = access.guildId;
    if (guildId === null) throw unknownChannel();
    if (access.thread)
      throw invalidField('channelId', 'invalid_channel_type', 'threads use their parent’s overwrites');
    const overwrite = {
      id: targetId,
      type: dto.type,
      allow: parsePermissions(dto.allow),
      deny: parsePermissions(dto.deny),
    };
    assertCanGrant(access.permissions, overwrite.allow | overwrite.deny);
    await this.transactions.run(async (trx) => {
      const row = await this.channels.findForUpdate(trx, channelId);
      if (!row) throw unknownChannel();
      if (dto.type === 'role' && !(await this.roles.find(trx, guildId, targetId))) {
        throw new AppError(ERROR.UNKNOWN_ROLE, 'Unknown role.');
      }
      if (dto.type === 'member' && !(await this.members.find(trx, guildId, targetId))) {
        throw new AppError(ERROR.UNKNOWN_MEMBER, 'Unknown member.');
      }
      const previous = (await this.load(trx, row)).permissionOverwrites.find((o) => o.id === targetId);
      await this.channels.putOverwrite(trx, channelId, overwrite);
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'CHANNEL_OVERWRITE_UPDATE',
        targetType: 'channel',
        targetId: channelId,
        before: previous ? { allow: previous.allow, deny: previous.deny } : null,
        after: { allow: overwrite.allow.toString(), deny: overwrite.deny.toString() },
        options: { id: targetId, type: dto.type },
      });
      await this.events.add(trx, 'channel.updated', guildId, { channel: await this.load(trx, row) });
    });
  }

  async deleteOverwrite(channelId: string, targetId: string, userId: string): Promise<void> {
    const access = await this.access.requireChannel(channelId, userId, 'MANAGE_ROLES');
    const guildId = access.guildId;
    if (guildId === null) throw unknownChannel();
    if (access.thread)
      throw invalidField('channelId', 'invalid_channel_type', 'threads use their parent’s overwrites');
    await this.transactions.run(async (trx) => {
      const row = await this.channels.findForUpdate(trx, channelId);
      if (!row) throw unknownChannel();
      const previous = (await this.load(trx, row)).permissionOverwrites.find((o) => o.id === targetId);
      if (!(await this.channels.deleteOverwrite(trx, channelId, targetId))) {
        throw new AppError(ERROR.UNKNOWN_OVERWRITE, 'Unknown permission overwrite.');
      }
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'CHANNEL_OVERWRITE_DELETE',
        targetType: 'channel',
        targetId: channelId,
        before: previous ? { allow: previous.allow, deny: previous.deny } : null,
        options: previous ? { id: targetId, type: previous.type } : { id: targetId },
      });
      await this.events.add(trx, 'channel.updated', guildId, { channel: await this.load(trx, row) });
    });
  }

  private async load(db: ChatExecutor, row: ChannelRow): Promise<Channel> {
    const overwrites = await this.channels.overwrites(db, [row.id]);
    const recipients = row.guildId === null ? await this.channels.recipients(db, row.id) : [];
    return toChannel(row, overwrites.get(row.id) ?? [], recipients);
  }

  private async requireCategory(
    trx: Transaction<ChatDatabase>,
    guildId: string,
    parentId: string,
    field: string,
  ): Promise<void> {
    const parent = await this.channels.find(trx, parentId);
    if (parent?.guildId !== guildId || parent.type !== 'category') {
      throw invalidField(field, 'invalid_parent', 'must be a category of this guild');
    }
  }

  private async requireOverwriteTarget(
    trx: Transaction<ChatDatabase>,
    guildId: string,
    overwrite: { id: string; type: 'role' | 'member' },
    field: string,
  ): Promise<void> {
    const exists =
      overwrite.type === 'role'
        ? (await this.roles.find(trx, guildId, overwrite.id)) !== null
        : (await this.members.find(trx, guildId, overwrite.id)) !== null;
    if (!exists) throw invalidField(field, `unknown_${overwrite.type}`, `Unknown ${overwrite.type}.`);
  }
}
