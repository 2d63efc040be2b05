import { ERROR, type BotAuthorizationInfo, parsePermissions, permissionNames } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { CHAT_LIMITS } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { limitReached } from '../guilds/guild-common';
import { GuildsRepository } from '../guilds/guilds.repository';
import { GuildsService } from '../guilds/guilds.service';
import { toMember } from '../members/members.dto';
import { MembersRepository } from '../members/members.repository';
import { assertCanGrant } from '../roles/permission-grants';
import { toRole } from '../roles/roles.dto';
import { RolesRepository } from '../roles/roles.repository';
import { type UserProjection, UsersRepository } from '../users/users.repository';
import type { AuthorizeBotDto, AuthorizedBot, AuthorizeQuery } from './oauth2.dto';

const unknownApplication = () => new AppError(ERROR.UNKNOWN_APPLICATION, 'Unknown application.');

/**
 * The authorise link (Discord's OAuth2 bot flow, without the redirect): which bot asks for what, and
 * adding it to a guild. Chat knows bot users from auth's user events (`bot: true`); an application's id is
 * its bot user's id, so `client_id` names the bot. Adding needs MANAGE_GUILD, and the permissions asked
 * for must all be the authoriser's own; they go to a new role named after the bot, assigned to it.
 */
@Injectable()
export class OAuth2Service {
  constructor(
    private readonly access: AccessService,
    private readonly users: UsersRepository,
    private readonly guilds: GuildsRepository,
    private readonly guildsService: GuildsService,
    private readonly members: MembersRepository,
    private readonly roles: RolesRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly auditLog: AuditLogService,
    private readonly ids: SnowflakeGenerator,
  ) {}

  async info(userId: string, query: AuthorizeQuery): Promise<BotAuthorizationInfo> {
    const bot = await this.bot(query.client_id);
    const permissions = parsePermissions(query.permissions);
    let guild: BotAuthorizationInfo['guild'] = null;
    if (query.guild_id !== undefined) {
      await this.access.requireGuild(query.guild_id, userId, 'MANAGE_GUILD');
      const row = await this.guilds.find(this.transactions.executor, query.guild_id);
      if (!row) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
      guild = { id: row.id, name: row.name };
    }
    return {
      application: { id: bot.id, name: bot.displayName ?? bot.username },
      bot: {
        id: bot.id,
        username: bot.username,
        displayName: bot.displayName,
        avatarFileId: bot.avatarFileId,
        bot: true,
      },
      permissions: permissions.toString(),
      permissionNames: permissionNames(permissions),
      guild,
    };
  }

  async authorize(userId: string, dto: AuthorizeBotDto): Promise<AuthorizedBot> {
    const { guildId } = dto;
    await this.access.requireGuild(guildId, userId, 'MANAGE_GUILD');
    const bot = await this.bot(dto.clientId);
    const permissions = parsePermissions(dto.permissions);
    return this.transactions.run(async (trx) => {
      if (!(await this.roles.lockGuild(trx, guildId))) {
        throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
      }
      const access = await this.access.requireGuildWithin(trx, guildId, userId, 'MANAGE_GUILD');
      assertCanGrant(access.permissions, permissions);
      await this.members.lockUser(trx, bot.id);
      if (await this.members.isBanned(trx, guildId, bot.id)) {
        throw new AppError(ERROR.BANNED, 'This bot is banned from the guild.');
      }
      if (await this.members.find(trx, guildId, bot.id)) {
        return { guildId, userId: bot.id, roleId: null, added: false };
      }
      await this.guildsService.assertCanJoinAnother(trx, bot.id);
      let roleId: string | null = null;
      if (permissions !== 0n) {
        if ((await this.roles.count(trx, guildId)) >= CHAT_LIMITS.rolesPerGuild) {
          throw limitReached(
            ERROR.TOO_MANY_ROLES,
            `A guild can have at most ${CHAT_LIMITS.rolesPerGuild} roles.`,
          );
        }
        const shifted = await this.roles.shiftUp(trx, guildId, 1);
        for (const role of shifted)
          await this.events.add(trx, 'role.updated', guildId, { role: toRole(role) });
        const role = await this.roles.insert(trx, {
          id: this.ids.next(),
          guildId,
          name: (bot.displayName ?? bot.username).slice(0, 100),
          color: 0,
          hoist: false,
          mentionable: false,
          position: 1,
          permissions,
        });
        roleId = role.id;
        await this.events.add(trx, 'role.created', guildId, { role: toRole(role) });
      }
      const member = await this.members.insert(trx, guildId, bot.id);
      if (!member) return { guildId, userId: bot.id, roleId: null, added: false };
      const roleIds = roleId ? [roleId] : [];
      await this.members.addRoles(trx, guildId, bot.id, roleIds);
      await this.events.add(trx, 'member.joined', guildId, { member: toMember(member, roleIds) });
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'BOT_ADD',
        targetType: 'user',
        targetId: bot.id,
        after: { permissions: permissions.toString(), ...(roleId ? { roleId } : {}) },
      });
      return { guildId, userId: bot.id, roleId, added: true };
    });
  }

  private async bot(clientId: string): Promise<UserProjection> {
    const bot = await this.users.findBot(this.transactions.executor, clientId);
    if (!bot) throw unknownApplication();
    return bot;
  }
}
