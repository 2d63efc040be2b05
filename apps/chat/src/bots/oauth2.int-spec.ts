import { randomUUID } from 'node:crypto';
import { type AnyEvent, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents } from '../guilds/guild-test-kit';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';
import { UsersProjectionHandlers } from '../users/users-projection.handlers';

type ErrorReply = { error: { code: string } };

describe('the bot authorise link', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;
  let owner: string;
  let member: string;
  let manager: string;
  let botId: string;
  let guildId: string;
  const asked = (PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES).toString();

  beforeAll(async () => {
    app = await ChatTestApp.start();
    fx = new ChatFixtures(app);
    [owner, member, manager] = await Promise.all([
      app.createUser('botowner'),
      app.createUser('botmember'),
      app.createUser('botmanager'),
    ]);
    guildId = await fx.guild(owner);
    await fx.member(guildId, member);
    await fx.member(guildId, manager, [await fx.role(guildId, { permissions: PERMISSIONS.MANAGE_GUILD })]);
    // The bot user arrives as auth publishes it: a user.created with `bot: true`.
    botId = String(BigInt(Date.now()) * 4_194_304n + 7n);
    await app.service.app.get(UsersProjectionHandlers).apply({
      id: randomUUID(),
      type: 'user.created',
      version: 1,
      key: botId,
      producer: 'auth',
      occurredAt: new Date().toISOString(),
      data: {
        id: botId,
        username: 'helper_bot',
        displayName: 'Helper',
        avatarFileId: null,
        about: null,
        bot: true,
        createdAt: new Date().toISOString(),
      },
    } as unknown as AnyEvent);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('describes the application, its bot and the permissions by name', async () => {
    const info = await app.call(
      'GET',
      `/api/v1/oauth2/authorize?client_id=${botId}&permissions=${asked}&guild_id=${guildId}`,
      { as: owner },
    );
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      application: { id: botId, name: 'Helper' },
      bot: { id: botId, username: 'helper_bot', displayName: 'Helper', avatarFileId: null, bot: true },
      permissions: asked,
      permissionNames: ['VIEW_CHANNEL', 'SEND_MESSAGES'],
      guild: { id: guildId, name: 'guild' },
    });
    const human = await app.call<ErrorReply>('GET', `/api/v1/oauth2/authorize?client_id=${member}`, {
      as: owner,
    });
    expect(human.status).toBe(404);
    expect(human.body.error.code).toBe('UNKNOWN_APPLICATION');
  });

  it('needs MANAGE_GUILD, and grants only what the authoriser has', async () => {
    const denied = await app.call<ErrorReply>('POST', '/api/v1/oauth2/authorize', {
      as: member,
      body: { clientId: botId, guildId, permissions: asked },
    });
    expect(denied.status).toBe(403);
    const tooMuch = await app.call<ErrorReply>('POST', '/api/v1/oauth2/authorize', {
      as: manager,
      body: { clientId: botId, guildId, permissions: PERMISSIONS.BAN_MEMBERS.toString() },
    });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.error.code).toBe('CANNOT_GRANT_PERMISSIONS');
  });

  it('adds the bot with its role, member.joined and BOT_ADD in one transaction; again is a no-op', async () => {
    const added = await app.call<{ roleId: string; added: boolean }>('POST', '/api/v1/oauth2/authorize', {
      as: owner,
      body: { clientId: botId, guildId, permissions: asked },
      headers: { 'x-audit-log-reason': 'needs a helper' },
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ guildId, userId: botId, added: true });
    const roles = await app.db
      .selectFrom('member_roles')
      .select('roleId')
      .where('guildId', '=', guildId)
      .where('userId', '=', botId)
      .execute();
    expect(roles.map((row) => row.roleId)).toEqual([added.body.roleId]);
    const role = await app.db
      .selectFrom('roles')
      .selectAll()
      .where('id', '=', added.body.roleId)
      .executeTakeFirst();
    expect(role).toMatchObject({ name: 'Helper', permissions: asked });
    const entry = await app.db
      .selectFrom('audit_log_entries')
      .selectAll()
      .where('guildId', '=', guildId)
      .where('action', '=', 'BOT_ADD')
      .executeTakeFirst();
    expect(entry).toMatchObject({ actorId: owner, targetId: botId, reason: 'needs a helper' });
    const events = (await outboxEvents(app, guildId)).map((event) => event.type);
    expect(events).toEqual(expect.arrayContaining(['role.created', 'member.joined']));

    const again = await app.call<{ added: boolean }>('POST', '/api/v1/oauth2/authorize', {
      as: owner,
      body: { clientId: botId, guildId, permissions: asked },
    });
    expect(again.body.added).toBe(false);
  });
});
