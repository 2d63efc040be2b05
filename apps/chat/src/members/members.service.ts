import { ERROR, canModerateMember, has, type Member, PERMISSIONS } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, type GuildAccess, requirePermissions } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { currentAuditLogReason } from '../audit-log/audit-reason';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { invalidField } from '../guilds/guild-common';
import { RolesRepository } from '../roles/roles.repository';
import { assertCanManageRole } from '../roles/roles.service';
import {
  type Ban,
  type BanBodyDto,
  type ListMembersQuery,
  toBan,
  toMember,
  type UpdateMemberDto,
} from './members.dto';
import { MembersRepository } from './members.repository';

const unknownMember = () => new AppError(ERROR.UNKNOWN_MEMBER, 'Unknown member.');

@Injectable()
export class MembersService {
  constructor(
    private readonly access: AccessService,
    private readonly members: MembersRepository,
    private readonly roles: RolesRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly auditLog: AuditLogService,
  ) {}

  async list(guildId: string, userId: string, query: ListMembersQuery): Promise<Member[]> {
    await this.access.requireGuild(guildId, userId);
    const db = this.transactions.executor;
    const rows = await this.members.page(db, guildId, query.after, query.limit);
    const roleIds = await this.members.roleIds(
      db,
      guildId,
      rows.map((row) => row.userId),
    );
    return rows.map((row) => toMember(row, roleIds.get(row.userId) ?? []));
  }

  async get(guildId: string, userId: string, targetId: string): Promise<Member> {
    await this.access.requireGuild(guildId, userId);
    const db = this.transactions.executor;
    const row = await this.members.find(db, guildId, targetId);
    if (!row) throw unknownMember();
    const roleIds = await this.members.roleIds(db, guildId, [targetId]);
    return toMember(row, roleIds.get(targetId) ?? []);
  }

  /**
   * Nickname: your own with CHANGE_NICKNAME (or MANAGE_NICKNAMES), others' with MANAGE_NICKNAMES if they
   * are below you. Roles: MANAGE_ROLES, every added or removed role below your highest, and the target
   * below you (or yourself).
   */
  async update(guildId: string, actorId: string, targetId: string, dto: UpdateMemberDto): Promise<Member> {
    const actor = await this.access.requireGuild(guildId, actorId);
    const self = actorId === targetId;
    if (dto.nickname !== undefined) {
      requirePermissions(
        actor.permissions,
        self && !has(actor.permissions, PERMISSIONS.MANAGE_NICKNAMES)
          ? ['CHANGE_NICKNAME']
          : ['MANAGE_NICKNAMES'],
      );
    }
    if (dto.roleIds !== undefined) requirePermissions(actor.permissions, ['MANAGE_ROLES']);
    if (!self) await this.requireModeratable(actor, targetId);

    return this.transactions.run(async (trx) => {
      // Role changes are decided under the guild lock role edits take, on the actor's roles as they are then.
      let lockedActor = actor;
      if (dto.roleIds !== undefined) {
        await this.roles.lockGuild(trx, guildId);
        lockedActor = await this.access.requireGuildWithin(trx, guildId, actorId, 'MANAGE_ROLES');
      }
      const member = await this.members.findForUpdate(trx, guildId, targetId);
      if (!member) throw unknownMember();
      const current = (await this.members.roleIds(trx, guildId, [targetId])).get(targetId) ?? [];
      let roleIds = current;
      if (dto.roleIds !== undefined) {
        const target = self ? null : await this.access.guild(guildId, targetId, trx);
        if (target) this.assertModeratable(lockedActor, target);
        const wanted = dto.roleIds;
        const found = new Map(
          (await this.roles.findMany(trx, guildId, wanted)).map((role) => [role.id, role]),
        );
        wanted.forEach((roleId, index) => {
          if (!found.has(roleId) || roleId === guildId) {
            throw invalidField(`body.roleIds.${index}`, 'unknown_role', `Unknown role ${roleId}.`);
          }
        });
        const added = wanted.filter((roleId) => !current.includes(roleId));
        const removed = current.filter((roleId) => !wanted.includes(roleId));
        const removedRoles = await this.roles.findMany(trx, guildId, removed);
        for (const role of [...added.map((roleId) => found.get(roleId)!), ...removedRoles]) {
          assertCanManageRole(lockedActor, role);
        }
        await this.members.removeRoles(trx, guildId, targetId, removed);
        await this.members.addRoles(trx, guildId, targetId, added);
        if (added.length > 0 || removed.length > 0) {
          await this.auditLog.record(trx, {
            guildId,
            actorId,
            action: 'MEMBER_ROLE_UPDATE',
            targetType: 'user',
            targetId,
            // As Discord: the roles added ($add) and removed ($remove).
            after: {
              ...(added.length > 0 ? { $add: added } : {}),
              ...(removed.length > 0 ? { $remove: removed } : {}),
            },
          });
        }
        roleIds = [...wanted].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      }
      const nickname = dto.nickname !== undefined ? dto.nickname : member.nickname;
      if (dto.nickname !== undefined) await this.members.setNickname(trx, guildId, targetId, nickname);
      if (!self && dto.nickname !== undefined && nickname !== member.nickname) {
        await this.auditLog.record(trx, {
          guildId,
          actorId,
          action: 'MEMBER_UPDATE',
          targetType: 'user',
          targetId,
          before: { nickname: member.nickname },
          after: { nickname },
        });
      }
      const updated = toMember({ ...member, nickname }, roleIds);
      await this.events.add(trx, 'member.updated', guildId, { member: updated });
      return updated;
    });
  }

  async kick(guildId: string, actorId: string, targetId: string): Promise<void> {
    const actor = await this.access.requireGuild(guildId, actorId, 'KICK_MEMBERS');
    await this.requireModeratable(actor, targetId);
    await this.transactions.run(async (trx) => {
      if (!(await this.members.delete(trx, guildId, targetId))) throw unknownMember();
      await this.events.memberLeft(trx, { guildId, userId: targetId, reason: 'kicked' });
      await this.auditLog.record(trx, {
        guildId,
        actorId,
        action: 'MEMBER_KICK',
        targetType: 'user',
        targetId,
      });
    });
  }

  /** Bans a member (below you) or any known user; the membership ends and joining again is refused. */
  async ban(guildId: string, actorId: string, targetId: string, body: BanBodyDto): Promise<void> {
    const actor = await this.access.requireGuild(guildId, actorId, 'BAN_MEMBERS');
    const target = await this.access.guild(guildId, targetId);
    if (target) this.assertModeratable(actor, target);
    else if (!(await this.members.userExists(this.transactions.executor, targetId))) {
      throw new AppError(ERROR.UNKNOWN_USER, 'Unknown user.');
    }
    await this.transactions.run(async (trx) => {
      await this.members.ban(trx, {
        guildId,
        userId: targetId,
        reason: body?.reason || null,
        moderatorId: actorId,
      });
      if (await this.members.delete(trx, guildId, targetId)) {
        await this.events.memberLeft(trx, { guildId, userId: targetId, reason: 'banned' });
      }
      await this.auditLog.record(trx, {
        guildId,
        actorId,
        action: 'MEMBER_BAN_ADD',
        targetType: 'user',
        targetId,
        // The X-Audit-Log-Reason header wins; the ban's own body reason stands in when there is none.
        reason: currentAuditLogReason() ?? (body?.reason || null),
      });
    });
  }

  async unban(guildId: string, actorId: string, targetId: string): Promise<void> {
    await this.access.requireGuild(guildId, actorId, 'BAN_MEMBERS');
    await this.transactions.run(async (trx) => {
      if (!(await this.members.unban(trx, guildId, targetId))) {
        throw new AppError(ERROR.UNKNOWN_BAN, 'Unknown ban.');
      }
      await this.events.add(trx, 'ban.removed', guildId, { guildId, userId: targetId });
      await this.auditLog.record(trx, {
        guildId,
        actorId,
        action: 'MEMBER_BAN_REMOVE',
        targetType: 'user',
        targetId,
      });
    });
  }

  async bans(guildId: string, actorId: string): Promise<Ban[]> {
    await this.access.requireGuild(guildId, actorId, 'BAN_MEMBERS');
    return (await this.members.bans(this.transactions.executor, guildId)).map(toBan);
  }

  private async requireModeratable(actor: GuildAccess, targetId: string): Promise<GuildAccess> {
    const target = await this.access.guild(actor.guildId, targetId);
    if (!target) throw unknownMember();
    this.assertModeratable(actor, target);
    return target;
  }

  private assertModeratable(actor: GuildAccess, target: GuildAccess): void {
    if (canModerateMember(actor.context, target.context)) return;
    throw new AppError(
      ERROR.MEMBER_HIERARCHY,
      target.isOwner
        ? 'The guild owner cannot be moderated.'
        : "The member's highest role is not below yours.",
    );
  }
}
