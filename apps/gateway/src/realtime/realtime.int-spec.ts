import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AnyEvent,
  type Channel,
  type Dispatch,
  type EventData,
  type EventType,
  PERMISSIONS,
  REALTIME_PATH,
  type RealtimeAck,
  type RealtimeState,
  type ReadyPayload,
} from '@bonfire/contracts';
import { createEvent, KafkaEventBus } from '@bonfire/messaging';
import { IDENTITY_HEADER, type RunningService, verifyIdentity, until } from '@bonfire/platform';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../bootstrap';
import { REALTIME_TOPICS } from './event-routing';

/**
 * The realtime edge on the real Redis and Kafka, two gateway instances in this process, with auth's JWKS
 * and chat's internal routes played by small local servers (the e2e suite runs the real services).
 */

const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
const GROUP = 'gateway.realtime.int-test';
let counter = 0n;
const id = () => String(BigInt(Date.now()) * 4_194_304n + (counter += 1n));

// ------------------------------------------------------------------ fake auth (JWKS + tokens)
const keyPair = generateKeyPair('EdDSA', { crv: 'Ed25519' });
const kid = randomBytes(4).toString('hex');
async function token(userId: string, expiresInSeconds = 600): Promise<string> {
  return new SignJWT({ sid: `s-${userId}` })
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setSubject(userId)
    .setIssuer('bonfire')
    .setAudience('bonfire-api')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign((await keyPair).privateKey);
}

// ------------------------------------------------------------------ fake chat
const guildId = id();
const general = id();
const staff = id();
const [alice, bob, carol, dave] = [id(), id(), id(), id()];
/** Who sees what: user → channel ids of the guild (absent: not a member). */
const visible = new Map<string, string[]>([
  [alice, [general, staff]],
  [bob, [general, staff]],
  [carol, [general]],
]);

function channelDto(channelId: string, name: string): Channel {
  return {
    id: channelId,
    type: 'text',
    guildId,
    name,
    topic: null,
    position: 0,
    parentId: null,
    slowmodeSeconds: 0,
    userLimit: null,
    permissionOverwrites: [],
    recipientIds: [],
    ownerId: null,
    lastMessageId: null,
    createdAt: new Date().toISOString(),
  };
}

function stateOf(userId: string): RealtimeState {
  const channels = visible.get(userId);
  return {
    user: { id: userId },
    guilds: channels
      ? [
          {
            guild: {
              id: guildId,
              name: 'Camp',
              iconFileId: null,
              description: null,
              ownerId: alice,
              createdAt: new Date().toISOString(),
            },
            roles: [],
            member: { guildId, userId, nickname: null, roleIds: [], joinedAt: new Date().toISOString() },
            channels: channels.map((channelId) =>
              channelDto(channelId, channelId === general ? 'general' : 'staff'),
            ),
            members: { userIds: [...visible.keys()], total: visible.size },
          },
        ]
      : [],
    dms: [],
    readStates: [],
  };
}

function startFakeChat(): Promise<Server> {
  const server = createServer((req, res) => {
    const caller = verifyIdentity(secret, req.headers[IDENTITY_HEADER] as string | undefined);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!caller) return reply(401, {});
    const path = req.url ?? '';
    if (path === '/internal/v1/realtime/state') return reply(200, stateOf(caller.userId));
    const guild = /^\/internal\/v1\/realtime\/guilds\/(\d+)\/visible-channels$/.exec(path);
    if (guild) {
      const channels = visible.get(caller.userId);
      return channels ? reply(200, { guildId: guild[1], channelIds: channels }) : reply(404, {});
    }
    const channel = /^\/internal\/v1\/realtime\/channels\/(\d+)\/permissions$/.exec(path);
    if (channel) {
      return visible.get(caller.userId)?.includes(channel[1]!)
        ? reply(200, {
            channelId: channel[1],
            guildId,
            permissions: String(PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES),
          })
        : reply(404, {});
    }
    reply(404, {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function startFakeAuth(): Promise<Server> {
  const server = createServer((req, res) => {
    void keyPair.then(async (keys) => {
      const jwk = await exportJWK(keys.publicKey);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [{ ...jwk, kid, alg: 'EdDSA', use: 'sig' }] }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const url = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ------------------------------------------------------------------ clients

class Client {
  readonly dispatches: Dispatch[] = [];
  readonly signals: { name: string; payload: unknown }[] = [];
  ready?: ReadyPayload;
  constructor(readonly socket: Socket) {
    socket.on('dispatch', (dispatch: Dispatch) => this.dispatches.push(dispatch));
    socket.on('ready', (ready: ReadyPayload) => (this.ready = ready));
    socket.onAny((name: string, payload: unknown) => {
      if (name !== 'dispatch') this.signals.push({ name, payload });
    });
  }

  get lastSeq(): number {
    return this.dispatches.reduce((max, d) => (d.seq !== null && d.seq > max ? d.seq : max), 0);
  }

  of(type: string): Dispatch[] {
    return this.dispatches.filter((dispatch) => dispatch.type === type);
  }

  close(): void {
    this.socket.disconnect();
  }
}

function open(base: string, auth: Record<string, unknown>): Promise<Client> {
  const socket = connect(base, { path: REALTIME_PATH, transports: ['websocket'], auth, reconnection: false });
  const client = new Client(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => reject(error));
    const done = () => resolve(client);
    socket.once('ready', done);
    socket.once('resumed', done);
  });
}

function refused(base: string, auth: Record<string, unknown>): Promise<string> {
  const socket = connect(base, { path: REALTIME_PATH, transports: ['websocket'], auth, reconnection: false });
  return new Promise((resolve) =>
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('realtime edge (two gateways, real Redis and Kafka)', () => {
  let chat: Server;
  let auth: Server;
  let gatewayA: RunningService;
  let gatewayB: RunningService;
  let bus: KafkaEventBus;
  let env: NodeJS.ProcessEnv;

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
    [chat, auth] = await Promise.all([startFakeChat(), startFakeAuth()]);
    bus = new KafkaEventBus({ brokers: process.env['KAFKA_BROKERS']!.split(','), clientId: 'realtime-test' });
    // A brand-new group is pinned to the topics' ends one topic at a time (~5 s each, libs/messaging);
    // joining once up front keeps the gateways' start fast on every later run.
    await (
      await bus.subscribe({ group: GROUP, topics: REALTIME_TOPICS, handler: async () => undefined })
    ).close();
    env = {
      ...process.env,
      GATEWAY_PORT: '0',
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

  it('limits the connections one user holds on a gateway', async () => {
    const held = await Promise.all(
      Array.from({ length: 10 }, async () => open(gatewayB.url, { token: await token(dave) })),
    );
    expect(await refused(gatewayB.url, { token: await token(dave) })).toBe('TOO_MANY_CONNECTIONS');
    for (const client of held) client.close();
  });

  it('sends ready with the state from chat and a session id', async () => {
    const client = await open(gatewayA.url, { token: await token(carol) });
    expect(client.ready).toMatchObject({ seq: 0, user: { id: carol }, resumeWindowSeconds: 3 });
    expect(client.ready!.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.ready!.guilds[0]!.channels.map((c) => c.id)).toEqual([general]);
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
