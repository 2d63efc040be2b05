import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { until } from '@bonfire/platform/testing';
import {
  type DispatchFrame,
  dispatchSeqs,
  type EventData,
  PERMISSIONS,
  REALTIME_PATH,
  type RealtimeAck,
  type ReadyPayload,
} from '@bonfire/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPerson, type TestPerson } from '../support/realtime-client';
import { Stack } from '../support/stack';

/**
 * The realtime edge end to end: auth, chat and two gateway processes on the real servers; clients on
 * socket.io (websocket transport) act through the REST API and watch what reaches them.
 */

const RESUME_WINDOW_SECONDS = 4;
const GROUP = 'gateway.realtime.e2e';

class Client {
  readonly dispatches: DispatchFrame[] = [];
  readonly signals: { name: string; payload: unknown }[] = [];
  ready?: ReadyPayload;

  constructor(
    readonly socket: Socket,
    /** The seq this connection counts from: the `lastSeq` it presented (a resume), 0 after `ready`. */
    private countsFrom = 0,
  ) {
    socket.on('dispatch', (dispatch: DispatchFrame) => this.dispatches.push(dispatch));
    socket.on('ready', (ready: ReadyPayload) => {
      this.ready = ready;
      this.countsFrom = 0;
    });
    socket.onAny((name: string, payload: unknown) => {
      if (name !== 'dispatch') this.signals.push({ name, payload });
    });
  }

  get lastSeq(): number {
    return Math.max(0, ...this.seqs());
  }

  /** Each sequenced dispatch's seq, those without one (protocol 2) counted as the previous + 1. */
  seqs(): number[] {
    return dispatchSeqs(this.dispatches, this.countsFrom);
  }

  of(type: string): DispatchFrame[] {
    return this.dispatches.filter((dispatch) => dispatch.type === type);
  }

  messages(channelId?: string): string[] {
    return this.of('message.created')
      .map((dispatch) => (dispatch.data as EventData<'message.created'>).message)
      .filter((message) => !channelId || message.channelId === channelId)
      .map((message) => message.content);
  }

  close(): void {
    this.socket.disconnect();
  }
}

function socketTo(baseUrl: string, auth: Record<string, unknown>): Socket {
  return connect(baseUrl, { path: REALTIME_PATH, transports: ['websocket'], auth, reconnection: false });
}

function open(baseUrl: string, auth: Record<string, unknown>): Promise<Client> {
  const socket = socketTo(baseUrl, auth);
  const client = new Client(socket, typeof auth['lastSeq'] === 'number' ? auth['lastSeq'] : 0);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('ready', () => resolve(client));
    socket.once('resumed', () => resolve(client));
  });
}

function refusal(baseUrl: string, auth: Record<string, unknown>): Promise<string> {
  const socket = socketTo(baseUrl, auth);
  return new Promise((resolve) =>
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The gateway's routing table with the per-user send limit lifted (a copy in a temporary folder). */
function routesWithoutSendLimit(): string {
  const routes = JSON.parse(readFileSync(resolve(__dirname, '../../apps/gateway/routes.json'), 'utf8')) as {
    rateLimits: { name: string; limit: number }[];
  };
  for (const limit of routes.rateLimits) if (limit.name === 'send-message') limit.limit = 100_000;
  const path = join(mkdtempSync(join(tmpdir(), 'bonfire-routes-')), 'routes.json');
  writeFileSync(path, JSON.stringify(routes));
  return path;
}

/** A client that resumes its session on the other gateway whenever asked to hop. */
class Hopper {
  private readonly clients: Client[] = [];
  hops = 0;
  resyncs = 0;

  private constructor(
    private readonly token: string,
    private gateway: string,
    private other: string,
    private readonly channelId: string,
    readonly protocol: 1 | 2,
  ) {}

  static async open(
    token: string,
    gateways: [string, string],
    channelId: string,
    protocol: 1 | 2,
  ): Promise<Hopper> {
    const hopper = new Hopper(token, ...gateways, channelId, protocol);
    hopper.clients.push(await open(gateways[0], { token, protocol }));
    return hopper;
  }

  async hop(): Promise<void> {
    const current = this.clients.at(-1)!;
    const sessionId = this.clients[0]!.ready!.sessionId;
    current.close();
    [this.gateway, this.other] = [this.other, this.gateway];
    const lastSeq = this.lastSeq();
    const auth = { token: this.token, sessionId, lastSeq, protocol: this.protocol };
    const resumed = await open(this.gateway, auth);
    if (resumed.signals.some((signal) => signal.name === 'resync')) this.resyncs++;
    this.clients.push(resumed);
    this.hops++;
  }

  private lastSeq(): number {
    return Math.max(0, ...this.seqs());
  }

  seqs(): number[] {
    return this.clients.flatMap((client) => client.seqs());
  }

  loadIds(): string[] {
    return this.clients.flatMap((client) =>
      client
        .of('message.created')
        .map((dispatch) => (dispatch.data as EventData<'message.created'>).message)
        .filter((message) => message.channelId === this.channelId && message.content.startsWith('load '))
        .map((message) => message.id),
    );
  }

  close(): void {
    this.clients.at(-1)!.close();
  }
}

type Person = TestPerson;

describe('realtime edge (auth + chat + two gateways)', () => {
  let stack: Stack;
  let gatewayA: string;
  let gatewayB: string;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  let guildId: string;
  let general: string;
  let secret: string;

  const person = () => registerPerson(gatewayA);

  async function send(who: Person, channelId: string, content: string): Promise<void> {
    const reply = await who.api.post(`/api/v1/channels/${channelId}/messages`, { content });
    if (reply.status !== 201) throw new Error(`send failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      extraGateways: 1,
      serviceEnv: {
        // Not a test of send limits: these people send quickly.
        chat: { CHAT_SEND_LIMIT_PER_10S: '1000' },
        gateway: {
          REALTIME_CONSUMER_GROUP: GROUP,
          // The load test sends hundreds of messages from one person within a minute.
          RATE_LIMIT_IP_PER_MINUTE: '100000',
          RATE_LIMIT_USER_PER_MINUTE: '100000',
          GATEWAY_ROUTES_FILE: routesWithoutSendLimit(),
          REALTIME_RESUME_WINDOW_SECONDS: String(RESUME_WINDOW_SECONDS),
          REALTIME_DRAIN_TIMEOUT_MS: '1000',
        },
      },
    });
    [gatewayA, gatewayB] = stack.gateways.map((gateway) => gateway.url) as [string, string];
    [alice, bob, carol] = [await person(), await person(), await person()];

    // Registration reaches chat's users projection through Kafka: retry until chat knows alice.
    let created: { id: string } | undefined;
    await until(async () => {
      const reply = await alice.api.post<{ id: string }>('/api/v1/guilds', { name: 'Campfire' });
      if (reply.status === 201) created = reply.body;
      return reply.status === 201;
    }, 30_000);
    guildId = created!.id;
    const channel = await alice.api.post<{ id: string }>(`/api/v1/guilds/${guildId}/channels`, {
      name: 'secret',
    });
    secret = channel.body.id;
    const invite = await alice.api.post<{ code: string }>(`/api/v1/guilds/${guildId}/invites`, {});
    for (const who of [bob, carol]) {
      await until(
        async () => (await who.api.post(`/api/v1/invites/${invite.body.code}`)).status < 300,
        30_000,
      );
    }
    const state = await open(gatewayA, { token: alice.token });
    general = state.ready!.guilds[0]!.channels.find((c) => c.name === 'general')!.id;
    state.close();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a handshake without a valid token, with the reason', async () => {
    expect(await refusal(gatewayA, {})).toBe('TOKEN_MISSING');
    expect(await refusal(gatewayA, { token: `${alice.token.slice(0, -4)}AAAA` })).toBe('TOKEN_INVALID');
    expect(await refusal(gatewayB, { token: 'x.y.z' })).toBe('TOKEN_INVALID');
  });

  it('sends ready with the guilds, visible channels, members and a session', async () => {
    const client = await open(gatewayB, { token: bob.token });
    const ready = client.ready!;
    expect(ready).toMatchObject({ seq: 0, user: { id: bob.id }, resumeWindowSeconds: RESUME_WINDOW_SECONDS });
    expect(ready.sessionId).toBeTruthy();
    const guild = ready.guilds.find((g) => g.guild.id === guildId)!;
    expect(guild.guild).toMatchObject({ name: 'Campfire', ownerId: alice.id });
    expect(guild.member.userId).toBe(bob.id);
    expect(guild.channels.map((c) => c.id)).toEqual(expect.arrayContaining([general, secret]));
    expect([...guild.members.userIds].sort()).toEqual([alice.id, bob.id, carol.id].sort());
    expect(guild.members.total).toBe(3);
    expect(ready.dms).toEqual([]);
    client.close();
  });

  it('delivers a message sent through gateway A to a client on gateway B exactly once', async () => {
    const onB = await open(gatewayB, { token: bob.token });
    const onA = await open(gatewayA, { token: carol.token });
    await send(alice, general, 'hello from A');
    await until(() => onB.messages().includes('hello from A') && onA.messages().includes('hello from A'));
    await sleep(500);
    expect(onB.messages()).toEqual(['hello from A']);
    expect(onA.messages()).toEqual(['hello from A']);
    expect(onB.of('message.created')[0]!.seq).toBe(1);
    onB.close();
    onA.close();
  });

  it('sends typing to the others in the channel but not to the sender', async () => {
    const typer = await open(gatewayA, { token: alice.token });
    const watcher = await open(gatewayB, { token: bob.token });
    const ack = (await typer.socket.emitWithAck('typing.start', { channelId: general })) as RealtimeAck;
    expect(ack).toEqual({ ok: true });
    await until(() => watcher.of('typing.started').length === 1);
    const typing = watcher.of('typing.started')[0]!;
    expect(typing.seq).toBeNull();
    expect(typing.data).toMatchObject({ channelId: general, userId: alice.id, guildId });
    const again = (await typer.socket.emitWithAck('typing.start', { channelId: general })) as RealtimeAck;
    expect(again).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    await sleep(500);
    expect(typer.of('typing.started')).toEqual([]);
    typer.close();
    watcher.close();
  });

  it('stops delivering a channel to a member an overwrite hides it from, while others keep receiving', async () => {
    const a = await open(gatewayA, { token: alice.token });
    const b = await open(gatewayB, { token: bob.token });
    const c = await open(gatewayA, { token: carol.token });
    await send(alice, secret, 'before');
    await until(() => b.messages(secret).includes('before') && c.messages(secret).includes('before'));

    const overwrite = await alice.api.request('PUT', `/api/v1/channels/${secret}/permissions/${bob.id}`, {
      type: 'member',
      allow: '0',
      deny: String(PERMISSIONS.VIEW_CHANNEL),
    });
    expect(overwrite.status).toBeLessThan(300);
    // The change reaches bob as channel.deleted: he no longer sees the channel (events on other topics
    // have no order with it).
    await until(() => b.of('channel.deleted').length > 0);
    await send(alice, secret, 'after');
    await until(() => a.messages(secret).includes('after') && c.messages(secret).includes('after'));
    await sleep(500);
    expect(b.messages(secret)).toEqual(['before']);
    for (const client of [a, b, c]) client.close();
  });

  it('stops delivering to a kicked member at once; the others keep receiving', async () => {
    const a = await open(gatewayA, { token: alice.token });
    const c = await open(gatewayB, { token: carol.token });
    const kick = await alice.api.delete(`/api/v1/guilds/${guildId}/members/${carol.id}`);
    expect(kick.status).toBeLessThan(300);
    await until(() => c.of('member.left').length === 1);
    expect(c.of('member.left')[0]!.data).toMatchObject({ userId: carol.id, reason: 'kicked' });
    await send(alice, general, 'after the kick');
    await until(() => a.messages(general).includes('after the kick'));
    await sleep(500);
    expect(c.messages(general)).not.toContain('after the kick');
    a.close();
    c.close();
  });

  it('resumes on the other gateway with the missed events, in order, none twice, then live', async () => {
    const first = await open(gatewayA, { token: bob.token });
    await send(alice, general, 'seen');
    await until(() => first.messages().includes('seen'));
    const { sessionId } = first.ready!;
    const lastSeq = first.lastSeq;
    first.close();
    for (let i = 1; i <= 5; i++) await send(alice, general, `missed ${i}`);
    await sleep(1_000);
    const resumed = await open(gatewayB, { token: bob.token, sessionId, lastSeq });
    expect(resumed.signals[0]).toMatchObject({ name: 'resumed', payload: { sessionId, replayed: 5 } });
    await send(alice, general, 'live');
    await until(() => resumed.messages().includes('live'));
    await sleep(500);
    expect(resumed.messages()).toEqual(['missed 1', 'missed 2', 'missed 3', 'missed 4', 'missed 5', 'live']);
    const seqs = resumed.dispatches.map((dispatch) => dispatch.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => lastSeq + 1 + index));
    resumed.close();
  });

  it('while messages are sent at up to 200/s, clients that hop between the gateways get every acknowledged message once, in order', async () => {
    const TOTAL = 400;
    // Eight sessions of bob's (carol was kicked by an earlier test), half starting on each gateway; half
    // speak realtime protocol 2 (they count their dispatches), half protocol 1.
    const hoppers = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        Hopper.open(
          bob.token,
          n % 2 === 0 ? [gatewayA, gatewayB] : [gatewayB, gatewayA],
          general,
          n % 4 < 2 ? 2 : 1,
        ),
      ),
    );
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const started = Date.now();
    let next = 0;
    const sender = async () => {
      while (next < TOTAL) {
        const index = next++;
        const due = started + index * 5;
        if (due > Date.now()) await sleep(due - Date.now());
        const reply = await alice.api.post<{ id: string }>(`/api/v1/channels/${general}/messages`, {
          content: `load ${index}`,
        });
        if (reply.status === 201) acknowledged.push(reply.body.id);
        else refused.push(`${reply.status} ${JSON.stringify(reply.body)}`);
      }
    };
    // Every client drops its connection twice while the messages flow and resumes on the other gateway.
    const hopping = hoppers.map(async (hopper, n) => {
      for (const at of [300 + n * 90, 1_200 + n * 70]) {
        await sleep(Math.max(0, started + at - Date.now()));
        await hopper.hop();
      }
    });
    await Promise.all([...Array.from({ length: 8 }, sender), ...hopping]);
    const seconds = (Date.now() - started) / 1_000;
    expect(refused.slice(0, 3)).toEqual([]);
    expect(acknowledged).toHaveLength(TOTAL);
    const expected = [...acknowledged].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    for (const hopper of hoppers) {
      await until(() => hopper.loadIds().length >= TOTAL, 20_000).catch(() => undefined);
      expect(hopper.resyncs).toBe(0);
      expect(hopper.hops).toBe(2);
      expect(hopper.loadIds()).toEqual(expected);
      const seqs = hopper.seqs();
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    }
    process.stderr.write(
      `load resume: ${TOTAL} messages in ${seconds.toFixed(1)} s (${(TOTAL / seconds).toFixed(0)} msg/s), 8 clients × 2 hops\n`,
    );
    for (const hopper of hoppers) hopper.close();
  }, 120_000);

  it('answers resync and a fresh ready after the resume window', async () => {
    const first = await open(gatewayA, { token: bob.token });
    const { sessionId } = first.ready!;
    first.close();
    await sleep((RESUME_WINDOW_SECONDS + 1) * 1_000);
    const later = await open(gatewayB, { token: bob.token, sessionId, lastSeq: 0 });
    expect(later.signals.map((signal) => signal.name)).toEqual(['resync', 'ready']);
    expect(later.ready!.sessionId).not.toBe(sessionId);
    later.close();
  });

  // Last: it stops gateway B.
  it('a gateway stopped with SIGTERM sends its clients elsewhere; they resume without loss', async () => {
    const first = await open(gatewayB, { token: bob.token });
    const { sessionId } = first.ready!;
    let second: Client | undefined;
    first.socket.on('disconnect', () => {
      void open(gatewayA, { token: bob.token, sessionId, lastSeq: first.lastSeq }).then((client) => {
        second = client;
      });
    });
    const sent: string[] = [];
    const sending = (async () => {
      for (let i = 1; i <= 15; i++) {
        sent.push(`wave ${i}`);
        await send(alice, general, `wave ${i}`);
        await sleep(50);
      }
    })();
    await until(() => first.messages().length >= 3);
    await stack.gateways[1]!.stop();
    await sending;
    await until(() => second !== undefined && second.messages().includes('wave 15'), 20_000);
    await sleep(500);
    expect(first.signals.map((signal) => signal.name)).toContain('reconnect');
    expect([...first.messages(), ...second!.messages()]).toEqual(sent);
    const seqs = [...first.dispatches, ...second!.dispatches].map((dispatch) => dispatch.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    second!.close();
  });
});
