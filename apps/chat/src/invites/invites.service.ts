import { ERROR } from '@bonfire/contracts';
import type { Guild, Invite } from '@bonfire/contracts';
import { AppError, uniqueViolation } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AccessService, requirePermissions } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { invalidField } from '../guilds/guild-common';
import { toGuild } from '../guilds/guilds.dto';
import { GuildsRepository } from '../guilds/guilds.repository';
import { GuildsService } from '../guilds/guilds.service';
import { toMember } from '../members/members.dto';
import { MembersRepository } from '../members/members.repository';
import { generateInviteCode, inviteExpiry, isInviteCode, isInviteUsable } from './invite-code';
import { type CreateInviteDto, type InvitePreview, type InviteRow, toInvite } from './invites.dto';
import { InvitesRepository } from './invites.repository';

const unknownInvite = () => new AppError(ERROR.UNKNOWN_INVITE, 'Unknown invite.');

@Injectable()
export class InvitesService {
  constructor(
    private readonly access: AccessService,
    private readonly invites: InvitesRepository,
    private readonly guilds: GuildsRepository,
    private readonly guildsService: GuildsService,
    private readonly members: MembersRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    @Inject(CHAT_CONFIG) private readonly config: Pick<ChatConfig, 'CHAT_MAX_INVITES_PER_GUILD'>,
    private readonly auditLog: AuditLogService,
  ) {}

  /**
   * CREATE_INVITE in the guild (and in the channel, when one is named). A guild holds at most
   * CHAT_MAX_INVITES_PER_GUILD active invites (expired and used-up ones do not count): one more is
   * 400 TOO_MANY_INVITES. The count and the insert run under the guild's invite lock.
   */
  async create(guildId: string, userId: string, dto: CreateInviteDto): Promise<Invite> {
    await this.access.requireGuild(guildId, userId, 'CREATE_INVITE');
    const channelId = dto.channelId ?? null;
    if (channelId !== null) {
      const channel = await this.access.channel(channelId, userId);
      if (channel?.guildId !== guildId) {
        throw invalidField('body.channelId', 'unknown_channel', 'Unknown channel in this guild.');
      }
      requirePermissions(channel.permissions, ['CREATE_INVITE']);
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.transactions.run(async (trx) => {
          await this.invites.lockGuild(trx, guildId);
          const limit = this.config.CHAT_MAX_INVITES_PER_GUILD;
          if ((await this.invites.countActive(trx, guildId)) >= limit) throw tooManyInvites(limit);
          const row = await this.invites.insert(trx, {
            code: generateInviteCode(),
            guildId,
            channelId,
            inviterId: userId,
            maxUses: dto.maxUses ? dto.maxUses : null,
            expiresAt: inviteExpiry(new Date(), dto.maxAgeSeconds),
          });
          const invite = toInvite(row);
          await this.events.add(trx, 'invite.created', guildId, { invite });
          await this.auditLog.record(trx, {
            guildId,
            actorId: userId,
            action: 'INVITE_CREATE',
            targetType: 'invite',
            targetId: invite.code,
            after: invite,
          });
          return invite;
        });
      } catch (error) {
        // A code collision (about 1 in 2^59 per pair): draw another code.
        if (attempt < 3 && uniqueViolation(error) === 'invites_pkey') continue;
        throw error;
      }
    }
  }

  async list(guildId: string, userId: string): Promise<Invite[]> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_GUILD');
    return (await this.invites.listByGuild(this.transactions.executor, guildId)).map(toInvite);
  }

  /** Public: what an invite leads to, before joining. */
  async preview(code: string): Promise<InvitePreview> {
    const db = this.transactions.executor;
    const invite = await this.usableInvite(code);
    const guild = await this.guilds.find(db, invite.guildId);
    if (!guild) throw unknownInvite();
    return {
      code: invite.code,
      guild: {
        id: guild.id,
        name: guild.name,
        iconFileId: guild.iconFileId,
        description: guild.description,
      },
      memberCount: await this.members.countInGuild(db, guild.id),
      expiresAt: invite.expiresAt ? invite.expiresAt.toISOString() : null,
    };
  }

  /**
   * Joins the guild: banned → 403 BANNED; already a member → the guild (no use counted); expired, used up or
   * unknown → 404 UNKNOWN_INVITE. The use is counted in the same transaction as the membership.
   */
  async accept(code: string, userId: string): Promise<Guild> {
    if (!isInviteCode(code)) throw unknownInvite();
    const found = await this.invites.find(this.transactions.executor, code);
    if (!found) throw unknownInvite();
    const guildId = found.guildId;
    return this.transactions.run(async (trx) => {
      await this.members.lockUser(trx, userId);
      const guild = await this.guilds.find(trx, guildId);
      if (!guild) throw unknownInvite();
      if (await this.members.isBanned(trx, guildId, userId)) {
        throw new AppError(ERROR.BANNED, 'You are banned from this guild.');
      }
      if (await this.members.find(trx, guildId, userId)) return toGuild(guild);
      await this.guildsService.assertCanJoinAnother(trx, userId);
      if (!(await this.invites.consume(trx, code))) throw unknownInvite();
      const member = await this.members.insert(trx, guildId, userId);
      if (!member) return toGuild(guild);
      await this.events.add(trx, 'member.joined', guildId, { member: toMember(member, []) });
      return toGuild(guild);
    });
  }

  /** Revoke: MANAGE_GUILD, or the member who made the invite. */
  async delete(code: string, userId: string): Promise<void> {
    if (!isInviteCode(code)) throw unknownInvite();
    const invite = await this.invites.find(this.transactions.executor, code);
    if (!invite) throw unknownInvite();
    const access = await this.access.guild(invite.guildId, userId);
    if (!access) throw unknownInvite();
    if (invite.inviterId !== userId) requirePermissions(access.permissions, ['MANAGE_GUILD']);
    await this.transactions.run(async (trx) => {
      if (!(await this.invites.delete(trx, code))) throw unknownInvite();
      await this.auditLog.record(trx, {
        guildId: invite.guildId,
        actorId: userId,
        action: 'INVITE_DELETE',
        targetType: 'invite',
        targetId: code,
        before: toInvite(invite),
      });
      await this.events.add(trx, 'invite.deleted', invite.guildId, { guildId: invite.guildId, code });
    });
  }

  private async usableInvite(code: string): Promise<InviteRow> {
    if (!isInviteCode(code)) throw unknownInvite();
    const invite = await this.invites.find(this.transactions.executor, code);
    if (!invite || !isInviteUsable(invite, new Date())) throw unknownInvite();
    return invite;
  }
}

function tooManyInvites(limit: number): AppError {
  return new AppError(ERROR.TOO_MANY_INVITES, `A guild can have at most ${limit} active invites.`, {
    details: [
      {
        field: 'param.guildId',
        code: 'too_many_invites',
        message: `at most ${limit} active invites; revoke some or let them expire`,
      },
    ],
  });
}
