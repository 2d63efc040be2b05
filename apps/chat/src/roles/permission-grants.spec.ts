import { ALL_PERMISSIONS, PERMISSIONS } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { assertCanGrant, ungrantablePermissions } from './permission-grants';

describe('permission grants', () => {
  const moderator = PERMISSIONS.MANAGE_ROLES | PERMISSIONS.KICK_MEMBERS | PERMISSIONS.VIEW_CHANNEL;

  it('lets a member grant what they hold', () => {
    expect(ungrantablePermissions(moderator, PERMISSIONS.KICK_MEMBERS | PERMISSIONS.VIEW_CHANNEL)).toEqual(
      [],
    );
    expect(() => assertCanGrant(moderator, 0n)).not.toThrow();
  });

  it('names every permission the member lacks', () => {
    expect(
      ungrantablePermissions(
        moderator,
        PERMISSIONS.BAN_MEMBERS | PERMISSIONS.ADMINISTRATOR | PERMISSIONS.KICK_MEMBERS,
      ),
    ).toEqual(['BAN_MEMBERS', 'ADMINISTRATOR']);
  });

  it('lets owners and administrators (who hold everything) grant anything', () => {
    expect(ungrantablePermissions(ALL_PERMISSIONS, ALL_PERMISSIONS)).toEqual([]);
  });

  it('answers 403 CANNOT_GRANT_PERMISSIONS with one detail per permission', () => {
    try {
      assertCanGrant(moderator, PERMISSIONS.BAN_MEMBERS);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 403, code: 'CANNOT_GRANT_PERMISSIONS' });
      expect((error as { details: unknown[] }).details).toEqual([
        { code: 'BAN_MEMBERS', message: 'you do not have BAN_MEMBERS' },
      ]);
    }
  });
});
