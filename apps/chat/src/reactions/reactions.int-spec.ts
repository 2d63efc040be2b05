import type { Message } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';

describe('reactions', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;
  let alice: string;
  let bob: string;
  let channelId: string;

  const reactionPath = (message: string, emoji: string, me = true) =>
    `/api/v1/channels/${channelId}/messages/${message}/reactions/${encodeURIComponent(emoji)}${me ? '/@me' : ''}`;

  beforeAll(async () => {
    app = await ChatTestApp.start({ CHAT_SEND_LIMIT_PER_10S: '100000' });
    fx = new ChatFixtures(app);
    alice = await app.createUser('alice');
    bob = await app.createUser('bob');
    const guild = await fx.guild(alice);
    await fx.member(guild, bob);
    channelId = await fx.channel(guild);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('adds and removes my reaction idempotently, with counts, me, who reacted and one event per change', async () => {
    const message = await fx.send(channelId, alice);
    for (const [as, emoji] of [
      [alice, '👍'],
      [alice, '👍'],
      [bob, '👍'],
      [bob, '👨‍👩‍👧'],
    ] as const) {
      expect((await app.call('PUT', reactionPath(message, emoji), { as })).status).toBe(204);
    }
    const asBob = await app.call<Message>('GET', `/api/v1/channels/${channelId}/messages/${message}`, {
      as: bob,
    });
    expect(asBob.body.reactions).toEqual([
      { emoji: '👍', count: 2, me: true },
      { emoji: '👨‍👩‍👧', count: 1, me: true },
    ]);
    const history = await app.call<Message[]>('GET', `/api/v1/channels/${channelId}/messages`, { as: alice });
    expect(history.body.find((m) => m.id === message)!.reactions).toEqual([
      { emoji: '👍', count: 2, me: true },
      { emoji: '👨‍👩‍👧', count: 1, me: false },
    ]);

    const who = await app.call<{ id: string; username: string }[]>(
      'GET',
      reactionPath(message, '👍', false),
      { as: bob },
    );
    expect(who.status).toBe(200);
    expect(who.body.map((user) => user.username).sort()).toEqual(['alice', 'bob']);
    const firstPage = await app.call<{ id: string }[]>(
      'GET',
      `${reactionPath(message, '👍', false)}?limit=1`,
      { as: bob },
    );
    const secondPage = await app.call<{ id: string }[]>(
      'GET',
      `${reactionPath(message, '👍', false)}?limit=1&after=${firstPage.body[0]!.id}`,
      { as: bob },
    );
    expect([...firstPage.body, ...secondPage.body].map((user) => user.id).sort()).toEqual(
      [alice, bob].sort(),
    );

    expect((await app.call('DELETE', reactionPath(message, '👍'), { as: alice })).status).toBe(204);
    expect((await app.call('DELETE', reactionPath(message, '👍'), { as: alice })).status).toBe(204);

    const events = (
      await fx.events<{ messageId?: string; userId?: string; emoji?: string }>(channelId)
    ).filter((event) => event.type.startsWith('reaction.'));
    expect(events.map((event) => [event.type, event.data.userId, event.data.emoji])).toEqual([
      ['reaction.added', alice, '👍'],
      ['reaction.added', bob, '👍'],
      ['reaction.added', bob, '👨‍👩‍👧'],
      ['reaction.removed', alice, '👍'],
    ]);
  });

  it('refuses what is not one emoji, unknown messages, and a 21st distinct emoji', async () => {
    const message = await fx.send(channelId, alice);
    for (const bad of ['a', ':smile:', '👍👍', '<script>']) {
      const reply = await app.call<{ error: { code: string } }>('PUT', reactionPath(message, bad), {
        as: alice,
      });
      expect(reply.status, bad).toBe(400);
      expect(reply.body.error.code).toBe('INVALID_EMOJI');
    }
    expect((await app.call('PUT', reactionPath('123', '👍'), { as: alice })).status).toBe(404);
    const elsewhere = await fx.send(
      await fx.channel(
        (
          await app.db
            .selectFrom('channels')
            .select('guildId')
            .where('id', '=', channelId)
            .executeTakeFirstOrThrow()
        ).guildId!,
      ),
      alice,
    );
    expect((await app.call('PUT', reactionPath(elsewhere, '👍'), { as: alice })).status).toBe(404);

    const twenty = [
      '😀',
      '😁',
      '😂',
      '🤣',
      '😃',
      '😄',
      '😅',
      '😆',
      '😉',
      '😊',
      '😋',
      '😎',
      '😍',
      '😘',
      '🥰',
      '😗',
      '😙',
      '😚',
      '🙂',
      '🤗',
    ];
    for (const emoji of twenty)
      expect((await app.call('PUT', reactionPath(message, emoji), { as: alice })).status).toBe(204);
    const tooMany = await app.call<{ error: { code: string } }>('PUT', reactionPath(message, '🤩'), {
      as: bob,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('TOO_MANY_REACTIONS');
    // An emoji already on the message can still be added.
    expect((await app.call('PUT', reactionPath(message, '😀'), { as: bob })).status).toBe(204);
  });
});
