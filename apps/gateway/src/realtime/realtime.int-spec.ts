import type { Server } from 'node:http';
import { type AnyEvent, type EventData, type EventType, type RealtimeAck } from '@bonfire/contracts';
import { createEvent, KafkaEventBus } from '@bonfire/messaging';
import { type RunningService } from '@bonfire/platform';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../bootstrap';
import { REALTIME_TOPICS } from './realtime-packet';
import { RealtimeNode } from './realtime-node';
import {
  attempt,
  type Client,
  type FakeGuild,
  id,
  open,
  refused,
  sleep,
  startFakeAuth,
  startFakeChat,
  token,
  url,
} from './realtime.test-kit';

/**
 * The realtime edge on the real Redis and Kafka, two gateway instances in this process, with auth's JWKS
 * and chat's internal routes played by small local servers (the e2e suite runs the real services).
 */

const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
const GROUP = 'gateway.realtime.int-test';

const guildId = id();
const general = id();
const staff = id();
const [alice, bob, carol, dave, eve] = [id(), id(), id(), id(), id()];
/** Who sees what: user → channel ids of the guild (absent: not a member). */
const visible = new Map<string, string[]>([
  [alice, [general, staff]],
  [bob, [general, staff]],
  [carol, [general]],
]);
const guild: FakeGuild = {
  guildId,
  ownerId: alice,
  visible,
  channelNames: { [general]: 'general', [staff]: 'staff' },
};

describe('realtime edge (two gateways, real Redis and Kafka)', () => {
  let chat: Server;
  let auth: Server;
  let gatewayA: RunningService;
  let gatewayB: RunningService;
  let bus: KafkaEventBus;
  let env: NodeJS.ProcessEnv;
  /** Runs between the fake chat's state read and its answer (the snapshot → rooms window). */
  let onStateRead: ((userId: string) => Promise<void>) | undefined;

  function publish<T extends EventType>(type: T, key: string, data: EventData<T>) {
    return bus.publish(createEvent(type, key, data, 'chat') as AnyEvent);
  }

  function message(channelId: string, content: string): EventData<'message.created'> {
    return {
      message: {
        id: id(),
        channelId,
        guildId,
        authorId: alice,
        content,
        nonce: null,
        replyToId: null,
        attachments: [],
        mentions: { userIds: [], roleIds: [], everyone: false },
        pinned: false,
        revision: 0,
        editedAt: null,
        createdAt: new Date().toISOString(),
        reactions: [],
      },
    };
  }

  const contents = (client: Client, channelId?: string) =>
    client
      .of('message.created')
      .map((d) => (d.data as EventData<'message.created'>).message)
      .filter((m) => !channelId || m.channelId === channelId)
      .map((m) => m.content);

  beforeAll(async () => {
    [chat, auth] = await Promise.all([
      startFakeChat(guild, secret, { afterStateRead: (userId) => onStateRead?.(userId) }),
      startFakeAuth(),
    ]);
    bus = new KafkaEventBus({ brokers: process.env['KAFKA_BROKERS']!.split(','), clientId: 'realtime-test' });
    // A brand-new group is pinned to the topics' ends one topic at a time (~5 s each, libs/messaging);
    // joining once up front keeps the gateways' start fast on every later run.
    await (
      await bus.subscribe({ group: GROUP, topics: REALTIME_TOPICS, handler: async () => undefined })
    ).close();
    env = {
      ...process.env,
      GATEWAY_PORT: '0',
      GATEWAY_INTERNAL_PORT: '0',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      AUTH_URL: url(auth),
      CHAT_URL: url(chat),
      REALTIME_CONSUMER_GROUP: GROUP,
      REALTIME_RESUME_WINDOW_SECONDS: '3',
      REALTIME_TYPING_INTERVAL_SECONDS: '2',
    };
    [gatewayA, gatewayB] = await Promise.all([
      startGateway(env, { handleSignals: false }),
      startGateway(env, { handleSignals: false }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await bus?.close();
    await Promise.all([gatewayA?.stop(), gatewayB?.stop()]);
    chat?.close();
    auth?.close();
  });

  it('refuses handshakes without a valid token, with the reason', async () => {
    expect(await refused(gatewayA.url, {})).toBe('TOKEN_MISSING');
    expect(await refused(gatewayA.url, { token: 'not-a-jwt' })).toBe('TOKEN_INVALID');
    expect(await refused(gatewayA.url, { token: await token(alice, -60) })).toBe('TOKEN_EXPIRED');
  });

  it('holds the per-user connection cap against parallel handshakes spread over both gateways', async () => {
    const tokens = await Promise.all(Array.from({ length: 10 + 10 }, () => token(dave)));
    const outcomes = await Promise.all(
      tokens.map((daveToken, n) => attempt((n % 2 ? gatewayA : gatewayB).url, { token: daveToken })),
    );
    const held = outcomes.flatMap((outcome) => ('client' in outcome ? [outcome.client] : []));
    const refusals = outcomes.flatMap((outcome) => ('refusal' in outcome ? [outcome.refusal] : []));
    expect(held).toHaveLength(10);
    expect(refusals).toEqual(Array(10).fill('TOO_MANY_CONNECTIONS'));
    expect(await refused(gatewayA.url, { token: await token(dave) })).toBe('TOO_MANY_CONNECTIONS');
    // A closed connection frees its place, whichever gateway held it (once its disconnect arrived there;
    // few, spaced retries: each is a handshake, counted against the per-minute limit).
    held.pop()!.close();
    let again: Awaited<ReturnType<typeof attempt>> = { refusal: 'not tried' };
    for (let n = 0; n < 15 && 'refusal' in again; n++) {
      await sleep(300);
      again = await attempt(gatewayA.url, { token: await token(dave) });
    }
    expect(again).toHaveProperty('client');
    if ('client' in again) held.push(again.client);
    for (const client of held) client.close();
  });

  it('answers a flood of events RATE_LIMITED and closes a connection that keeps flooding', async () => {
    const client = await open(gatewayA.url, { token: await token(carol) });
    const idle = (value: boolean) =>
      client.socket.timeout(2_000).emitWithAck('presence.idle', { idle: value }) as Promise<RealtimeAck>;
    // Ordinary use (a burst of 20, then a few a second) is never limited.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, n) => idle(n % 2 === 0)));
    expect(burst).toEqual(Array(20).fill({ ok: true }));
    await sleep(1_000);
    for (let n = 0; n < 4; n++) expect(await idle(false)).toEqual({ ok: true });
    // A flood: refused with a stable code, then the connection is closed with a reason.
    const flood = await Promise.all(
      Array.from({ length: 60 }, () => idle(true).catch(() => 'no answer' as const)),
    );
    expect(flood.filter((answer) => answer !== 'no answer' && !answer.ok)[0]).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    });
    await until(() => !client.socket.connected, 5_000);
    expect(client.signals).toContainEqual({ name: 'reconnect', payload: { reason: 'RATE_LIMITED' } });
    // Unknown events and payloads the protocol does not have are answered, never left hanging.
    const fresh = await open(gatewayA.url, { token: await token(carol) });
    const ask = (event: string, ...args: unknown[]) =>
      fresh.socket.timeout(2_000).emitWithAck(event, ...args) as Promise<RealtimeAck>;
    expect(await ask('no.such.event', {})).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(await ask('typing.start')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(await ask('typing.start', { channelId: '99999999999999999999' })).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
    });
    expect(await ask('presence.idle', 'yes', 'extra')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    fresh.close();
  });

  it('sends ready with the state from chat and a session id', async () => {
    const client = await open(gatewayA.url, { token: await token(carol) });
    expect(client.ready).toMatchObject({ seq: 0, user: { id: carol }, resumeWindowSeconds: 3 });
    expect(client.ready!.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.ready!.guilds[0]!.channels.map((c) => c.id)).toEqual([general]);
    // The connection does not keep the token it was opened with.
    const held = [...gatewayA.app.get(RealtimeNode).sockets()].find(
      (socket) => socket.data.identity.userId === carol,
    );
    expect(held?.handshake.auth).toEqual({});
    client.close();
  });

  it('fans an event out once to every allowed client on both gateways, in order', async () => {
    const a = await open(gatewayA.url, { token: await token(alice) });
    const b = await open(gatewayB.url, { token: await token(bob) });
    const c = await open(gatewayB.url, { token: await token(carol) });
    const d = await open(gatewayA.url, { token: await token(dave) });
    // the consumer group may still be settling: retry the first message until it arrives
    await publish('message.created', general, message(general, 'warmup'));
    await until(() => contents(b).includes('warmup'), 20_000);
    for (let i = 0; i < 5; i++) await publish('message.created', staff, message(staff, `staff-${i}`));
    await publish('message.created', general, message(general, 'hello'));
    await until(
      () => contents(a).includes('hello') && contents(b).includes('hello') && contents(c).includes('hello'),
    );
    await sleep(300);
    for (const client of [a, b]) {
      // One channel's events keep their order (one Kafka key); sequence numbers have no gaps.
      expect(contents(client, staff)).toEqual(['staff-0', 'staff-1', 'staff-2', 'staff-3', 'staff-4']);
      expect(contents(client, general)).toEqual(['warmup', 'hello']);
      expect(client.dispatches.map((dispatch) => dispatch.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
    expect(contents(c)).toEqual(['warmup', 'hello']);
    expect(d.dispatches).toEqual([]);
    for (const client of [a, b, c, d]) client.close();
  });

  it('a brand-new session gets what was published between its snapshot and its rooms, exactly once', async () => {
    const a = await open(gatewayA.url, { token: await token(alice) });
    await publish('message.created', general, message(general, 'window-warmup'));
    await until(() => contents(a).includes('window-warmup'), 20_000);
    const generalChannel = a.ready!.guilds[0]!.channels.find((channel) => channel.id === general)!;
    visible.set(eve, [general]);
    // The window held open: eve's state is read, then (before chat answers) a channel.created the
    // snapshot already shows and a message it cannot show are published and processed by eve's gateway
    // (alice, on the same gateway, has them).
    onStateRead = async (userId) => {
      if (userId !== eve) return;
      onStateRead = undefined;
      await publish('channel.created', general, { channel: generalChannel });
      await publish('message.created', general, message(general, 'in-the-window'));
      await until(() => contents(a).includes('in-the-window'), 20_000);
    };
    const e = await open(gatewayA.url, { token: await token(eve) });
    expect(e.ready!.guilds[0]!.channels.map((channel) => channel.id)).toEqual([general]);
    await publish('message.created', general, message(general, 'after-ready'));
    await until(() => contents(e).includes('after-ready'));
    await sleep(300);
    expect(contents(e)).toEqual(['in-the-window', 'after-ready']);
    expect(e.of('channel.created')).toEqual([]);
    expect(e.dispatches.map((dispatch) => dispatch.seq)).toEqual([1, 2]);
    visible.delete(eve);
    for (const client of [a, e]) client.close();
  });

  it('sends typing to the others in the channel, not the sender, rate-limited, not to those who cannot see', async () => {
    const a = await open(gatewayA.url, { token: await token(alice) });
    const b = await open(gatewayB.url, { token: await token(bob) });
    const c = await open(gatewayB.url, { token: await token(carol) });
    const first = (await a.socket.emitWithAck('typing.start', { channelId: staff })) as RealtimeAck;
    expect(first).toEqual({ ok: true });
    await until(() => b.of('typing.started').length === 1);
    expect(b.of('typing.started')[0]).toMatchObject({ seq: null, data: { channelId: staff, userId: alice } });
    const again = (await a.socket.emitWithAck('typing.start', { channelId: staff })) as RealtimeAck;
    expect(again).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    const hidden = (await c.socket.emitWithAck('typing.start', { channelId: staff })) as RealtimeAck;
    expect(hidden).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    await sleep(300);
    expect(a.of('typing.started')).toEqual([]);
    expect(c.of('typing.started')).toEqual([]);
    for (const client of [a, b, c]) client.close();
  });

  it('applies permission changes at once: lost VIEW_CHANNEL, kicks, joins', async () => {
    const a = await open(gatewayA.url, { token: await token(alice) });
    const b = await open(gatewayB.url, { token: await token(bob) });
    const d = await open(gatewayB.url, { token: await token(dave) });
    // bob's role loses staff
    visible.set(bob, [general]);
    await publish('member.updated', guildId, {
      member: { guildId, userId: bob, nickname: null, roleIds: [], joinedAt: new Date().toISOString() },
    });
    // Events on different topics have no order between them: wait until the change is delivered.
    await until(() => b.of('member.updated').length === 1 && a.of('member.updated').length === 1);
    await publish('message.created', staff, message(staff, 'secret-1'));
    // dave joins
    visible.set(dave, [general]);
    await publish('member.joined', guildId, {
      member: { guildId, userId: dave, nickname: null, roleIds: [], joinedAt: new Date().toISOString() },
    });
    await until(() => d.of('member.joined').length === 1);
    await publish('message.created', general, message(general, 'welcome'));
    await until(() => contents(d).includes('welcome') && contents(b).includes('welcome'));
    expect(contents(a)).toEqual(['secret-1', 'welcome']);
    expect(contents(b)).toEqual(['welcome']);
    expect(d.of('member.joined')).toHaveLength(1);
    // bob is kicked
    visible.delete(bob);
    await publish('member.left', guildId, { guildId, userId: bob, reason: 'kicked' });
    await until(() => a.of('member.left').length === 1 && b.of('member.left').length === 1);
    await publish('message.created', general, message(general, 'after-kick'));
    await until(() => contents(a).includes('after-kick') && contents(d).includes('after-kick'));
    await sleep(300);
    expect(contents(b)).toEqual(['welcome']);
    expect(b.of('member.left')).toHaveLength(1);
    visible.set(bob, [general, staff]);
    visible.delete(dave);
    for (const client of [a, b, d]) client.close();
  });

  it('a message sent after a kick never reaches the kicked user, even when member.left comes late', async () => {
    const a = await open(gatewayA.url, { token: await token(alice) });
    const b = await open(gatewayB.url, { token: await token(bob) });
    const b2 = await open(gatewayA.url, { token: await token(bob) });
    await publish('message.created', general, message(general, 'before-kick'));
    await until(() => [a, b, b2].every((client) => contents(client).includes('before-kick')), 20_000);
    // Chat writes the kick as member.left (key: the guild, chat.members) and channel.member.left per
    // channel (key: the channel, chat.messages). Here member.left is held back until the message sent
    // after the kick has reached everyone else: the message overtakes it, as it can across topics.
    visible.delete(bob);
    await publish('channel.member.left', general, { guildId, channelId: general, userId: bob });
    await publish('channel.member.left', staff, { guildId, channelId: staff, userId: bob });
    await publish('message.created', general, message(general, 'after-kick'));
    await publish('message.created', staff, message(staff, 'after-kick-staff'));
    await until(() => contents(a).includes('after-kick') && contents(a).includes('after-kick-staff'));
    await publish('member.left', guildId, { guildId, userId: bob, reason: 'kicked' });
    await until(() => b.of('member.left').length === 1 && b2.of('member.left').length === 1);
    await sleep(300);
    for (const kicked of [b, b2]) {
      expect(contents(kicked)).toEqual(['before-kick']);
      expect(kicked.dispatches.map((dispatch) => dispatch.type)).toEqual(['message.created', 'member.left']);
    }
    visible.set(bob, [general, staff]);
    for (const client of [a, b, b2]) client.close();
  });

  it('resumes on the other gateway with exactly the missed events, in order, then the live stream', async () => {
    const a = await open(gatewayA.url, { token: await token(alice) });
    await publish('message.created', general, message(general, 'before'));
    await until(() => contents(a).includes('before'));
    const { sessionId } = a.ready!;
    const lastSeq = a.lastSeq;
    a.close();
    for (let i = 0; i < 5; i++) await publish('message.created', general, message(general, `missed-${i}`));
    await sleep(500);
    const resumed = await open(gatewayB.url, { token: await token(alice), sessionId, lastSeq });
    expect(resumed.signals[0]).toMatchObject({ name: 'resumed', payload: { sessionId, replayed: 5 } });
    await publish('message.created', general, message(general, 'live'));
    await until(() => contents(resumed).includes('live'));
    await sleep(300);
    expect(contents(resumed)).toEqual(['missed-0', 'missed-1', 'missed-2', 'missed-3', 'missed-4', 'live']);
    expect(resumed.dispatches.map((dispatch) => dispatch.seq)).toEqual(
      Array.from({ length: 6 }, (_, index) => lastSeq + 1 + index),
    );
    resumed.close();
  });

  it('protocol 2: live dispatches come unnumbered, the client counts them and resumes from its count', async () => {
    const counting = await open(gatewayA.url, { token: await token(alice), protocol: 2 });
    const numbered = await open(gatewayB.url, { token: await token(bob) });
    expect(counting.ready).toMatchObject({ seq: 0, protocol: 2 });
    expect(numbered.ready!.protocol).toBe(1);
    for (let i = 0; i < 3; i++) await publish('message.created', general, message(general, `counted-${i}`));
    await until(() => contents(counting).includes('counted-2') && contents(numbered).includes('counted-2'));
    expect(contents(counting)).toEqual(['counted-0', 'counted-1', 'counted-2']);
    expect(counting.dispatches.map((dispatch) => dispatch.seq)).toEqual([undefined, undefined, undefined]);
    expect(counting.counted()).toEqual([1, 2, 3]);
    expect(numbered.dispatches.map((dispatch) => dispatch.seq)).toEqual([1, 2, 3]);
    const { sessionId } = counting.ready!;
    counting.close();
    numbered.close();
    for (let i = 0; i < 2; i++) await publish('message.created', general, message(general, `missed-${i}`));
    await sleep(500);
    const resumed = await open(gatewayB.url, {
      token: await token(alice),
      sessionId,
      lastSeq: 3,
      protocol: 2,
    });
    expect(resumed.signals[0]).toMatchObject({
      name: 'resumed',
      payload: { sessionId, protocol: 2, replayed: 2 },
    });
    await publish('message.created', general, message(general, 'live'));
    await until(() => contents(resumed).includes('live'));
    await sleep(300);
    expect(contents(resumed)).toEqual(['missed-0', 'missed-1', 'live']);
    expect(resumed.counted(3)).toEqual([4, 5, 6]);
    resumed.close();
  });

  it('a gateway that shuts down sends its clients elsewhere, and they resume without loss', async () => {
    const gatewayC = await startGateway(env, { handleSignals: false });
    const first = await open(gatewayC.url, { token: await token(alice) });
    const { sessionId } = first.ready!;
    let second: Client | undefined;
    first.socket.on('disconnect', () => {
      void token(alice).then(async (fresh) => {
        second = await open(gatewayA.url, { token: fresh, sessionId, lastSeq: first.lastSeq });
      });
    });
    const sent: string[] = [];
    const publishing = (async () => {
      for (let i = 0; i < 30; i++) {
        sent.push(`wave-${i}`);
        await publish('message.created', general, message(general, `wave-${i}`));
        await sleep(40);
      }
    })();
    await until(() => contents(first).length >= 5);
    const stopping = gatewayC.stop();
    await publishing;
    await stopping;
    await until(() => second !== undefined && contents(second).includes('wave-29'), 20_000);
    await sleep(300);
    expect(first.signals.map((signal) => signal.name)).toContain('reconnect');
    expect([...contents(first), ...contents(second!)]).toEqual(sent);
    const seqs = [...first.dispatches, ...second!.dispatches].map((dispatch) => dispatch.seq);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    second!.close();
  });

  it('answers resync and a fresh ready for an unknown or expired session, or another user', async () => {
    const unknown = await open(gatewayA.url, { token: await token(alice), sessionId: 'nope', lastSeq: 3 });
    expect(unknown.signals.map((s) => s.name)).toEqual(['resync', 'ready']);
    expect(unknown.signals[0]!.payload).toEqual({ reason: 'SESSION_UNKNOWN' });
    const { sessionId } = unknown.ready!;
    unknown.close();
    const other = await open(gatewayB.url, { token: await token(bob), sessionId, lastSeq: 0 });
    expect(other.signals[0]!.payload).toEqual({ reason: 'SESSION_USER_MISMATCH' });
    other.close();
    await sleep(3_500); // the window is 3 s in this suite
    const expired = await open(gatewayB.url, { token: await token(alice), sessionId, lastSeq: 0 });
    expect(expired.signals[0]!.payload).toEqual({ reason: 'SESSION_UNKNOWN' });
    expired.close();
  });

  it('takes a refreshed token of the same user and closes sockets whose token expired', async () => {
    const client = await open(gatewayA.url, { token: await token(carol, 2) });
    const mismatch = (await client.socket.emitWithAck('auth.refresh', {
      token: await token(bob),
    })) as RealtimeAck;
    expect(mismatch).toMatchObject({ ok: false, code: 'USER_MISMATCH' });
    const refreshed = (await client.socket.emitWithAck('auth.refresh', {
      token: await token(carol, 600),
    })) as RealtimeAck;
    expect(refreshed).toEqual({ ok: true });
    await sleep(2_500);
    expect(client.socket.connected).toBe(true);
    client.close();

    const lapsing = await open(gatewayA.url, { token: await token(carol, 1) });
    await until(() => !lapsing.socket.connected, 5_000);
    expect(lapsing.signals.map((s) => s.name)).toContain('auth.expired');
  });
});
