import { type Guild, type Member, memberSchema } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, createGuild, createInvite, ok, outboxEvents } from '../guilds/guild-test-kit';
import { ChatTestApp } from '../testing/chat-test-app';
import type { Ban } from './members.dto';

type ErrorReply = { error: { code: string; details?: { field?: string }[] } };

describe('members, kicks and bans', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('pages through members by user id', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    await addMembers(app, guild.id, ownerId, 6);
    const base = `/api/v1/guilds/${guild.id}/members`;
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ok<Member[]>(
        app,
        'GET',
        `${base}?limit=3${after ? `&after=${after}` : ''}`,
        ownerId,
      );
      page.forEach((member) => memberSchema.parse(member));
      seen.push(...page.map((member) => member.userId));
      if (page.length < 3) break;
      after = page.at(-1)!.userId;
    }
    expect(seen).toHaveLength(7);
    expect(seen).toEqual([...seen].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
    expect(new Set(seen).size).toBe(7);
    for (const query of ['limit=0', 'limit=1001', 'after=abc']) {
      const reply = await app.call<ErrorReply>('GET', `${base}?${query}`, { as: ownerId });
      expect(reply.status, query).toBe(400);
    }
    expect((await app.call('GET', `${base}/123`, { as: ownerId })).status).toBe(404);
  });

  it('sets nicknames: own with CHANGE_NICKNAME, empty clears', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const [memberId, otherId] = await addMembers(app, guild.id, ownerId, 2);
    const base = `/api/v1/guilds/${guild.id}/members`;
    expect(await ok<Member>(app, 'PATCH', `${base}/@me`, memberId!, { nickname: '  Sparky ' })).toMatchObject(
      {
        userId: memberId,
        nickname: 'Sparky',
      },
    );
    expect(
      (await ok<Member>(app, 'PATCH', `${base}/${memberId}`, memberId!, { nickname: '' })).nickname,
    ).toBeNull();
    const tooLong = await app.call<ErrorReply>('PATCH', `${base}/@me`, {
      as: memberId,
      body: { nickname: 'x'.repeat(33) },
    });
    expect(tooLong.body.error.details?.[0]?.field).toBe('body.nickname');
    // Someone else's nickname needs MANAGE_NICKNAMES.
    expect(
      (await app.call('PATCH', `${base}/${otherId}`, { as: memberId, body: { nickname: 'x' } })).status,
    ).toBe(403);
    expect(
      (await ok<Member>(app, 'PATCH', `${base}/${otherId}`, ownerId, { nickname: 'Named' })).nickname,
    ).toBe('Named');
  });

  it('kicks, bans (banned users cannot rejoin), unbans', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const invite = await createInvite(app, guild.id, ownerId, { maxAgeSeconds: 0 });
    const [kickedId, bannedId] = await addMembers(app, guild.id, ownerId, 2);
    const base = `/api/v1/guilds/${guild.id}`;

    expect((await app.call('DELETE', `${base}/members/${kickedId}`, { as: ownerId })).status).toBe(204);
    expect((await app.call('GET', base, { as: kickedId })).status).toBe(404);
    expect((await app.call('DELETE', `${base}/members/${kickedId}`, { as: ownerId })).status).toBe(404);
    // A kicked user may come back.
    expect((await app.call<Guild>('POST', `/api/v1/invites/${invite.code}`, { as: kickedId })).status).toBe(
      200,
    );

    expect(
      (await app.call('PUT', `${base}/bans/${bannedId}`, { as: ownerId, body: { reason: 'spam' } })).status,
    ).toBe(204);
    expect((await app.call('GET', base, { as: bannedId })).status).toBe(404);
    const rejoin = await app.call<ErrorReply>('POST', `/api/v1/invites/${invite.code}`, { as: bannedId });
    expect(rejoin.status).toBe(403);
    expect(rejoin.body.error.code).toBe('BANNED');
    const bans = await ok<Ban[]>(app, 'GET', `${base}/bans`, ownerId);
    expect(bans).toEqual([
      expect.objectContaining({ userId: bannedId, reason: 'spam', moderatorId: ownerId }),
    ]);

    // Banning someone who never joined works too; unknown users do not.
    const stranger = await app.createUser();
    expect((await app.call('PUT', `${base}/bans/${stranger}`, { as: ownerId })).status).toBe(204);
    const nobody = await app.call<ErrorReply>('PUT', `${base}/bans/123`, { as: ownerId });
    expect(nobody.body.error.code).toBe('UNKNOWN_USER');
    // The owner cannot be kicked or banned (nor kick themselves).
    expect((await app.call('DELETE', `${base}/members/${ownerId}`, { as: ownerId })).status).toBe(403);

    expect((await app.call('DELETE', `${base}/bans/${bannedId}`, { as: ownerId })).status).toBe(204);
    const again = await app.call<ErrorReply>('DELETE', `${base}/bans/${bannedId}`, { as: ownerId });
    expect(again.body.error.code).toBe('UNKNOWN_BAN');
    expect((await app.call('POST', `/api/v1/invites/${invite.code}`, { as: bannedId })).status).toBe(200);

    const left = (await outboxEvents(app, guild.id)).filter((event) => event.type === 'member.left');
    expect(left.map((event) => event.data['reason'])).toEqual(['kicked', 'banned']);
    // Each removal is also written per channel, keyed by the channel on the messages topic: in the
    // channel's ordered stream it comes before any message sent after it.
    const channels = await ok<{ id: string }[]>(app, 'GET', `${base}/channels`, ownerId);
    expect(channels.length).toBeGreaterThan(0);
    for (const channel of channels) {
      const fences = (await outboxEvents(app, channel.id)).filter((e) => e.type === 'channel.member.left');
      expect(fences.map((e) => [e.topic, e.data])).toEqual(
        [kickedId, bannedId].map((userId) => [
          'chat.messages',
          { guildId: guild.id, channelId: channel.id, userId },
        ]),
      );
    }
  });
});
