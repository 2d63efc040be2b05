import { PERMISSIONS, type ReadState } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';

describe('read states', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;

  beforeAll(async () => {
    app = await ChatTestApp.start({ CHAT_SEND_LIMIT_PER_10S: '100000' });
    fx = new ChatFixtures(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('counts unread and mentions after my ack, per visible channel, and moves only forward', async () => {
    const [owner, me] = [await app.createUser(), await app.createUser()];
    const guild = await fx.guild(owner);
    const role = await fx.role(guild, { mentionable: true });
    await fx.member(guild, me, [role]);
    const general = await fx.channel(guild);
    const quiet = await fx.channel(guild);
    const hidden = await fx.channel(guild);
    await fx.overwrite(hidden, { id: me, type: 'member' }, { deny: PERMISSIONS.VIEW_CHANNEL });
    await fx.channel(guild); // empty: not listed

    const first = await fx.send(general, owner, 'hello');
    await fx.send(general, owner, `hey <@${me}>`);
    await fx.send(general, owner, `team <@&${role}>`);
    await fx.send(general, owner, '@everyone news');
    await fx.send(general, me, `my own <@${me}>`); // my messages never count
    await fx.send(hidden, owner, `secret <@${me}>`);
    const quietMessage = await fx.send(quiet, owner, 'read me');

    const list = async () => {
      const reply = await app.call<ReadState[]>('GET', '/api/v1/users/@me/read-states', { as: me });
      expect(reply.status).toBe(200);
      return reply.body;
    };
    expect(await list()).toEqual(
      [
        { channelId: general, lastReadMessageId: null, unreadCount: 4, mentionCount: 3 },
        { channelId: quiet, lastReadMessageId: null, unreadCount: 1, mentionCount: 0 },
      ].sort((a, b) => (BigInt(a.channelId) < BigInt(b.channelId) ? -1 : 1)),
    );

    expect(
      (await app.call('POST', `/api/v1/channels/${quiet}/messages/${quietMessage}/ack`, { as: me })).status,
    ).toBe(204);
    const second = (
      await app.db
        .selectFrom('messages')
        .select('id')
        .where('channelId', '=', general)
        .orderBy('id')
        .offset(1)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await app.call('POST', `/api/v1/channels/${general}/messages/${second}/ack`, { as: me })).status,
    ).toBe(204);
    // Backwards: accepted, changes nothing, no event.
    expect(
      (await app.call('POST', `/api/v1/channels/${general}/messages/${first}/ack`, { as: me })).status,
    ).toBe(204);

    const states = await list();
    expect(states.find((state) => state.channelId === general)).toEqual({
      channelId: general,
      lastReadMessageId: second,
      unreadCount: 2,
      mentionCount: 2,
    });
    expect(states.find((state) => state.channelId === quiet)).toEqual({
      channelId: quiet,
      lastReadMessageId: quietMessage,
      unreadCount: 0,
      mentionCount: 0,
    });

    const events = await fx.events<{ channelId: string; lastReadMessageId: string; mentionCount: number }>(
      me,
    );
    expect(
      events.map((event) => [
        event.type,
        event.data.channelId,
        event.data.lastReadMessageId,
        event.data.mentionCount,
      ]),
    ).toEqual([
      ['readstate.updated', quiet, quietMessage, 0],
      ['readstate.updated', general, second, 2],
    ]);

    // The message must be in that channel; a hidden channel is 404.
    expect(
      (await app.call('POST', `/api/v1/channels/${general}/messages/${quietMessage}/ack`, { as: me })).status,
    ).toBe(404);
    const hiddenMessage = (
      await app.db
        .selectFrom('messages')
        .select('id')
        .where('channelId', '=', hidden)
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await app.call('POST', `/api/v1/channels/${hidden}/messages/${hiddenMessage}/ack`, { as: me })).status,
    ).toBe(404);
  });

  it('includes my DMs', async () => {
    const [a, b] = [await app.createUser(), await app.createUser()];
    const dm = await app.call<{ id: string }>('POST', '/api/v1/users/@me/channels', {
      as: a,
      body: { recipientId: b },
    });
    await fx.send(dm.body.id, a, `yo <@${b}>`);
    const states = await app.call<ReadState[]>('GET', '/api/v1/users/@me/read-states', { as: b });
    expect(states.body).toEqual([
      { channelId: dm.body.id, lastReadMessageId: null, unreadCount: 1, mentionCount: 1 },
    ]);
    expect((await app.call<ReadState[]>('GET', '/api/v1/users/@me/read-states', { as: a })).body).toEqual([]);
  });
});
