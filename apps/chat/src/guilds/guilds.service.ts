import { ERROR, DEFAULT_EVERYONE_PERMISSIONS, type Guild } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { toChannel } from '../channels/channels.dto';
import { ChannelsRepository } from '../channels/channels.repository';
import { CHAT_LIMITS } from '../config';
import { ChatTransactions, type ChatExecutor } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { toMember } from '../members/members.dto';
import { MembersRepository } from '../members/members.repository';
import { toRole } from '../roles/roles.dto';
import { RolesRepository } from '../roles/roles.repository';
import { invalidField, limitReached, ownerOnly } from './guild-common';
import { type CreateGuildDto, toGuild, type UpdateGuildDto } from './guilds.dto';
import { GuildsRepository } from './guilds.repository';

const unknownGuild = () => new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');

@Injectable()
export class GuildsService {
  constructor(
    private readonly access: AccessService,
    private readonly guilds: GuildsRepository,
    private readonly roles: RolesRepository,
    private readonly members: MembersRepository,
    private readonly channels: ChannelsRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly ids: SnowflakeGenerator,
    private readonly auditLog: AuditLogService,
  ) {}

  /** Throws 400 TOO_MANY_GUILDS when the user is already in as many guilds as allowed. */
  async assertCanJoinAnother(trx: ChatExecutor, userId: string): Promise<void> {
    await this.members.lockUser(trx, userId);
    if ((await this.members.countForUser(trx, userId)) >= CHAT_LIMITS.guildsPerUser) {
      throw limitReached(ERROR.TOO_MANY_GUILDS, `You can be in at most ${CHAT_LIMITS.guildsPerUser} guilds.`);
    }
  }

  /**
   * Creates the guild with its creator as owner and member, the @everyone role (the guild's id, position
   * 0, default permissions) and, as Discord does, a "general" text channel and a "General" voice channel.
   */
  async create(userId: string, dto: CreateGuildDto): Promise<Guild> {
    return this.transactions.run(async (trx) => {
      await this.assertCanJoinAnother(trx, userId);
      const guildId = this.ids.next();
      const guild = toGuild(
        await this.guilds.insert(trx, {
          id: guildId,
          name: dto.name,
          description: dto.description ?? null,
          iconFileId: dto.iconFileId ?? null,
          ownerId: userId,
        }),
      );
      await this.events.add(trx, 'guild.created', guildId, { guild });
      const everyone = await this.roles.insert(trx, {
        id: guildId,
        guildId,
        name: '@everyone',
        color: 0,
        hoist: false,
        mentionable: false,
        position: 0,
        permissions: DEFAULT_EVERYONE_PERMISSIONS,
      });
      await this.events.add(trx, 'role.created', guildId, { role: toRole(everyone) });
      const member = await this.members.insert(trx, guildId, userId);
      await this.events.add(trx, 'member.joined', guildId, { member: toMember(member!, []) });
      const defaults = [
        { type: 'text' as const, name: 'general', position: 0 },
        { type: 'voice' as const, name: 'General', position: 1 },
      ];
      for (const channel of defaults) {
        const row = await this.channels.insert(trx, {
          id: this.ids.next(),
          guildId,
          type: channel.type,
          name: channel.name,
          topic: null,
          position: channel.position,
          parentId: null,
          slowmodeSeconds: 0,
          userLimit: null,
          ownerId: null,
          dmKey: null,
          lastMessageId: null,
        });
        await this.events.add(trx, 'channel.created', guildId, { channel: toChannel(row, []) });
      }
      return guild;
    });
  }

  async get(guildId: string, userId: string): Promise<Guild> {
    await this.access.requireGuild(guildId, userId);
    const row = await this.guilds.find(this.transactions.executor, guildId);
    if (!row) throw unknownGuild();
    return toGuild(row);
  }

  async listMine(userId: string): Promise<Guild[]> {
    return (await this.guilds.listForUser(this.transactions.executor, userId)).map(toGuild);
  }

  /** Name, icon, description with MANAGE_GUILD; ownerId (a transfer) by the owner only. */
  async update(guildId: string, userId: string, dto: UpdateGuildDto): Promise<Guild> {
    const access = await this.access.requireGuild(guildId, userId, 'MANAGE_GUILD');
    if (dto.ownerId !== undefined && !access.isOwner) throw ownerOnly('transfer ownership');
    return this.transactions.run(async (trx) => {
      const current = await this.guilds.findForUpdate(trx, guildId);
      if (!current) throw unknownGuild();
      if (dto.ownerId !== undefined && current.ownerId !== userId) throw ownerOnly('transfer ownership');
      if (dto.ownerId !== undefined && !(await this.members.find(trx, guildId, dto.ownerId))) {
        throw invalidField('body.ownerId', 'unknown_member', 'The new owner must be a member of the guild.');
      }
      const updated = toGuild(await this.guilds.update(trx, guildId, dto));
      const transferred = updated.ownerId !== current.ownerId;
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'GUILD_UPDATE',
        targetType: 'guild',
        targetId: guildId,
        before: toGuild(current),
        after: updated,
      });
      await this.events.add(trx, 'guild.updated', guildId, {
        guild: updated,
        ...(transferred ? { previousOwnerId: current.ownerId } : {}),
      });
      return updated;
    });
  }

  async transferOwnership(guildId: string, userId: string, newOwnerId: string): Promise<Guild> {
    const access = await this.access.requireGuild(guildId, userId);
    if (!access.isOwner) throw ownerOnly('transfer ownership');
    return this.transactions.run(async (trx) => {
      const current = await this.guilds.findForUpdate(trx, guildId);
      if (!current) throw unknownGuild();
      if (current.ownerId !== userId) throw ownerOnly('transfer ownership');
      if (!(await this.members.find(trx, guildId, newOwnerId))) {
        throw invalidField('body.userId', 'unknown_member', 'The new owner must be a member of the guild.');
      }
      const updated = toGuild(await this.guilds.update(trx, guildId, { ownerId: newOwnerId }));
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'GUILD_UPDATE',
        targetType: 'guild',
        targetId: guildId,
        before: toGuild(current),
        after: updated,
      });
      await this.events.add(trx, 'guild.updated', guildId, { guild: updated, previousOwnerId: userId });
      return updated;
    });
  }

  async delete(guildId: string, userId: string): Promise<void> {
    const access = await this.access.requireGuild(guildId, userId);
    if (!access.isOwner) throw ownerOnly('delete the guild');
    await this.transactions.run(async (trx) => {
      const current = await this.guilds.findForUpdate(trx, guildId);
      if (!current) throw unknownGuild();
      if (current.ownerId !== userId) throw ownerOnly('delete the guild');
      await this.guilds.delete(trx, guildId);
      await this.events.add(trx, 'guild.deleted', guildId, { guildId });
    });
  }

  /** Leaves a guild; the owner must transfer ownership first. */
  async leave(guildId: string, userId: string): Promise<void> {
    const access = await this.access.requireGuild(guildId, userId);
    if (access.isOwner) {
      throw new AppError(
        ERROR.OWNER_CANNOT_LEAVE,
        'The owner cannot leave the guild; transfer ownership or delete it.',
      );
    }
    await this.transactions.run(async (trx) => {
      const current = await this.guilds.findForUpdate(trx, guildId);
      if (current?.ownerId === userId) {
        throw new AppError(ERROR.OWNER_CANNOT_LEAVE, 'The owner cannot leave the guild.');
      }
      if (!(await this.members.delete(trx, guildId, userId))) throw unknownGuild();
      await this.events.memberLeft(trx, { guildId, userId, reason: 'left' });
    });
  }
}
