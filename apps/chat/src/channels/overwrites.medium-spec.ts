import { type Channel, ERROR, type Guild, has, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccessService } from '../access/access.service';
import { ChatMedium, expectError } from '../testing/chat-medium';
import { ChannelsService } from './channels.service';

/**
 * Channel permission overwrites, applied in Discord's order on a real database: @everyone's overwrite,
 * then every role overwrite of the member at once (denies, then allows), then the member's own.
 */
describe('channel permission overwrites (medium)', () => {
  let chat: ChatMedium;
  let channels: ChannelsService;
  let access: AccessService;
  let guild: Guild;
  let channel: Channel;
  let memberId: string;
  let roleId: string;

  /** Sets an overwrite as the guild owner. */
  async function overwrite(
    targetId: string,
    type: 'role' | 'member',
    rule: { allow?: bigint; deny?: bigint },
  ) {
    await channels.putOverwrite(channel.id, targetId, guild.ownerId, {
      type,
      allow: String(rule.allow ?? 0n),
      deny: String(rule.deny ?? 0n),
    });
  }

  async function maySend(userId: string): Promise<boolean> {
    const permissions = (await access.channel(channel.id, userId))?.permissions ?? 0n;
    return has(permissions, PERMISSIONS.SEND_MESSAGES);
  }

  beforeAll(async () => {
    chat = await ChatMedium.start();
    channels = chat.service(ChannelsService);
    access = chat.service(AccessService);
  });
  afterAll(() => chat?.stop());

  beforeEach(async () => {
    guild = await chat.createGuild(await chat.createUser('owner'));
    channel = await chat.createChannel(guild);
    memberId = await chat.addMember(guild);
    roleId = (await chat.createRole(guild.id, guild.ownerId, 0n, 'speaker')).id;
  });

  it('hides a channel whose @everyone overwrite denies VIEW_CHANNEL, but not from the owner', async () => {
    await overwrite(guild.id, 'role', { deny: PERMISSIONS.VIEW_CHANNEL });

    await expectError(channels.get(channel.id, memberId), ERROR.UNKNOWN_CHANNEL);
    const listed = (await channels.listForGuild(guild.id, memberId)).map((one) => one.id);
    expect(listed).not.toContain(channel.id);
    expect(listed.length).toBeGreaterThan(0);
    expect((await channels.get(channel.id, guild.ownerId)).id).toBe(channel.id);
  });

  it('lets a role overwrite allow what the @everyone overwrite denies', async () => {
    await overwrite(guild.id, 'role', { deny: PERMISSIONS.SEND_MESSAGES });
    await overwrite(roleId, 'role', { allow: PERMISSIONS.SEND_MESSAGES });
    const withoutRole = await chat.addMember(guild);
    await chat.setRoles(guild, memberId, [roleId]);

    expect(await maySend(memberId)).toBe(true);
    expect(await maySend(withoutRole)).toBe(false);
    const sent = await chat.send(memberId, channel.id, 'allowed by my role');
    expect(sent.created).toBe(true);
  });

  it('lets an allow of one role win over a deny of another', async () => {
    const mutedRoleId = (await chat.createRole(guild.id, guild.ownerId, 0n, 'muted')).id;
    await overwrite(mutedRoleId, 'role', { deny: PERMISSIONS.SEND_MESSAGES });
    await overwrite(roleId, 'role', { allow: PERMISSIONS.SEND_MESSAGES });

    await chat.setRoles(guild, memberId, [mutedRoleId]);
    expect(await maySend(memberId)).toBe(false);
    await chat.setRoles(guild, memberId, [mutedRoleId, roleId]);
    expect(await maySend(memberId)).toBe(true);
  });

  it("applies the member's own overwrite last, over their roles", async () => {
    await chat.setRoles(guild, memberId, [roleId]);
    await overwrite(roleId, 'role', { allow: PERMISSIONS.SEND_MESSAGES });
    await overwrite(memberId, 'member', { deny: PERMISSIONS.SEND_MESSAGES });
    expect(await maySend(memberId)).toBe(false);
    await expectError(chat.send(memberId, channel.id, 'muted'), ERROR.MISSING_PERMISSION);

    await overwrite(roleId, 'role', { deny: PERMISSIONS.SEND_MESSAGES });
    await overwrite(memberId, 'member', { allow: PERMISSIONS.SEND_MESSAGES });
    expect(await maySend(memberId)).toBe(true);
  });

  it('refuses a member with MANAGE_ROLES an overwrite that allows what they lack in the channel', async () => {
    const managerRole = await chat.createRole(guild.id, guild.ownerId, PERMISSIONS.MANAGE_ROLES, 'manager');
    await chat.setRoles(guild, memberId, [managerRole.id]);
    const put = (allow: bigint) =>
      channels.putOverwrite(channel.id, roleId, memberId, { type: 'role', allow: String(allow), deny: '0' });

    await expectError(put(PERMISSIONS.MANAGE_MESSAGES), ERROR.CANNOT_GRANT_PERMISSIONS);
    await put(PERMISSIONS.SEND_MESSAGES);
    const stored = (await channels.get(channel.id, memberId)).permissionOverwrites;
    expect(stored).toEqual([
      expect.objectContaining({ id: roleId, allow: String(PERMISSIONS.SEND_MESSAGES), deny: '0' }),
    ]);
  });
});
