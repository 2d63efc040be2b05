import type { AnyEvent, GuildNotificationSettings, ReadState } from '@bonfire/contracts';
import { PERMISSIONS } from '@bonfire/contracts';
import { sql } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';
import { NotificationsHandlers } from './notifications.handlers';

describe('notifications', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;

  beforeAll(async () => {
    app = await ChatTestApp.start({
      CHAT_SEND_LIMIT_PER_10S: '100000',
      CHAT_MAX_PUSH_SUBSCRIPTIONS_PER_USER: '2',
    });
    fx = new ChatFixtures(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** The message.created event chat wrote for a sent message. */
  async function createdEvent(messageId: string): Promise<AnyEvent> {
    const result = await sql<{ envelope: AnyEvent }>`
      select envelope from outbox_events
      where envelope->>'type' = 'message.created' and envelope->'data'->'message'->>'id' = ${messageId}
    `.execute(app.db);
    return result.rows[0]!.envelope;
  }

  /** Who a message notified (user → reason), from the notification.created events written. */
  async function notified(messageId: string): Promise<Map<string, string>> {
    const notes = await sql<{ envelope: { data: { userId: string; reason: string } } }>`
      select envelope from outbox_events
      where envelope->>'type' = 'notification.created' and envelope->'data'->>'messageId' = ${messageId}
    `.execute(app.db);
    return new Map(notes.rows.map((row) => [row.envelope.data.userId, row.envelope.data.reason]));
  }

  /** Runs the notify decision on a sent message (the consumer is off in these tests) → who got notified. */
  async function decide(messageId: string): Promise<Map<string, string>> {
    const event = await createdEvent(messageId);
    await app.service.app.get(NotificationsHandlers).decide([event]);
    // Twice: the same event decides once.
    await app.service.app.get(NotificationsHandlers).decide([event]);
    return notified(messageId);
  }

  const settingsPath = (guildId: string) => `/api/v1/users/@me/guilds/${guildId}/notification-settings`;
  const channelPath = (channelId: string) => `/api/v1/users/@me/channels/${channelId}/notification-settings`;

  it('stores guild settings and channel overrides, validated, for members only', async () => {
    const [owner, me, stranger] = [await app.createUser(), await app.createUser(), await app.createUser()];
    const guild = await fx.guild(owner);
    await fx.member(guild, me);
    const channel = await fx.channel(guild);

    const initial = await app.call<GuildNotificationSettings>('GET', settingsPath(guild), { as: me });
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({
      guildId: guild,
      level: 'mentions',
      suppressEveryone: false,
      muted: false,
      mutedUntil: null,
      channelOverrides: [],
    });

    const before = Date.now();
    const patched = await app.call<GuildNotificationSettings>('PATCH', settingsPath(guild), {
      as: me,
      body: { level: 'all', suppressEveryone: true, muted: true, muteSeconds: 3600 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ level: 'all', suppressEveryone: true, muted: true });
    const until = Date.parse(patched.body.mutedUntil!);
    expect(until).toBeGreaterThanOrEqual(before + 3_599_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 3_601_000);
    // PATCH keeps what it does not name; muted: false unmutes.
    const unmuted = await app.call<GuildNotificationSettings>('PATCH', settingsPath(guild), {
      as: me,
      body: { muted: false },
    });
    expect(unmuted.body).toMatchObject({
      level: 'all',
      suppressEveryone: true,
      muted: false,
      mutedUntil: null,
    });

    const put = await app.call('PUT', channelPath(channel), {
      as: me,
      body: { level: 'nothing', muted: true },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ channelId: channel, level: 'nothing', muted: true, mutedUntil: null });
    expect((await app.call('GET', channelPath(channel), { as: me })).body).toEqual(put.body);
    expect(
      (await app.call<GuildNotificationSettings>('GET', settingsPath(guild), { as: me })).body
        .channelOverrides,
    ).toEqual([put.body]);
    expect((await app.call('DELETE', channelPath(channel), { as: me })).status).toBe(204);
    expect((await app.call('GET', channelPath(channel), { as: me })).body).toEqual({
      channelId: channel,
      level: 'inherit',
      muted: false,
      mutedUntil: null,
    });

    // Validation names the field.
    const bad = await app.call<{ error: { code: string; details: { field: string }[] } }>(
      'PATCH',
      settingsPath(guild),
      { as: me, body: { level: 'loud', muteSeconds: 5 } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.map((detail) => detail.field).sort()).toEqual([
      'body.level',
      'body.muteSeconds',
    ]);
    const unknownField = await app.call('PUT', channelPath(channel), { as: me, body: { loud: true } });
    expect(unknownField.status).toBe(400);

    // Not a member / cannot see: 404.
    expect((await app.call('GET', settingsPath(guild), { as: stranger })).status).toBe(404);
    expect(
      (await app.call('PATCH', settingsPath(guild), { as: stranger, body: { level: 'all' } })).status,
    ).toBe(404);
    expect(
      (await app.call('PUT', channelPath(channel), { as: stranger, body: { level: 'all' } })).status,
    ).toBe(404);
    expect((await app.call('GET', settingsPath('12345'), { as: me })).status).toBe(404);
  });

  it('decides who is notified: mentions, roles, @everyone, level all, mutes, visibility, DMs', async () => {
    const [owner, mentioned, roleHolder, allLevel, nothing, suppressor, muted, hidden, plain] = [
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
    ];
    const guild = await fx.guild(
      owner,
      PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES | PERMISSIONS.READ_MESSAGE_HISTORY,
    );
    const role = await fx.role(guild, { mentionable: true });
    for (const user of [mentioned, allLevel, nothing, suppressor, muted, hidden, plain])
      await fx.member(guild, user);
    await fx.member(guild, roleHolder, [role]);
    const channel = await fx.channel(guild);
    await fx.overwrite(channel, { id: hidden, type: 'member' }, { deny: PERMISSIONS.VIEW_CHANNEL });
    const patch = (as: string, body: object) => app.call('PATCH', settingsPath(guild), { as, body });
    await patch(allLevel, { level: 'all' });
    await patch(nothing, { level: 'nothing' });
    await patch(suppressor, { suppressEveryone: true });
    await app.call('PUT', channelPath(channel), { as: muted, body: { level: 'inherit', muted: true } });
    await patch(hidden, { level: 'all' });

    // A plain message: only those at level all who see the channel.
    expect(await decide(await fx.send(channel, owner, 'hello'))).toEqual(new Map([[allLevel, 'all']]));
    // A message that notifies nobody (the only member at level all wrote it) leaves no processed record.
    const recorded = async () =>
      Number(
        (
          await sql<{
            count: string;
          }>`select count(*) from processed_events where consumer = 'chat.notifications'`.execute(app.db)
        ).rows[0]!.count,
      );
    const before = await recorded();
    expect(await decide(await fx.send(channel, allLevel, 'nobody hears this'))).toEqual(new Map());
    expect(await recorded()).toBe(before);
    expect(await decide(await fx.send(channel, owner, 'one more'))).toEqual(new Map([[allLevel, 'all']]));
    expect(await recorded()).toBe(before + 1);
    // Mentions: the user, the role's members; level nothing never; a muted channel still notifies a mention.
    expect(
      await decide(
        await fx.send(channel, owner, `<@${mentioned}> <@${nothing}> <@${muted}> <@${hidden}> <@&${role}>`),
      ),
    ).toEqual(
      new Map([
        [mentioned, 'mention'],
        [muted, 'mention'],
        [roleHolder, 'mention'],
        [allLevel, 'all'],
      ]),
    );
    // @everyone (the owner may): everyone who sees the channel, except suppressors, level nothing, the author.
    expect(await decide(await fx.send(channel, owner, '@everyone party'))).toEqual(
      new Map([mentioned, roleHolder, allLevel, muted, plain].map((user) => [user, 'mention'] as const)),
    );
    // The author is never notified, whatever their settings.
    await patch(owner, { level: 'all' });
    expect((await decide(await fx.send(channel, allLevel, `me <@${allLevel}>`))).has(allLevel)).toBe(false);

    // A muted guild: level all stops, mentions go on.
    await patch(allLevel, { muted: true });
    expect(await decide(await fx.send(channel, plain, 'quiet'))).toEqual(new Map([[owner, 'all']]));
    expect((await decide(await fx.send(channel, plain, `<@${allLevel}>`))).get(allLevel)).toBe('mention');
    // A channel's own level all counts too, beside the guild's (one opt-in query reads both).
    await app.call('PUT', channelPath(channel), { as: mentioned, body: { level: 'all' } });
    expect(await decide(await fx.send(channel, plain, 'for the channel'))).toEqual(
      new Map([
        [owner, 'all'],
        [mentioned, 'all'],
      ]),
    );

    // DMs notify by default; a muted DM only for mentions.
    const dm = await app.call<{ id: string }>('POST', '/api/v1/users/@me/channels', {
      as: owner,
      body: { recipientId: plain },
    });
    expect(await decide(await fx.send(dm.body.id, owner, 'psst'))).toEqual(new Map([[plain, 'dm']]));
    await app.call('PUT', channelPath(dm.body.id), { as: plain, body: { level: 'inherit', muted: true } });
    expect(await decide(await fx.send(dm.body.id, owner, 'psst again'))).toEqual(new Map());
    expect(await decide(await fx.send(dm.body.id, owner, `<@${plain}> look`))).toEqual(
      new Map([[plain, 'mention']]),
    );

    // The payload names the message, its author and a preview.
    const said = await fx.send(channel, owner, `<@${mentioned}> ${'x'.repeat(300)}`);
    await decide(said);
    const [note] = (await fx.events<Record<string, unknown>>(mentioned)).filter(
      (event) => event.type === 'notification.created' && event.data['messageId'] === said,
    );
    expect(note!.data).toMatchObject({
      userId: mentioned,
      guildId: guild,
      channelId: channel,
      messageId: said,
      author: { id: owner },
      guildName: 'guild',
      reason: 'mention',
    });
    expect([...(note!.data['preview'] as string)].length).toBe(140);
  });

  it('decides a batch of messages at once, each by its own channel', async () => {
    const [owner, fan, friend] = [await app.createUser(), await app.createUser(), await app.createUser()];
    const guild = await fx.guild(owner, PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES);
    await fx.member(guild, fan);
    await fx.member(guild, friend);
    const [open, quiet] = [await fx.channel(guild), await fx.channel(guild)];
    await app.call('PUT', channelPath(open), { as: fan, body: { level: 'all' } });
    const dm = await app.call<{ id: string }>('POST', '/api/v1/users/@me/channels', {
      as: owner,
      body: { recipientId: friend },
    });
    const sent = [
      await fx.send(open, owner, 'for the fans'),
      await fx.send(quiet, owner, 'nobody opted in here'),
      await fx.send(dm.body.id, owner, 'just us'),
      await fx.send(quiet, owner, `<@${friend}> but you`),
      await fx.send(open, friend, 'fans again'),
    ];
    await app.service.app.get(NotificationsHandlers).decide(await Promise.all(sent.map(createdEvent)));

    expect(await Promise.all(sent.map(notified))).toEqual([
      new Map([[fan, 'all']]),
      new Map(),
      new Map([[friend, 'dm']]),
      new Map([[friend, 'mention']]),
      new Map([[fan, 'all']]),
    ]);
  });

  it('keeps muted channels out of unread counts but counts their mentions, unless @everyone is suppressed', async () => {
    const [owner, me] = [await app.createUser(), await app.createUser()];
    const guild = await fx.guild(owner);
    await fx.member(guild, me);
    const loud = await fx.channel(guild);
    const quiet = await fx.channel(guild);
    await app.call('PUT', channelPath(quiet), { as: me, body: { level: 'inherit', muted: true } });
    for (const channel of [loud, quiet]) {
      await fx.send(channel, owner, 'hi');
      await fx.send(channel, owner, `hey <@${me}>`);
      await fx.send(channel, owner, '@everyone news');
    }
    const states = async () =>
      new Map(
        (await app.call<ReadState[]>('GET', '/api/v1/users/@me/read-states', { as: me })).body.map(
          (state) => [state.channelId, [state.unreadCount, state.mentionCount]],
        ),
      );
    expect(await states()).toEqual(
      new Map([
        [loud, [3, 2]],
        [quiet, [0, 2]],
      ]),
    );
    await app.call('PATCH', settingsPath(guild), { as: me, body: { suppressEveryone: true } });
    expect(await states()).toEqual(
      new Map([
        [loud, [3, 1]],
        [quiet, [0, 1]],
      ]),
    );
    // A muted guild: no unread anywhere in it.
    await app.call('PATCH', settingsPath(guild), { as: me, body: { muted: true, muteSeconds: 600 } });
    expect(await states()).toEqual(
      new Map([
        [loud, [0, 1]],
        [quiet, [0, 1]],
      ]),
    );
  });

  it('stores push subscriptions per endpoint, limited per user, https and public only', async () => {
    const [me, other] = [await app.createUser(), await app.createUser()];
    const keys = { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' };
    const subscribe = (as: string, endpoint: string) =>
      app.call<{ id: string; endpoint: string }>('POST', '/api/v1/users/@me/push-subscriptions', {
        as,
        body: { endpoint, keys, expirationTime: null },
      });
    const first = await subscribe(me, 'https://push.example.com/a');
    expect(first.status).toBe(201);
    expect(first.body.endpoint).toBe('https://push.example.com/a');
    // The same endpoint again: the same row.
    expect((await subscribe(me, 'https://push.example.com/a')).body.id).toBe(first.body.id);
    expect((await subscribe(me, 'https://push.example.com/b')).status).toBe(201);
    const tooMany = await subscribe(me, 'https://push.example.com/c');
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as unknown as { error: { code: string } }).error.code).toBe(
      'TOO_MANY_PUSH_SUBSCRIPTIONS',
    );
    for (const [endpoint, code] of [
      ['http://push.example.com/x', 'insecure_url'],
      ['https://127.0.0.1/x', 'private_address'],
      ['https://169.254.169.254/x', 'private_address'],
    ] as const) {
      const refused = await subscribe(other, endpoint);
      expect(refused.status).toBe(400);
      expect(
        (refused.body as unknown as { error: { details: { field: string; code: string }[] } }).error.details,
      ).toEqual([expect.objectContaining({ field: 'endpoint', code })]);
    }
    const list = await app.call<{ endpoint: string }[]>('GET', '/api/v1/users/@me/push-subscriptions', {
      as: me,
    });
    expect(list.body.map((row) => row.endpoint)).toEqual([
      'https://push.example.com/a',
      'https://push.example.com/b',
    ]);
    // Only my own endpoint can be removed.
    const remove = (as: string) =>
      app.call('DELETE', '/api/v1/users/@me/push-subscriptions', {
        as,
        body: { endpoint: 'https://push.example.com/a' },
      });
    expect((await remove(other)).status).toBe(404);
    expect((await remove(me)).status).toBe(204);
    expect((await remove(me)).status).toBe(404);
    // Push is off without VAPID keys.
    expect((await app.call('GET', '/api/v1/push/vapid-public-key', { as: me })).body).toEqual({
      publicKey: null,
    });
  });
});
