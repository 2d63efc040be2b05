import {
  type AuditLogEntry,
  createdWebhookSchema,
  type Message,
  messageSchema,
  PERMISSIONS,
  type Webhook,
} from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';
import { hashWebhookToken } from './webhook-token';

type ErrorReply = { error: { code: string; message: string; details?: { field?: string }[] } };

describe('webhooks', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;
  let owner: string;
  let member: string;
  let manager: string;
  let guildId: string;
  let channelId: string;

  const channelHooks = (channel: string) => `/api/v1/channels/${channel}/webhooks`;

  beforeAll(async () => {
    app = await ChatTestApp.start({ CHAT_SEND_LIMIT_PER_10S: '100000' });
    fx = new ChatFixtures(app);
    [owner, member, manager] = await Promise.all([
      app.createUser('hookowner'),
      app.createUser('hookmember'),
      app.createUser('hookmanager'),
    ]);
    guildId = await fx.guild(owner);
    const managers = await fx.role(guildId, { permissions: PERMISSIONS.MANAGE_WEBHOOKS });
    await fx.member(guildId, member);
    await fx.member(guildId, manager, [managers]);
    channelId = await fx.channel(guildId);
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function create(
    as: string,
    body: Record<string, unknown> = { name: 'Deploy bot' },
    channel = channelId,
  ) {
    return app.call<Record<string, unknown>>('POST', channelHooks(channel), { as, body });
  }

  it('needs MANAGE_WEBHOOKS; shows the token once and stores only its hash', async () => {
    const denied = await app.call<ErrorReply>('POST', channelHooks(channelId), {
      as: member,
      body: { name: 'x' },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('MISSING_PERMISSION');
    expect(denied.body.error.message).toContain('MANAGE_WEBHOOKS');

    const created = await create(manager, { name: '  Deploy bot  ' });
    expect(created.status).toBe(201);
    const webhook = createdWebhookSchema.parse(created.body);
    expect(webhook).toMatchObject({
      name: 'Deploy bot',
      channelId,
      guildId,
      creatorId: manager,
      avatar: null,
    });
    expect(webhook.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(webhook.url).toBe(`/api/v1/webhooks/${webhook.id}/${webhook.token}`);

    const stored = await app.db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBe(hashWebhookToken(webhook.token));
    expect(JSON.stringify(stored)).not.toContain(webhook.token);

    // Listing and reading never show the token again.
    const listed = await app.call<Webhook[]>('GET', channelHooks(channelId), { as: manager });
    expect(listed.status).toBe(200);
    expect(listed.body.map((hook) => hook.id)).toContain(webhook.id);
    const ofGuild = await app.call<Webhook[]>('GET', `/api/v1/guilds/${guildId}/webhooks`, { as: owner });
    expect(ofGuild.status).toBe(200);
    expect(ofGuild.body.map((hook) => hook.id)).toContain(webhook.id);
    const one = await app.call<Webhook>('GET', `/api/v1/webhooks/${webhook.id}`, { as: manager });
    expect(one.status).toBe(200);
    for (const body of [listed.body, ofGuild.body, one.body]) {
      expect(JSON.stringify(body)).not.toContain(webhook.token);
      expect(JSON.stringify(body)).not.toContain('token');
    }
    expect((await app.call('GET', channelHooks(channelId), { as: member })).status).toBe(403);
    expect((await app.call('GET', `/api/v1/guilds/${guildId}/webhooks`, { as: member })).status).toBe(403);
    expect((await app.call('GET', `/api/v1/webhooks/${webhook.id}`, { as: member })).status).toBe(403);
  });

  it('executes without an account: the message shows the webhook, through the normal send path', async () => {
    const webhook = createdWebhookSchema.parse((await create(manager, { name: 'CI' })).body);
    const posted = await app.call<Message>('POST', `${webhook.url}?wait=true`, {
      body: { content: 'build passed <@' + member + '>', username: 'Nightly CI' },
    });
    expect(posted.status).toBe(201);
    const message = messageSchema.parse(posted.body);
    expect(message).toMatchObject({
      channelId,
      guildId,
      authorId: webhook.id,
      webhookId: webhook.id,
      author: { id: webhook.id, username: 'Nightly CI', avatar: null, bot: true },
      mentions: { userIds: [member], everyone: false },
    });

    // Without wait: 204, and the message still arrives; the webhook's own name is shown.
    const quiet = await app.call('POST', webhook.url, { body: { content: 'second' } });
    expect(quiet.status).toBe(204);

    const history = await app.call<Message[]>('GET', `/api/v1/channels/${channelId}/messages?limit=5`, {
      as: member,
    });
    const mine = history.body.filter((entry) => entry.webhookId === webhook.id);
    expect(mine.map((entry) => [entry.content, entry.author?.username])).toEqual([
      ['second', 'CI'],
      [`build passed <@${member}>`, 'Nightly CI'],
    ]);

    // Realtime and search read the outbox event: it carries the same author override.
    const events = await fx.events<{ message?: Message }>(channelId);
    const created = events.filter(
      (event) => event.type === 'message.created' && event.data.message?.id === message.id,
    );
    expect(created).toHaveLength(1);
    expect(created[0]!.data.message).toMatchObject({ webhookId: webhook.id, author: { bot: true } });
  });

  it('honours @everyone only when the webhook creator could', async () => {
    const byManager = createdWebhookSchema.parse((await create(manager, { name: 'm' })).body);
    const byOwner = createdWebhookSchema.parse((await create(owner, { name: 'o' })).body);
    const send = async (url: string) =>
      (await app.call<Message>('POST', `${url}?wait=true`, { body: { content: '@everyone hi' } })).body;
    expect((await send(byManager.url)).mentions.everyone).toBe(false);
    expect((await send(byOwner.url)).mentions.everyone).toBe(true);
  });

  it('refuses a wrong token (401) and an unknown or deleted webhook (404), never 5xx', async () => {
    const webhook = createdWebhookSchema.parse((await create(manager, { name: 'temp' })).body);
    const wrong = await app.call<ErrorReply>('POST', `/api/v1/webhooks/${webhook.id}/${'a'.repeat(43)}`, {
      body: { content: 'x' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_WEBHOOK_TOKEN');
    for (const path of ['/api/v1/webhooks/123/abc', '/api/v1/webhooks/not-an-id/abc']) {
      const unknown = await app.call<ErrorReply>('POST', path, { body: { content: 'x' } });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('UNKNOWN_WEBHOOK');
    }

    expect((await app.call('DELETE', `/api/v1/webhooks/${webhook.id}`, { as: member })).status).toBe(403);
    expect((await app.call('DELETE', `/api/v1/webhooks/${webhook.id}`, { as: manager })).status).toBe(204);
    const revoked = await app.call<ErrorReply>('POST', webhook.url, { body: { content: 'x' } });
    expect(revoked.status).toBe(404);
    expect(revoked.body.error.code).toBe('UNKNOWN_WEBHOOK');
    expect((await app.call('DELETE', `/api/v1/webhooks/${webhook.id}`, { as: manager })).status).toBe(404);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'body.name'],
      [{ name: '' }, 'body.name'],
      [{ name: '   ' }, 'body.name'],
      [{ name: 'x'.repeat(81) }, 'body.name'],
      [{ name: 'ok', avatar: 'nope' }, 'body.avatar'],
      [{ name: 'ok', extra: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const reply = await app.call<ErrorReply>('POST', channelHooks(channelId), { as: manager, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
      expect(reply.body.error.details?.map((detail) => detail.field)).toContain(field);
    }

    const webhook = createdWebhookSchema.parse((await create(manager, { name: 'input' })).body);
    const executeCases: [Record<string, unknown>, string][] = [
      [{}, 'body.content'],
      [{ content: '   ' }, 'body.content'],
      [{ content: 'x'.repeat(4001) }, 'body.content'],
      [{ content: 'x', username: '' }, 'body.username'],
      [{ content: 'x', avatar: 12 }, 'body.avatar'],
    ];
    for (const [body, field] of executeCases) {
      const reply = await app.call<ErrorReply>('POST', webhook.url, { body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.details?.map((detail) => detail.field)).toContain(field);
    }
    const badWait = await app.call<ErrorReply>('POST', `${webhook.url}?wait=maybe`, {
      body: { content: 'x' },
    });
    expect(badWait.status).toBe(400);
  });

  it('only guild text channels have webhooks (DMs: 400 INVALID_CHANNEL_TYPE)', async () => {
    const dm = await app.call<{ id: string }>('POST', '/api/v1/users/@me/channels', {
      as: owner,
      body: { recipientId: member },
    });
    expect(dm.status).toBeLessThan(300);
    const inDm = await app.call<ErrorReply>('POST', channelHooks(dm.body.id), {
      as: owner,
      body: { name: 'x' },
    });
    expect(inDm.status).toBe(400);
    expect(inDm.body.error.code).toBe('INVALID_CHANNEL_TYPE');
    const voice = await fx.channel(guildId, { type: 'voice' });
    const inVoice = await create(owner, { name: 'x' }, voice);
    expect(inVoice.status).toBe(400);
    expect((await create(owner, { name: 'x' }, '999')).status).toBe(404);
  });

  it('records creation, changes and deletion in the audit log, with the reason and without the token', async () => {
    const reason = { 'x-audit-log-reason': encodeURIComponent('CI hook') };
    const made = await app.call<Record<string, unknown>>('POST', channelHooks(channelId), {
      as: manager,
      body: { name: 'audited' },
      headers: reason,
    });
    const webhook = createdWebhookSchema.parse(made.body);
    const renamed = await app.call('PATCH', `/api/v1/webhooks/${webhook.id}`, {
      as: manager,
      body: { name: 'renamed' },
      headers: reason,
    });
    expect(renamed.status).toBe(200);
    // A change to nothing is not an entry.
    await app.call('PATCH', `/api/v1/webhooks/${webhook.id}`, { as: manager, body: { name: 'renamed' } });
    expect(
      (await app.call('DELETE', `/api/v1/webhooks/${webhook.id}`, { as: manager, headers: reason })).status,
    ).toBe(204);
    const page = await app.call<{ entries: AuditLogEntry[] }>('GET', `/api/v1/guilds/${guildId}/audit-log`, {
      as: owner,
    });
    expect(page.status).toBe(200);
    const ofHook = page.body.entries.filter((entry) => entry.targetId === webhook.id);
    expect(ofHook.map((entry) => [entry.action, entry.actorId, entry.targetType, entry.reason])).toEqual([
      ['WEBHOOK_DELETE', manager, 'webhook', 'CI hook'],
      ['WEBHOOK_UPDATE', manager, 'webhook', 'CI hook'],
      ['WEBHOOK_CREATE', manager, 'webhook', 'CI hook'],
    ]);
    const update = ofHook.find((entry) => entry.action === 'WEBHOOK_UPDATE')!;
    expect(update.changes).toEqual([{ key: 'name', old: 'audited', new: 'renamed' }]);
    expect(JSON.stringify(ofHook)).not.toContain(webhook.token);
  });

  it('holds at most 15 webhooks per channel, created or moved in', async () => {
    const full = await fx.channel(guildId);
    for (let i = 0; i < 15; i += 1) expect((await create(owner, { name: `h${i}` }, full)).status).toBe(201);
    const over = await app.call<ErrorReply>('POST', channelHooks(full), { as: owner, body: { name: 'x' } });
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('TOO_MANY_WEBHOOKS');
    const outside = createdWebhookSchema.parse((await create(owner, { name: 'outside' })).body);
    const moved = await app.call<ErrorReply>('PATCH', `/api/v1/webhooks/${outside.id}`, {
      as: owner,
      body: { channelId: full },
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.code).toBe('TOO_MANY_WEBHOOKS');
  });

  it('renames and moves a webhook within its guild', async () => {
    const webhook = createdWebhookSchema.parse((await create(owner, { name: 'before' })).body);
    const other = await fx.channel(guildId);
    const updated = await app.call<Webhook>('PATCH', `/api/v1/webhooks/${webhook.id}`, {
      as: owner,
      body: { name: 'after', channelId: other },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'after', channelId: other });
    const posted = await app.call<Message>('POST', `${webhook.url}?wait=true`, {
      body: { content: 'moved' },
    });
    expect(posted.body).toMatchObject({ channelId: other, author: { username: 'after' } });

    // An empty change answers the webhook unchanged.
    const same = await app.call<Webhook>('PATCH', `/api/v1/webhooks/${webhook.id}`, { as: owner, body: {} });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ name: 'after', channelId: other });

    const elsewhere = await fx.guild(owner);
    const foreign = await fx.channel(elsewhere);
    const cross = await app.call<ErrorReply>('PATCH', `/api/v1/webhooks/${webhook.id}`, {
      as: owner,
      body: { channelId: foreign },
    });
    expect(cross.status).toBe(400);
    expect(cross.body.error.details?.map((detail) => detail.field)).toContain('body.channelId');
  });
});
