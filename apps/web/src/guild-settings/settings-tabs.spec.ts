import { has, PERMISSIONS, type PermissionName } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { guildSettingsTabs, type MyPermissions } from '../permissions/usePermissions';

function holding(...names: PermissionName[]): MyPermissions {
  const bits = names.reduce((all, name) => all | PERMISSIONS[name], 0n);
  return { userId: 'u1', isOwner: false, bits, can: (name) => has(bits, PERMISSIONS[name]) };
}

const ids = (perms: MyPermissions) => guildSettingsTabs(perms).map((tab) => tab.id);

describe('server settings tabs for the audit log and webhooks', () => {
  it('shows the audit log only with VIEW_AUDIT_LOG, webhooks only with MANAGE_WEBHOOKS', () => {
    expect(ids(holding('VIEW_AUDIT_LOG'))).toEqual(['audit-log']);
    expect(ids(holding('MANAGE_WEBHOOKS'))).toEqual(['webhooks']);
    expect(ids(holding('KICK_MEMBERS'))).toEqual(['members']);
    expect(ids(holding('MANAGE_EMOJIS'))).toEqual(['emoji']);
    expect(ids(holding())).toEqual([]);
  });

  it('lists the audit log last for someone who may do everything', () => {
    const all = Object.keys(PERMISSIONS) as PermissionName[];
    expect(guildSettingsTabs(holding(...all))).toEqual([
      { id: 'overview', label: 'Overview' },
      { id: 'roles', label: 'Roles' },
      { id: 'members', label: 'Members' },
      { id: 'bans', label: 'Bans' },
      { id: 'invites', label: 'Invites' },
      { id: 'emoji', label: 'Emoji' },
      { id: 'webhooks', label: 'Webhooks' },
      { id: 'audit-log', label: 'Audit log' },
    ]);
  });
});
