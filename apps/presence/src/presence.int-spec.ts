import { randomBytes, randomInt } from 'node:crypto';
import { type AnyEvent, type EventData, TOPICS } from '@bonfire/contracts';
import { createEvent, KafkaEventBus, type Subscription } from '@bonfire/messaging';
import { Redis } from '@bonfire/platform';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresenceTestApp } from './testing/presence-test-app';

/**
 * Presence in-process on the real Redis and Kafka. The test plays the gateways (it calls the internal
 * routes as a gateway would) and watches presence.updates.
 */

const TTL_SECONDS = 3;
const snowflake = () => String(BigInt(Date.now()) * 4_194_304n + BigInt(randomInt(4_194_304)));

type Updated = EventData<'presence.updated'>;

describe('presence service (real Redis + Kafka)', () => {
  let app: PresenceTestApp;
  let bus: KafkaEventBus;
  let subscription: Subscription;
  const updates: Updated[] = [];
  const gateway = (name: string) => `gw-${name}-${randomBytes(3).toString('hex')}`;

  const report = (gatewayId: string, events: { type: string; connectionId: string; userId: string }[]) =>
    app.call('POST', `/internal/v1/presence/gateways/${gatewayId}/report`, { body: { events }, as: '0' });
  const heartbeat = (
    gatewayId: string,
    connections: { connectionId: string; userId: string; idle?: boolean }[],
  ) =>
    app.call('POST', `/internal/v1/presence/gateways/${gatewayId}/heartbeat`, {
      body: { connections },
      as: '0',
    });
  const seenBy = async (viewer: string, userId: string) => {
    const reply = await app.call<{ status: string }[]>('GET', `/api/v1/presences?userIds=${userId}`, {
      as: viewer,
    });
    expect(reply.status).toBe(200);
    return reply.body[0]!.status;
  };
  const project = (type: 'member.joined', guildId: string, userId: string) =>
    app.projection.apply(
      createEvent(
        type,
        guildId,
        {
          member: {
            guildId,
            userId,
            nickname: null,
            roleIds: [],
            joinedAt: new Date().toISOString(),
          },
        } as EventData<'member.joined'>,
        'chat',
      ) as AnyEvent,
    );

  beforeAll(async () => {
    app = await PresenceTestApp.start({
      PRESENCE_KEY_PREFIX: `presence-test-${randomBytes(4).toString('hex')}`,
      PRESENCE_GATEWAY_TTL_SECONDS: String(TTL_SECONDS),
      PRESENCE_SWEEP_INTERVAL_MS: '500',
      PRESENCE_PROJECTION_ENABLED: 'true',
      PRESENCE_PROJECTION_START_FROM: 'latest',
      PRESENCE_CONSUMER_GROUP: `presence.projection.test-${randomBytes(4).toString('hex')}`,
    });
    bus = new KafkaEventBus({ brokers: process.env['KAFKA_BROKERS']!.split(','), clientId: 'presence-test' });
    subscription = await bus.subscribe({
      group: `presence-test-${randomBytes(4).toString('hex')}`,
      topics: [TOPICS.presenceUpdates],
      startFrom: 'latest',
      handler: async (event) => {
        if (event.type === 'presence.updated') updates.push(event.data);
      },
    });
  });

  afterAll(async () => {
    await subscription?.close();
    await bus?.close();
    await app?.stop();
  });

  it('aggregates several devices on several gateways (Discord rules)', async () => {
    const [alice, bob] = [snowflake(), snowflake()];
    const guildId = snowflake();
    await project('member.joined', guildId, alice);
    await project('member.joined', guildId, bob);
    const [a, b] = [gateway('a'), gateway('b')];
    expect((await report(a, [{ type: 'connect', connectionId: 'phone', userId: alice }])).status).toBe(204);
    await report(b, [{ type: 'connect', connectionId: 'desktop', userId: alice }]);
    expect(await seenBy(bob, alice)).toBe('online');

    await report(a, [{ type: 'idle', connectionId: 'phone', userId: alice }]);
    expect(await seenBy(bob, alice)).toBe('online'); // the desktop is still active
    await report(b, [{ type: 'idle', connectionId: 'desktop', userId: alice }]);
    expect(await seenBy(bob, alice)).toBe('idle');

    await app.call('PATCH', '/api/v1/users/@me/presence', { as: alice, body: { status: 'dnd' } });
    expect(await seenBy(bob, alice)).toBe('dnd');
    await report(b, [{ type: 'active', connectionId: 'desktop', userId: alice }]);
    expect(await seenBy(bob, alice)).toBe('dnd'); // a chosen dnd wins

    await report(a, [{ type: 'disconnect', connectionId: 'phone', userId: alice }]);
    expect(await seenBy(bob, alice)).toBe('dnd'); // still present on the desktop
    await report(b, [{ type: 'disconnect', connectionId: 'desktop', userId: alice }]);
    expect(await seenBy(bob, alice)).toBe('offline');
  });

  it('invisible: others see offline, the user sees invisible; custom status validated and hidden', async () => {
    const [carol, dave] = [snowflake(), snowflake()];
    const guildId = snowflake();
    await project('member.joined', guildId, carol);
    await project('member.joined', guildId, dave);
    const gw = gateway('c');
    await report(gw, [{ type: 'connect', connectionId: 'c1', userId: carol }]);
    const tooLong = await app.call('PATCH', '/api/v1/users/@me/presence', {
      as: carol,
      body: { customStatus: { text: 'x'.repeat(129) } },
    });
    expect(tooLong.status).toBe(400);
    const set = await app.call<{ status: string; customStatus: { text: string } | null }>(
      'PATCH',
      '/api/v1/users/@me/presence',
      { as: carol, body: { status: 'invisible', customStatus: { text: 'hiding', emoji: '🙈' } } },
    );
    expect(set.body).toMatchObject({ status: 'invisible', customStatus: { text: 'hiding' } });
    expect(await seenBy(dave, carol)).toBe('offline');
    expect(await seenBy(carol, carol)).toBe('invisible');
    const asDave = await app.call<{ customStatus: unknown }[]>('GET', `/api/v1/presences?userIds=${carol}`, {
      as: dave,
    });
    expect(asDave.body[0]!.customStatus).toBeNull();
    await until(() => updates.some((u) => u.userId === carol && u.self.status === 'invisible'));
    const event = updates.find((u) => u.userId === carol && u.self.status === 'invisible')!;
    expect(event.status).toBe('offline');
    expect(event.customStatus).toBeNull();
    await report(gw, [{ type: 'disconnect', connectionId: 'c1', userId: carol }]);
  });

  it('publishes presence.updated with the audience: shared guilds and DM partners; strangers see offline', async () => {
    const [erin, frank, grace, stranger] = [snowflake(), snowflake(), snowflake(), snowflake()];
    const [g1, g2] = [snowflake(), snowflake()];
    await project('member.joined', g1, erin);
    await project('member.joined', g1, frank);
    await project('member.joined', g2, erin);
    await app.projection.apply(
      createEvent(
        'channel.created',
        '1',
        {
          channel: {
            id: snowflake(),
            type: 'dm',
            guildId: null,
            name: null,
            topic: null,
            position: 0,
            parentId: null,
            slowmodeSeconds: 0,
            userLimit: null,
            permissionOverwrites: [],
            recipientIds: [erin, grace],
            ownerId: null,
            lastMessageId: null,
            createdAt: new Date().toISOString(),
          },
        } as EventData<'channel.created'>,
        'chat',
      ) as AnyEvent,
    );
    const gw = gateway('d');
    await report(gw, [{ type: 'connect', connectionId: 'e1', userId: erin }]);
    await until(() => updates.some((u) => u.userId === erin && u.status === 'online'));
    const event = updates.find((u) => u.userId === erin && u.status === 'online')!;
    expect(event.guildIds.sort()).toEqual([g1, g2].sort());
    expect(event.dmUserIds).toEqual([grace]);
    expect(await seenBy(frank, erin)).toBe('online');
    expect(await seenBy(grace, erin)).toBe('online');
    expect(await seenBy(stranger, erin)).toBe('offline');

    // A guild's online members in one read.
    const guild = await app.call<{ userId: string }[]>('GET', `/api/v1/presences/guilds/${g1}`, {
      as: frank,
    });
    expect(guild.body.map((p) => p.userId)).toEqual([erin]);
    expect((await app.call('GET', `/api/v1/presences/guilds/${g1}`, { as: stranger })).status).toBe(404);
    // Batches are capped at 200 ids.
    const ids = Array.from({ length: 201 }, () => snowflake()).join(',');
    expect((await app.call('GET', `/api/v1/presences?userIds=${ids}`, { as: frank })).status).toBe(400);
    await report(gw, [{ type: 'disconnect', connectionId: 'e1', userId: erin }]);
  });

  it('blocks hide presence from the blocked (reads, guild lists, ready, live); friends see it', async () => {
    const [ann, ben, cal] = [snowflake(), snowflake(), snowflake()];
    const guildId = snowflake();
    await project('member.joined', guildId, ann);
    await project('member.joined', guildId, ben);
    const user = (id: string) => ({
      id,
      username: `u${id}`,
      displayName: null,
      avatarFileId: null,
      bot: false,
    });
    const relate = (userId: string, targetId: string, type: 'friend' | 'blocked' | null) =>
      app.projection.apply(
        (type === null
          ? createEvent('relationship.removed', '1', { userId, id: targetId, type: 'blocked' }, 'chat')
          : createEvent(
              'relationship.added',
              '1',
              {
                userId,
                relationship: { id: targetId, type, user: user(targetId), since: new Date().toISOString() },
              },
              'chat',
            )) as AnyEvent,
      );
    await relate(ann, cal, 'friend');
    await relate(cal, ann, 'friend');
    await relate(ann, ben, 'blocked');

    const gw = gateway('r');
    await report(gw, [{ type: 'connect', connectionId: 'r1', userId: ann }]);
    await until(() =>
      updates.some((u) => u.userId === ann && u.status === 'online' && u.guildIds.length > 0),
    );
    const event = updates.find((u) => u.userId === ann && u.status === 'online' && u.guildIds.length > 0)!;
    expect(event.guildIds).toEqual([guildId]);
    expect(event.dmUserIds).toEqual([cal]);
    expect(event.hiddenFromUserIds).toEqual([ben]);
    expect(await seenBy(cal, ann)).toBe('online'); // a friend, sharing nothing else
    expect(await seenBy(ben, ann)).toBe('offline');
    expect(await seenBy(ann, ben)).toBe('offline'); // ben is simply not connected
    const guild = await app.call<{ userId: string }[]>('GET', `/api/v1/presences/guilds/${guildId}`, {
      as: ben,
    });
    expect(guild.body).toEqual([]);
    // `ready` for two handshakes in one call: the blocked viewer sees ann offline, the friend online.
    const ready = await app.call<{
      answers: { presences: { userId: string }[]; self: { status: string } }[];
    }>('POST', '/internal/v1/presence/ready', {
      as: '0',
      body: {
        queries: [
          { userId: ben, userIds: [ann] },
          { userId: cal, userIds: [ann, cal] },
        ],
      },
    });
    expect(ready.status).toBe(200);
    expect(ready.body.answers.map((answer) => answer.presences.map((presence) => presence.userId))).toEqual([
      [],
      [ann],
    ]);
    expect(ready.body.answers.map((answer) => answer.self.status)).toEqual(['offline', 'offline']);
    const empty = await app.call<{ error: { code: string; details?: { field: string }[] } }>(
      'POST',
      '/internal/v1/presence/ready',
      { as: '0', body: { queries: [] } },
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    expect(empty.body.error.details?.map((detail) => detail.field)).toContain('body.queries');

    // Unblocking pushes ann's presence to ben alone, and reads show it again.
    const pushedTo = (status: string) => (u: Updated) =>
      u.userId === ann && u.guildIds.length === 0 && u.dmUserIds.join() === ben && u.status === status;
    await relate(ann, ben, null);
    await until(() => updates.some(pushedTo('online')));
    expect(await seenBy(ben, ann)).toBe('online');
    // Blocking again pushes offline to ben.
    const offlineBefore = updates.filter(pushedTo('offline')).length;
    await relate(ann, ben, 'blocked');
    await until(() => updates.filter(pushedTo('offline')).length > offlineBefore);
    expect(await seenBy(ben, ann)).toBe('offline');
    await report(gw, [{ type: 'disconnect', connectionId: 'r1', userId: ann }]);
  });

  it('a gateway that stops heartbeating takes its users offline within the TTL', async () => {
    const [henry, ivy] = [snowflake(), snowflake()];
    const guildId = snowflake();
    await project('member.joined', guildId, henry);
    await project('member.joined', guildId, ivy);
    const [dying, living] = [gateway('dying'), gateway('living')];
    await heartbeat(dying, [{ connectionId: 'h1', userId: henry }]);
    await heartbeat(living, [{ connectionId: 'i1', userId: ivy }]);
    expect(await seenBy(ivy, henry)).toBe('online');
    const stoppedAt = Date.now();
    const keepAlive = setInterval(() => void heartbeat(living, [{ connectionId: 'i1', userId: ivy }]), 1_000);
    try {
      await until(async () => (await seenBy(ivy, henry)) === 'offline', (TTL_SECONDS + 5) * 1_000);
      expect(Date.now() - stoppedAt).toBeLessThan((TTL_SECONDS + 2) * 1_000);
      expect(await seenBy(henry, ivy)).toBe('online'); // the living gateway's users stay
      await until(() => updates.some((u) => u.userId === henry && u.status === 'offline'));
    } finally {
      clearInterval(keepAlive);
    }
  });
});

describe('presence after a Redis restart (dedicated database index)', () => {
  it('is rebuilt from the next gateway heartbeat', async () => {
    const base = new URL(process.env['REDIS_URL']!);
    base.pathname = '/7';
    const app = await PresenceTestApp.start({
      REDIS_URL: base.toString(),
      PRESENCE_SWEEP_INTERVAL_MS: '500',
    });
    const redis = new Redis(base.toString());
    const gatewayId = `gw-${randomBytes(3).toString('hex')}`;
    const user = snowflake();
    const beat = () =>
      app.call('POST', `/internal/v1/presence/gateways/${gatewayId}/heartbeat`, {
        as: '0',
        body: { connections: [{ connectionId: 'x1', userId: user }] },
      });
    const self = async () =>
      (await app.call<{ status: string }[]>('GET', `/api/v1/presences?userIds=${user}`, { as: user }))
        .body[0]!.status;
    try {
      await beat();
      expect(await self()).toBe('online');
      await redis.flushdb();
      expect(await self()).toBe('offline');
      // The gateway's heartbeat (every 20 s in production; 1 s here) re-sends its connection list.
      const timer = setInterval(() => void beat(), 1_000);
      const flushedAt = Date.now();
      try {
        await until(async () => (await self()) === 'online', 30_000);
      } finally {
        clearInterval(timer);
      }
      expect(Date.now() - flushedAt).toBeLessThan(30_000);
    } finally {
      await redis.flushdb();
      redis.disconnect();
      await app.stop();
    }
  });
});
