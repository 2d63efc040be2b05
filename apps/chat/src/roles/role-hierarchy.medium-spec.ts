import { ERROR, type Guild, PERMISSIONS, type Role } from '@bonfire/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MembersService } from '../members/members.service';
import { ChatMedium, expectError } from '../testing/chat-medium';
import { RolesService } from './roles.service';

/**
 * Role hierarchy, through RolesService and MembersService on a real database: a member with MANAGE_ROLES
 * acts only on roles strictly below their highest one; the owner acts on every role.
 */
describe('role hierarchy (medium)', () => {
  let chat: ChatMedium;
  let roles: RolesService;
  let guild: Guild;
  let managerId: string;
  let otherId: string;
  /** Positions after setup: low 1, manager 2, high 3. */
  let low: Role;
  let manager: Role;
  let high: Role;

  beforeAll(async () => {
    chat = await ChatMedium.start();
    roles = chat.service(RolesService);
  });
  afterAll(() => chat?.stop());

  beforeEach(async () => {
    const ownerId = await chat.createUser('owner');
    guild = await chat.createGuild(ownerId);
    managerId = await chat.addMember(guild);
    otherId = await chat.addMember(guild);
    // Each new role goes to position 1 and pushes the earlier ones up.
    high = await chat.createRole(guild.id, ownerId, PERMISSIONS.MANAGE_ROLES, 'high');
    manager = await chat.createRole(guild.id, ownerId, PERMISSIONS.MANAGE_ROLES, 'manager');
    low = await chat.createRole(guild.id, ownerId, 0n, 'low');
    await chat.setRoles(guild, managerId, [manager.id]);
    const positions = (await roles.list(guild.id, ownerId)).map((role) => [role.name, role.position]);
    expect(positions).toEqual(
      expect.arrayContaining([
        ['low', 1],
        ['manager', 2],
        ['high', 3],
      ]),
    );
  });

  it('lets a manager edit a role below their highest', async () => {
    const updated = await roles.update(guild.id, low.id, managerId, { name: 'renamed' });
    expect(updated.name).toBe('renamed');
  });

  it('refuses a manager editing their own highest role or one above it', async () => {
    await expectError(roles.update(guild.id, manager.id, managerId, { name: 'x' }), ERROR.ROLE_HIERARCHY);
    await expectError(roles.update(guild.id, high.id, managerId, { name: 'x' }), ERROR.ROLE_HIERARCHY);
    await expectError(roles.delete(guild.id, high.id, managerId), ERROR.ROLE_HIERARCHY);
    const names = (await roles.list(guild.id, managerId)).map((role) => role.name);
    expect(names).toEqual(expect.arrayContaining(['manager', 'high']));
  });

  it('lets the owner edit and delete any role', async () => {
    const renamed = await roles.update(guild.id, high.id, guild.ownerId, { name: 'top' });
    expect(renamed.name).toBe('top');
    await roles.delete(guild.id, high.id, guild.ownerId);
    expect((await roles.list(guild.id, guild.ownerId)).map((role) => role.id)).not.toContain(high.id);
  });

  it('refuses a manager assigning a role at or above their highest, but not one below', async () => {
    const members = chat.service(MembersService);
    await expectError(chat.setRoles(guild, otherId, [manager.id], managerId), ERROR.ROLE_HIERARCHY);
    await expectError(
      chat.setRoles(guild, managerId, [manager.id, high.id], managerId),
      ERROR.ROLE_HIERARCHY,
    );
    expect((await members.get(guild.id, managerId, otherId)).roleIds).toEqual([]);

    const assigned = await chat.setRoles(guild, otherId, [low.id], managerId);
    expect(assigned.roleIds).toEqual([low.id]);
  });

  it('refuses granting a permission the manager does not hold', async () => {
    const error = await expectError(
      roles.update(guild.id, low.id, managerId, { permissions: String(PERMISSIONS.BAN_MEMBERS) }),
      ERROR.CANNOT_GRANT_PERMISSIONS,
    );
    expect(error.details?.map((detail) => detail.code)).toEqual(['BAN_MEMBERS']);
  });

  it('refuses a manager moving a role to their highest position or above', async () => {
    await expectError(
      roles.reorder(guild.id, managerId, [{ id: low.id, position: 2 }]),
      ERROR.ROLE_HIERARCHY,
    );
    const positions = (await roles.list(guild.id, managerId)).map((role) => [role.name, role.position]);
    expect(positions).toContainEqual(['low', 1]);

    const moved = await roles.reorder(guild.id, guild.ownerId, [{ id: low.id, position: 3 }]);
    expect(moved.find((role) => role.id === low.id)?.position).toBe(3);
  });
});
