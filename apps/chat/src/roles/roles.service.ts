import { ERROR, canManageRole, parsePermissions, type Role } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, type GuildAccess } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { CHAT_LIMITS } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { invalidField, limitReached } from '../guilds/guild-common';
import { assertCanGrant } from './permission-grants';
import {
  type CreateRoleDto,
  type RolePositionsDto,
  type RoleRow,
  toRole,
  type UpdateRoleDto,
} from './roles.dto';
import { RolesRepository } from './roles.repository';

const unknownRole = () => new AppError(ERROR.UNKNOWN_ROLE, 'Unknown role.');

export function assertCanManageRole(access: GuildAccess, role: { position: number; name: string }): void {
  if (canManageRole(access.context, role.position)) return;
  throw new AppError(ERROR.ROLE_HIERARCHY, `The role ${role.name} is not below your highest role.`);
}

@Injectable()
export class RolesService {
  constructor(
    private readonly access: AccessService,
    private readonly roles: RolesRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly ids: SnowflakeGenerator,
    private readonly auditLog: AuditLogService,
  ) {}

  async list(guildId: string, userId: string): Promise<Role[]> {
    await this.access.requireGuild(guildId, userId);
    return (await this.roles.list(this.transactions.executor, guildId)).map(toRole);
  }

  /** A new role goes at position 1 (just above @everyone, so below every role of the actor). */
  async create(guildId: string, userId: string, dto: CreateRoleDto): Promise<Role> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_ROLES');
    const permissions = parsePermissions(dto.permissions);
    return this.transactions.run(async (trx) => {
      if (!(await this.roles.lockGuild(trx, guildId))) {
        throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
      }
      const access = await this.access.requireGuildWithin(trx, guildId, userId, 'MANAGE_ROLES');
      assertCanGrant(access.permissions, permissions);
      assertCanManageRole(access, { position: 1, name: dto.name });
      if ((await this.roles.count(trx, guildId)) >= CHAT_LIMITS.rolesPerGuild) {
        throw limitReached(
          ERROR.TOO_MANY_ROLES,
          `A guild can have at most ${CHAT_LIMITS.rolesPerGuild} roles.`,
        );
      }
      const shifted = await this.roles.shiftUp(trx, guildId, 1);
      for (const role of shifted) await this.events.add(trx, 'role.updated', guildId, { role: toRole(role) });
      const role = await this.roles.insert(trx, {
        id: this.ids.next(),
        guildId,
        name: dto.name,
        color: dto.color,
        hoist: dto.hoist,
        mentionable: dto.mentionable,
        position: 1,
        permissions,
      });
      await this.events.add(trx, 'role.created', guildId, { role: toRole(role) });
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'ROLE_CREATE',
        targetType: 'role',
        targetId: role.id,
        after: toRole(role),
      });
      return toRole(role);
    });
  }

  async update(guildId: string, roleId: string, userId: string, dto: UpdateRoleDto): Promise<Role> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_ROLES');
    return this.transactions.run(async (trx) => {
      await this.roles.lockGuild(trx, guildId);
      const access = await this.access.requireGuildWithin(trx, guildId, userId, 'MANAGE_ROLES');
      const role = await this.roles.find(trx, guildId, roleId);
      if (!role) throw unknownRole();
      assertCanManageRole(access, role);
      if (role.id === guildId && dto.name !== undefined && dto.name !== role.name) {
        throw invalidField('body.name', 'everyone_role', 'The @everyone role cannot be renamed.');
      }
      const permissions = dto.permissions !== undefined ? parsePermissions(dto.permissions) : undefined;
      if (permissions !== undefined)
        assertCanGrant(access.permissions, permissions & ~BigInt(role.permissions));
      const updated = await this.roles.update(trx, guildId, roleId, { ...dto, permissions });
      await this.events.add(trx, 'role.updated', guildId, { role: toRole(updated) });
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'ROLE_UPDATE',
        targetType: 'role',
        targetId: roleId,
        before: toRole(role),
        after: toRole(updated),
      });
      return toRole(updated);
    });
  }

  /**
   * Moves roles: each moved role must be below the actor's highest role before and after. The requested
   * positions are applied, then every role but @everyone is renumbered 1..n.
   */
  async reorder(guildId: string, userId: string, items: RolePositionsDto): Promise<Role[]> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_ROLES');
    return this.transactions.run(async (trx) => {
      await this.roles.lockGuild(trx, guildId);
      const access = await this.access.requireGuildWithin(trx, guildId, userId, 'MANAGE_ROLES');
      const roles = await this.roles.list(trx, guildId);
      const byId = new Map(roles.map((role) => [role.id, role]));
      const requested = new Map<string, number>();
      items.forEach((item, index) => {
        const role = byId.get(item.id);
        if (!role) throw invalidField(`body.${index}.id`, 'unknown_role', 'Unknown role.');
        if (role.id === guildId) {
          throw invalidField(`body.${index}.id`, 'everyone_role', 'The @everyone role cannot be moved.');
        }
        assertCanManageRole(access, role);
        assertCanManageRole(access, { name: role.name, position: item.position });
        requested.set(role.id, item.position);
      });
      // Unmoved roles keep their order; each moved role is inserted at exactly its requested position.
      const ordered = roles.filter((role) => role.id !== guildId && !requested.has(role.id));
      const moved = [...requested].sort(([, a], [, b]) => a - b);
      for (const [roleId, position] of moved) {
        ordered.splice(Math.min(position - 1, ordered.length), 0, byId.get(roleId)!);
      }
      const result: RoleRow[] = [roles.find((role) => role.id === guildId)!];
      for (const [index, role] of ordered.entries()) {
        const position = index + 1;
        if (role.position === position) {
          result.push(role);
          continue;
        }
        const updated = await this.roles.setPosition(trx, guildId, role.id, position);
        await this.events.add(trx, 'role.updated', guildId, { role: toRole(updated) });
        await this.auditLog.record(trx, {
          guildId,
          actorId: userId,
          action: 'ROLE_UPDATE',
          targetType: 'role',
          targetId: role.id,
          before: { position: role.position },
          after: { position },
        });
        result.push(updated);
      }
      return result.map(toRole);
    });
  }

  async delete(guildId: string, roleId: string, userId: string): Promise<void> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_ROLES');
    if (roleId === guildId) {
      throw new AppError(ERROR.EVERYONE_ROLE, 'The @everyone role cannot be deleted.');
    }
    await this.transactions.run(async (trx) => {
      await this.roles.lockGuild(trx, guildId);
      const access = await this.access.requireGuildWithin(trx, guildId, userId, 'MANAGE_ROLES');
      const role = await this.roles.find(trx, guildId, roleId);
      if (!role) throw unknownRole();
      assertCanManageRole(access, role);
      await this.roles.delete(trx, guildId, roleId);
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'ROLE_DELETE',
        targetType: 'role',
        targetId: roleId,
        before: toRole(role),
      });
      await this.events.add(trx, 'role.deleted', guildId, { guildId, roleId });
    });
  }
}
