import {
  type ChannelPermissionsAnswer,
  DEFAULT_EVERYONE_PERMISSIONS,
  PERMISSIONS,
  type RealtimeState,
  type VisibleChannelsAnswer,
} from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from '../testing/chat-test-app';

let sequence = 0n;
function snowflake(): string {
  sequence += 1n;
  return String(BigInt(Date.now()) * 4_194_304n + sequence);
}

describe('realtime state (internal routes for the gateway)', () => {
  let chat: ChatTestApp;
  let owner: string;
  let member: string;
  let outsider: string;
  let guildId: string;
  let general: string;
  let secret: string;
  let modRole: string;
  let dmId: string;

  beforeAll(async () => {
    chat = await ChatTestApp.start();
    [owner, member, outsider] = [await chat.createUser(), await chat.createUser(), await chat.createUser()];
    guildId = snowflake();
    modRole = snowflake();
    general = snowflake();
    secret = snowflake();
    dmId = snowflake();
    const db = chat.db;
    await db
      .insertInto('guilds')
      .values({ id: guildId, name: 'Realm', iconFileId: null, description: null, ownerId: owner })
      .execute();
    await db
      .insertInto('roles')
      .values([
        {
          id: guildId,
          guildId,
          name: '@everyone',
          color: 0,
          hoist: false,
          mentionable: false,
          position: 0,
          permissions: DEFAULT_EVERYONE_PERMISSIONS,
        },
        {
          id: modRole,
          guildId,
          name: 'mods',
          color: 0,
          hoist: false,
          mentionable: false,
          position: 1,
          permissions: 0n,
        },
      ])
      .execute();
    await db
      .insertInto('members')
      .values([
        { guildId, userId: owner, nickname: null },
        { guildId, userId: member, nickname: 'm' },
      ])
      .execute();
    await db
      .insertInto('channels')
      .values([
        {
          id: general,
          type: 'text',
          guildId,
          name: 'general',
          topic: null,
          parentId: null,
          userLimit: null,
          ownerId: null,
          dmKey: null,
          lastMessageId: null,
          position: 0,
        },
        {
          id: secret,
          type: 'text',
          guildId,
          name: 'secret',
          topic: null,
          parentId: null,
          userLimit: null,
          ownerId: null,
          dmKey: null,
          lastMessageId: null,
          position: 1,
        },
        {
          id: dmId,
          type: 'dm',
          guildId: null,
          name: null,
          topic: null,
          parentId: null,
          userLimit: null,
          ownerId: null,
          dmKey: `${member}:${outsider}`,
          lastMessageId: null,
        },
      ])
      .execute();
    await db
      .insertInto('permission_overwrites')
      .values([
        {
          channelId: secret,
          targetId: guildId,
          targetType: 'role',
          allow: 0n,
          deny: PERMISSIONS.VIEW_CHANNEL,
        },
        {
          channelId: secret,
          targetId: modRole,
          targetType: 'role',
          allow: PERMISSIONS.VIEW_CHANNEL,
          deny: 0n,
        },
      ])
      .execute();
    await db
      .insertInto('channel_recipients')
      .values([
        { channelId: dmId, userId: member },
        { channelId: dmId, userId: outsider },
      ])
      .execute();
    await db
      .insertInto('read_states')
      .values({ userId: member, channelId: general, lastReadMessageId: '123' })
      .execute();
  });

  afterAll(async () => {
    await chat?.stop();
  });

  it('answers the ready state: guilds with visible channels, roles, membership, DMs, read states', async () => {
    const reply = await chat.call<RealtimeState>('GET', '/internal/v1/realtime/state', { as: member });
    expect(reply.status).toBe(200);
    const state = reply.body;
    expect(state.user).toEqual({ id: member });
    expect(state.guilds).toHaveLength(1);
    const [guild] = state.guilds;
    expect(guild!.guild).toMatchObject({ id: guildId, name: 'Realm', ownerId: owner });
    expect(guild!.roles.map((role) => role.id)).toEqual([guildId, modRole]);
    expect(guild!.member).toMatchObject({ guildId, userId: member, nickname: 'm', roleIds: [] });
    expect(guild!.channels.map((channel) => channel.id)).toEqual([general]);
    expect(guild!.members.total).toBe(2);
    expect([...guild!.members.userIds].sort()).toEqual([owner, member].sort());
    expect(state.dms.map((dm) => dm.id)).toEqual([dmId]);
    expect([...state.dms[0]!.recipientIds].sort()).toEqual([member, outsider].sort());
    expect(state.readStates).toEqual([{ channelId: general, lastReadMessageId: '123' }]);
  });

  it('answers concurrent handshakes each their own state: gathered reads never mix users', async () => {
    const users = [owner, member, outsider];
    const stateOf = async (userId: string) =>
      (await chat.call<RealtimeState>('GET', '/internal/v1/realtime/state', { as: userId })).body;
    const alone = [];
    for (const userId of users) alone.push(await stateOf(userId));
    const together = await Promise.all([...users, ...users].map(stateOf));
    expect(together).toEqual([...alone, ...alone]);
    // The three differ: the outsider is in no guild, the member sees fewer channels than the owner.
    expect(alone.map((state) => state.guilds.map((guild) => guild.channels.length))).toEqual([[2], [1], []]);
    expect(alone.map((state) => state.readStates.length)).toEqual([0, 1, 0]);
  });

  it("lists each guild's first 100 members by id, counting them all, beside a small guild", async () => {
    const crowd = snowflake();
    await chat.db
      .insertInto('guilds')
      .values({ id: crowd, name: 'Crowd', iconFileId: null, description: null, ownerId: owner })
      .execute();
    const users = await Promise.all(Array.from({ length: 129 }, () => chat.createUser()));
    await chat.db
      .insertInto('members')
      .values([member, ...users].map((userId) => ({ guildId: crowd, userId, nickname: null })))
      .execute();
    try {
      const { body } = await chat.call<RealtimeState>('GET', '/internal/v1/realtime/state', { as: member });
      const byId = new Map(body.guilds.map((entry) => [entry.guild.id, entry.members]));
      const everyone = [member, ...users].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      expect(byId.get(crowd)).toEqual({ userIds: everyone.slice(0, 100), total: 130 });
      expect(byId.get(guildId)?.total).toBe(2);
    } finally {
      await chat.db.deleteFrom('members').where('guildId', '=', crowd).execute();
      await chat.db.deleteFrom('guilds').where('id', '=', crowd).execute();
    }
  });

  it('shows the owner every channel, with the overwrites', async () => {
    const { body } = await chat.call<RealtimeState>('GET', '/internal/v1/realtime/state', { as: owner });
    const channels = body.guilds[0]!.channels;
    expect(channels.map((channel) => channel.id)).toEqual([general, secret]);
    expect(channels[1]!.permissionOverwrites).toHaveLength(2);
    expect(body.dms).toEqual([]);
  });

  it('answers the visible channels of a guild, following role changes at once', async () => {
    const before = await chat.call<VisibleChannelsAnswer>(
      'GET',
      `/internal/v1/realtime/guilds/${guildId}/visible-channels`,
      { as: member },
    );
    expect(before.body).toEqual({ guildId, channelIds: [general] });
    await chat.db.insertInto('member_roles').values({ guildId, userId: member, roleId: modRole }).execute();
    const after = await chat.call<VisibleChannelsAnswer>(
      'GET',
      `/internal/v1/realtime/guilds/${guildId}/visible-channels`,
      { as: member },
    );
    expect(after.body.channelIds).toEqual([general, secret]);
    await chat.db.deleteFrom('member_roles').where('userId', '=', member).execute();
  });

  it('answers 404 UNKNOWN_GUILD to non-members and for bad ids', async () => {
    for (const path of [
      `/internal/v1/realtime/guilds/${guildId}/visible-channels`,
      '/internal/v1/realtime/guilds/abc/visible-channels',
    ]) {
      const reply = await chat.call<{ error: { code: string } }>('GET', path, { as: outsider });
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('UNKNOWN_GUILD');
    }
  });

  it('answers channel permissions for visible channels and DMs, 404 otherwise', async () => {
    const mine = await chat.call<ChannelPermissionsAnswer>(
      'GET',
      `/internal/v1/realtime/channels/${general}/permissions`,
      { as: member },
    );
    expect(mine.status).toBe(200);
    expect(BigInt(mine.body.permissions) & PERMISSIONS.SEND_MESSAGES).toBe(PERMISSIONS.SEND_MESSAGES);
    const dm = await chat.call<ChannelPermissionsAnswer>(
      'GET',
      `/internal/v1/realtime/channels/${dmId}/permissions`,
      { as: outsider },
    );
    expect(dm.body).toMatchObject({ channelId: dmId, guildId: null });
    const hidden = await chat.call('GET', `/internal/v1/realtime/channels/${secret}/permissions`, {
      as: member,
    });
    expect(hidden.status).toBe(404);
  });

  it('requires the gateway-signed identity', async () => {
    const reply = await chat.call('GET', '/internal/v1/realtime/state');
    expect(reply.status).toBe(401);
  });
});
