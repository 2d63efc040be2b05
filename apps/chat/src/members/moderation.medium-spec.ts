import { type Channel, ERROR, type Guild, type Invite, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccessService } from '../access/access.service';
import { GuildsService } from '../guilds/guilds.service';
import { InvitesService } from '../invites/invites.service';
import { ChatMedium, expectError } from '../testing/chat-medium';
import { MembersService } from './members.service';

/** Kicks and bans on a real database: who may moderate whom, and what a removed member loses. */
describe('kicks and bans (medium)', () => {
  let chat: ChatMedium;
  let members: MembersService;
  let invites: InvitesService;
  let access: AccessService;
  let guild: Guild;
  let channel: Channel;
  let invite: Invite;
  let memberId: string;

  async function expectNoAccess(userId: string) {
    await expectError(chat.service(GuildsService).get(guild.id, userId), ERROR.UNKNOWN_GUILD);
    expect(await access.channel(channel.id, userId)).toBeNull();
    await expectError(chat.send(userId, channel.id, 'still here?'), ERROR.UNKNOWN_CHANNEL);
  }

  beforeAll(async () => {
    chat = await ChatMedium.start();
    members = chat.service(MembersService);
    invites = chat.service(InvitesService);
    access = chat.service(AccessService);
  });
  afterAll(() => chat?.stop());

  beforeEach(async () => {
    guild = await chat.createGuild(await chat.createUser('owner'));
    channel = await chat.createChannel(guild);
    invite = await invites.create(guild.id, guild.ownerId, { maxAgeSeconds: 0 });
    memberId = await chat.createUser();
    await invites.accept(invite.code, memberId);
  });

  it('takes a kicked member out of the guild and its channels, who may join again', async () => {
    await members.kick(guild.id, guild.ownerId, memberId);

    await expectNoAccess(memberId);
    const types = await chat.outboxTypes(channel.id);
    expect(types).toContain('channel.member.left');
    expect(await chat.outboxTypes(guild.id)).toContain('member.left');

    await invites.accept(invite.code, memberId);
    expect(await access.channel(channel.id, memberId)).not.toBeNull();
  });

  it('keeps a banned user out until the ban is lifted, member or not', async () => {
    const outsiderId = await chat.createUser();
    await members.ban(guild.id, guild.ownerId, memberId, {});
    await members.ban(guild.id, guild.ownerId, outsiderId, {});

    await expectNoAccess(memberId);
    await expectError(invites.accept(invite.code, memberId), ERROR.BANNED);
    await expectError(invites.accept(invite.code, outsiderId), ERROR.BANNED);
    const banned = (await members.bans(guild.id, guild.ownerId)).map((ban) => ban.userId);
    expect(banned.sort()).toEqual([memberId, outsiderId].sort());

    await members.unban(guild.id, guild.ownerId, memberId);
    await invites.accept(invite.code, memberId);
    expect(await access.channel(channel.id, memberId)).not.toBeNull();
  });

  it('refuses a kick without KICK_MEMBERS', async () => {
    const otherId = await chat.addMember(guild);
    const error = await expectError(members.kick(guild.id, otherId, memberId), ERROR.MISSING_PERMISSION);
    expect(error.details?.map((detail) => detail.code)).toEqual(['KICK_MEMBERS']);
    expect(await access.channel(channel.id, memberId)).not.toBeNull();
  });

  it('lets a moderator remove only members below their highest role, never the owner', async () => {
    const moderators = await chat.createRole(guild.id, guild.ownerId, PERMISSIONS.KICK_MEMBERS, 'mods');
    const moderatorId = await chat.addMember(guild);
    const peerId = await chat.addMember(guild);
    await chat.setRoles(guild, moderatorId, [moderators.id]);
    await chat.setRoles(guild, peerId, [moderators.id]);

    await expectError(members.kick(guild.id, moderatorId, peerId), ERROR.MEMBER_HIERARCHY);
    await expectError(members.kick(guild.id, moderatorId, guild.ownerId), ERROR.MEMBER_HIERARCHY);
    expect(await access.channel(channel.id, peerId)).not.toBeNull();

    await members.kick(guild.id, moderatorId, memberId);
    expect(await access.channel(channel.id, memberId)).toBeNull();
  });
});
