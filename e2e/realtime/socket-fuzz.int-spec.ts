import { until } from '@bonfire/platform/testing';
import {
  REALTIME_CLIENT_EVENTS,
  REALTIME_ERROR_CODES,
  REALTIME_PATH,
  type RealtimeClientEvent,
  VOICE_ERROR_CODES,
  VOICE_SIGNALING_NAMESPACE,
  VOICE_SIGNALING_PATH,
  type VoiceClientEvent,
  type VoiceJoinResponse,
} from '@bonfire/contracts';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stack } from '../support/stack';
import { person, type Person, voiceGuild } from '../voice/voice-fixture';

/**
 * socket.io fuzz of both live protocols — the gateway's realtime protocol (`/realtime`, namespace `/`) and
 * voice signaling (`/voice/socket.io`, namespace `/voice`) — black-box on loopback, either shape. A raw
 * WebSocket client speaks engine.io/socket.io itself, so every frame is exactly what the case says
 * (hand-written JSON with `__proto__` keys, lone surrogates, broken packets, binary attachments).
 *
 * For every client event: no payload, wrong types, missing fields, extra fields, hostile values in every
 * field (NUL, lone surrogates, huge numbers, ids out of range, deep nesting), payloads just under and
 * beyond maxHttpBufferSize, extra arguments; then unknown and reserved event names, malformed packets,
 * floods, hostile handshakes and HTTP requests on the socket.io paths. Each bad event must get an error
 * acknowledgement with a known code, or the socket must be closed with a code (a `reconnect`/`closed`
 * reason, or a WebSocket close code); no HTTP answer is a 5xx; afterwards both services still answer
 * /health/live and a fresh, well-behaved client still works. Random choices come from a seeded generator
 * (SOCKET_FUZZ_SEED), so a run is reproducible.
 */

const SEED = Number(process.env['SOCKET_FUZZ_SEED'] ?? 20_260_415);
/** maxHttpBufferSize of both socket.io servers. */
const MAX_MESSAGE_BYTES = 64 * 1024;
const ANSWER_TIMEOUT_MS = 5_000;

/** mulberry32: a small seeded generator. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = generator(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Hostile values as JSON text (so `__proto__` keys and lone surrogates reach the server as written). */
const HOSTILE_JSON: readonly string[] = [
  'null',
  '0',
  '-1',
  '1.5',
  '1e308',
  '-1e308',
  '9007199254740993',
  'true',
  'false',
  '""',
  '" "',
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udc00"',
  '"1e100"',
  '"-1"',
  '"99999999999999999999"',
  '"9223372036854775808"',
  '"../../etc/passwd"',
  '"<script>alert(1)</script>"',
  `"${'x'.repeat(5_000)}"`,
  '[]',
  '[1,"2",null]',
  '{}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
  `${'['.repeat(2_000)}${']'.repeat(2_000)}`,
  `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
];

/** One well-formed payload per client event: the fuzz breaks these apart. */
function gatewayTemplates(
  channelId: string,
  token: string,
): Record<RealtimeClientEvent, Record<string, string>> {
  return {
    'auth.refresh': { token: JSON.stringify(token) },
    'typing.start': { channelId: JSON.stringify(channelId) },
    'presence.idle': { idle: 'true' },
  };
}

/**
 * Voice payloads around the client's real transports (created when it connects), so hostile media JSON
 * reaches mediasoup instead of stopping at UNKNOWN_TRANSPORT.
 */
function voiceTemplates(ids: {
  send: string;
  recv: string;
}): Record<VoiceClientEvent, Record<string, string>> {
  const [send, recv] = [JSON.stringify(ids.send), JSON.stringify(ids.recv)];
  return {
    join: { rtpCapabilities: '{"codecs":[],"headerExtensions":[]}' },
    'transport.create': { direction: '"recv"' },
    'transport.connect': {
      transportId: send,
      dtlsParameters: '{"role":"client","fingerprints":[{"algorithm":"sha-256","value":"00"}]}',
    },
    'transport.restartIce': { transportId: send },
    produce: {
      transportId: send,
      kind: '"audio"',
      rtpParameters:
        '{"mid":"0","codecs":[{"mimeType":"audio/opus","payloadType":111,"clockRate":48000,"channels":2}],"encodings":[{"ssrc":1111}]}',
      source: '"microphone"',
    },
    'producer.pause': { producerId: '"p-1"' },
    'producer.resume': { producerId: '"p-1"' },
    'producer.close': { producerId: '"p-1"' },
    consume: { transportId: recv, producerId: '"p-1"' },
    'consumer.pause': { consumerId: '"c-1"' },
    'consumer.resume': { consumerId: '"c-1"' },
    'consumer.close': { consumerId: '"c-1"' },
  };
}
const VOICE_EVENTS = Object.keys(voiceTemplates({ send: '', recv: '' })) as VoiceClientEvent[];

const objectJson = (fields: Record<string, string>) =>
  `{${Object.entries(fields)
    .map(([key, value]) => `${JSON.stringify(key)}:${value}`)
    .join(',')}}`;

interface Case {
  name: string;
  /** The event name as JSON text. */
  eventJson: string;
  /** The event's arguments as JSON texts (no payload: empty). */
  args: string[];
  /** The server closes the socket instead of answering (messages beyond the size limit): code 1009. */
  closes?: boolean;
  /** The payload may be valid after all (an object as opaque media JSON): `ok: true` is an answer too. */
  mayAccept?: boolean;
}

const BOOLEANS = ['true', 'false'];

/** Every bad variant of one event's payload. */
function casesFor(event: string, template: Record<string, string>): Case[] {
  const eventJson = JSON.stringify(event);
  const cases: Omit<Case, 'eventJson'>[] = [
    { name: `${event}: no payload`, args: [] },
    { name: `${event}: {} (every field missing)`, args: ['{}'] },
    ...['null', '0', '"text"', 'true', '[]', `[${objectJson(template)}]`].map((value) => ({
      name: `${event}: payload ${value.slice(0, 30)}`,
      args: [value],
    })),
    {
      name: `${event}: extra field`,
      args: [objectJson({ ...template, extra: '"field"' })],
    },
    {
      // (written into the JSON text: in an object literal `__proto__` would set the prototype instead)
      name: `${event}: extra field named __proto__`,
      args: [`${objectJson(template).slice(0, -1)},"__proto__":{"polluted":true}}`],
    },
    {
      name: `${event}: NUL in a property name`,
      args: [objectJson({ ...template, 'a\u0000b': '1' })],
    },
    {
      name: `${event}: just under the size limit`,
      args: [objectJson({ ...template, pad: `"${'x'.repeat(MAX_MESSAGE_BYTES - 2_048)}"` })],
    },
  ];
  for (const field of Object.keys(template)) {
    const { [field]: _dropped, ...rest } = template;
    cases.push({ name: `${event}: ${field} missing`, args: [objectJson(rest)] });
    for (const value of HOSTILE_JSON) {
      // `idle: false` is no hostile value for a boolean field.
      if (BOOLEANS.includes(template[field]!) && BOOLEANS.includes(value)) continue;
      cases.push({
        name: `${event}: ${field} = ${value.slice(0, 40)}`,
        args: [objectJson({ ...template, [field]: value })],
        mayAccept: template[field]!.startsWith('{') && value.startsWith('{'),
      });
    }
  }
  cases.push({
    name: `${event}: beyond the size limit`,
    args: [objectJson({ ...template, pad: `"${'x'.repeat(MAX_MESSAGE_BYTES + 4_096)}"` })],
    closes: true,
  });
  return cases.map((testCase) => ({ ...testCase, eventJson }));
}

/** Names no client event has (reserved ones are refused by socket.io itself: the socket is closed). */
const UNKNOWN_EVENTS: readonly Case[] = [
  '"nope"',
  '""',
  '" "',
  `"${'e'.repeat(2_000)}"`,
  '"\\u0000"',
  '"\\ud800"',
  '42',
  '-1',
  '1e308',
  ...['error', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'ready', 'dispatch', 'welcome'].map(
    (name) => JSON.stringify(name),
  ),
].map((eventJson) => ({ name: `unknown event ${eventJson.slice(0, 20)}`, eventJson, args: ['{}'] }));

type Answer =
  | { kind: 'ack'; value: unknown }
  | { kind: 'closed'; code: number; events: { name: string; payload: unknown }[] }
  | { kind: 'timeout' };

/**
 * engine.io (v4) + socket.io (v5) over one WebSocket, written by hand: `42` events, `43` acks, `40`/`44`
 * connect answers, `2`/`3` heartbeats. Records server events and the close code.
 */
class RawClient {
  private nextAck = 1;
  private readonly acks = new Map<number, (value: unknown) => void>();
  readonly events: { name: string; payload: unknown }[] = [];
  closeCode: number | null = null;
  /** Ids the server gave this connection (voice: its transports). */
  ids = { send: 'none', recv: 'none' };
  private readonly closeWaiters: (() => void)[] = [];
  private connectAnswer?: (answer: { ok: true } | { ok: false; error: unknown }) => void;

  private constructor(
    private readonly ws: WebSocket,
    private readonly nsp: string,
  ) {
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('message', (message) => this.onFrame(message.data));
    ws.addEventListener('close', (event) => {
      this.closeCode = event.code;
      for (const waiter of this.closeWaiters.splice(0)) waiter();
    });
  }

  /** Opens the transport and connects to the namespace: the client, or the connect_error payload. */
  static async open(
    baseUrl: string,
    path: string,
    nsp: string,
    authJson: string,
  ): Promise<{ client: RawClient } | { refusal: unknown; code: number | null }> {
    const url = `${baseUrl.replace(/^http/, 'ws')}${path}/?EIO=4&transport=websocket`;
    const ws = new WebSocket(url);
    const client = new RawClient(ws, nsp);
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve(), { once: true });
      ws.addEventListener('error', () => reject(new Error(`cannot open ${url}`)), { once: true });
    });
    const answer = await new Promise<{ ok: true } | { ok: false; error: unknown }>((resolve) => {
      client.connectAnswer = resolve;
      client.onClose(() => resolve({ ok: false, error: 'closed' }));
      client.send(`40${client.prefix()}${authJson}`);
    });
    if (answer.ok) return { client };
    client.close();
    return { refusal: answer.error, code: client.closeCode };
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: string | Uint8Array): void {
    if (this.open) this.ws.send(frame);
  }

  /** Emits an event (arguments as JSON texts) with an acknowledgement and waits for the outcome. */
  ask(eventJson: string, args: readonly string[], timeoutMs = ANSWER_TIMEOUT_MS): Promise<Answer> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      if (!this.open) return resolve(this.closed());
      const timer = setTimeout(() => {
        this.acks.delete(id);
        resolve(this.open ? { kind: 'timeout' } : this.closed());
      }, timeoutMs);
      this.acks.set(id, (value) => {
        clearTimeout(timer);
        resolve({ kind: 'ack', value });
      });
      this.onClose(() => {
        clearTimeout(timer);
        this.acks.delete(id);
        // The close can overtake nothing: an ack sent before it was handled first.
        resolve(this.closed());
      });
      this.send(`42${this.prefix()}${id}[${[eventJson, ...args].join(',')}]`);
    });
  }

  closed(): Answer {
    return { kind: 'closed', code: this.closeCode ?? -1, events: this.events };
  }

  waitClosed(timeoutMs: number): Promise<boolean> {
    if (!this.open) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.onClose(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
  }

  private onClose(waiter: () => void): void {
    if (this.closeCode !== null) waiter();
    else this.closeWaiters.push(waiter);
  }

  private prefix(): string {
    return this.nsp === '/' ? '' : `${this.nsp},`;
  }

  private onFrame(data: unknown): void {
    if (typeof data !== 'string') return;
    if (data === '2') return this.send('3');
    if (data[0] !== '4') return;
    let rest = data.slice(2);
    const type = data[1];
    if (rest.startsWith(`${this.nsp},`)) rest = rest.slice(this.nsp.length + 1);
    const digits = /^\d*/.exec(rest)![0];
    const body = rest.slice(digits.length);
    const payload: unknown = body ? JSON.parse(body) : undefined;
    if (type === '0') this.connectAnswer?.({ ok: true });
    else if (type === '4') this.connectAnswer?.({ ok: false, error: payload });
    else if (type === '2') {
      const [name, value] = payload as [string, unknown];
      this.events.push({ name, payload: value });
    } else if (type === '3') {
      const resolve = this.acks.get(Number(digits));
      this.acks.delete(Number(digits));
      resolve?.((payload as unknown[])[0]);
    }
  }
}

const GATEWAY_CODES = new Set<string>(Object.values(REALTIME_ERROR_CODES));
const VOICE_CODES = new Set<string>(Object.values(VOICE_ERROR_CODES));

/** The verdict on one bad event: an error ack with a known code, or a close with a code. */
function judge(
  answer: Answer,
  codes: ReadonlySet<string>,
  options: { mayClose?: boolean; mayAccept?: boolean } = {},
): string | null {
  if (answer.kind === 'timeout') return 'no answer and the socket stayed open';
  if (answer.kind === 'closed') {
    if (!options.mayClose) return `closed (code ${answer.code}) instead of answering`;
    return answer.code > 0 ? null : 'closed without a code';
  }
  const value = answer.value as { ok?: unknown; code?: unknown };
  if (value?.ok === true && options.mayAccept) return null;
  if (value?.ok !== false) return `accepted: ${JSON.stringify(value).slice(0, 200)}`;
  if (typeof value.code !== 'string' || !codes.has(value.code)) return `unknown code ${String(value.code)}`;
  // UNAVAILABLE says the server failed: bad input must be named as such.
  if (value.code === 'UNAVAILABLE') return `answered UNAVAILABLE: ${JSON.stringify(value).slice(0, 200)}`;
  return null;
}

describe('socket.io fuzz (gateway realtime + voice signaling)', () => {
  let stack: Stack;
  let alice: Person;
  let channelId: string;
  let textChannelId: string;
  let voiceEndpoint: string;
  const clients: RawClient[] = [];

  async function gatewayClient(): Promise<RawClient> {
    const opened = await RawClient.open(
      stack.gateway.url,
      REALTIME_PATH,
      '/',
      JSON.stringify({ token: alice.token }),
    );
    if (!('client' in opened)) throw new Error(`gateway refused: ${JSON.stringify(opened.refusal)}`);
    clients.push(opened.client);
    await until(() => opened.client.events.some((event) => event.name === 'ready'), 10_000);
    return opened.client;
  }

  /** Joins the voice channel again (a fresh voice session and token) and connects to signaling. */
  async function voiceClient(): Promise<RawClient> {
    const joined = await alice.api.post<VoiceJoinResponse>(`/api/v1/channels/${channelId}/voice`, {});
    if (joined.status !== 200) throw new Error(`voice join: ${joined.status} ${JSON.stringify(joined.body)}`);
    voiceEndpoint = joined.body.endpoint;
    const opened = await RawClient.open(
      voiceEndpoint,
      VOICE_SIGNALING_PATH,
      VOICE_SIGNALING_NAMESPACE,
      JSON.stringify({ token: joined.body.token }),
    );
    if (!('client' in opened)) throw new Error(`voice refused: ${JSON.stringify(opened.refusal)}`);
    const { client } = opened;
    clients.push(client);
    await until(() => client.events.some((event) => event.name === 'welcome'), 10_000);
    for (const direction of ['send', 'recv'] as const) {
      const created = await client.ask('"transport.create"', [`{"direction":"${direction}"}`]);
      if (created.kind !== 'ack') throw new Error(`transport.create: ${created.kind}`);
      client.ids[direction] = (created.value as { data: { id: string } }).data.id;
    }
    return client;
  }

  /**
   * Runs sets of cases on one client after another, replacing a client the server closed; each set is
   * made for the client it starts on (its ids).
   */
  async function fuzz(
    sets: readonly ((client: RawClient) => readonly Case[])[],
    open: () => Promise<RawClient>,
    codes: ReadonlySet<string>,
  ): Promise<string[]> {
    const failures: string[] = [];
    let client = await open();
    for (const set of sets) {
      if (!client.open) client = await open();
      for (const testCase of set(client)) {
        if (!client.open) client = await open();
        const answer = await client.ask(testCase.eventJson, testCase.args);
        const failure = judge(answer, codes, { mayClose: testCase.closes, mayAccept: testCase.mayAccept });
        if (failure) failures.push(`${testCase.name}: ${failure}`);
        if (testCase.closes && answer.kind === 'closed' && answer.code !== 1009) {
          failures.push(`${testCase.name}: closed with ${answer.code}, expected 1009 (message too big)`);
        }
      }
    }
    return failures;
  }

  async function live(baseUrl: string): Promise<number> {
    return (await fetch(`${baseUrl}/health/live`)).status;
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'voice', 'gateway'],
      serviceEnv: {
        // The fuzz sends a few hundred events per connection: limits that let them reach the handlers
        // (the flood case below still meets them). A single user opens every connection.
        gateway: {
          REALTIME_EVENT_BURST: '400',
          REALTIME_EVENTS_PER_SECOND: '100',
          REALTIME_EVENT_MAX_REFUSED: '50',
          REALTIME_HANDSHAKES_PER_MINUTE: '1000',
          REALTIME_MAX_CONNECTIONS_PER_USER: '50',
        },
      },
    });
    alice = await person(stack);
    ({ channelId } = await voiceGuild(alice, []));
    const guilds = await alice.api.get<{ id: string }[]>('/api/v1/users/@me/guilds');
    const channels = await alice.api.get<{ id: string; type: string }[]>(
      `/api/v1/guilds/${guilds.body[0]!.id}/channels`,
    );
    textChannelId = channels.body.find((channel) => channel.type === 'text')!.id;
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await stack?.stop();
  });

  it('answers every malformed gateway event with an error code, or closes oversized ones with 1009', async () => {
    const templates = gatewayTemplates(textChannelId, alice.token);
    const sets = REALTIME_CLIENT_EVENTS.map((event) => () => casesFor(event, templates[event]));
    const failures = await fuzz([...sets, () => UNKNOWN_EVENTS], gatewayClient, GATEWAY_CODES);
    expect(failures).toEqual([]);
  }, 60_000);

  it('answers every malformed voice signaling event with an error code, or closes oversized ones with 1009', async () => {
    const sets = VOICE_EVENTS.map(
      (event) => (client: RawClient) => casesFor(event, voiceTemplates(client.ids)[event]),
    );
    const failures = await fuzz([...sets, () => UNKNOWN_EVENTS], voiceClient, VOICE_CODES);
    expect(failures).toEqual([]);
  }, 60_000);

  it('closes a socket on protocol garbage, never crashing: broken packets, reserved names, bad attachments', async () => {
    /** A socket.io packet for another namespace: `/voice,` after the type (and attachment count). */
    const inNamespace = (frame: string, nsp: string) => {
      if (nsp === '/' || !frame.startsWith('4')) return frame;
      const head = /^4[56]\d+-/.exec(frame)?.[0] ?? frame.slice(0, 2);
      return `${head}${nsp}${frame.slice(head.length)}`;
    };
    const frames: (string | ((client: RawClient, nsp: string) => void))[] = [
      '42',
      '42{}',
      '42[',
      '42["typing.start",',
      '42[null]',
      '42[{}]',
      '42["disconnect"]',
      '42["disconnecting",{}]',
      '42["newListener",{}]',
      '49["x"]',
      '4x',
      '43999[{}]',
      '41',
      '9',
      '',
      `42["typing.start",${'['.repeat(30_000)}${']'.repeat(30_000)}]`,
      '451-["typing.start",{"_placeholder":true,"num":7}]',
      '4599999999-["typing.start",{}]',
      (client, nsp) => {
        client.send(inNamespace('451-["typing.start",{"_placeholder":true,"num":0}]', nsp));
        client.send(new Uint8Array([0, 1, 2, 255]));
      },
      (client, nsp) => {
        client.send(inNamespace('451-["join",{"_placeholder":true,"num":0}]', nsp));
        client.send(inNamespace('42["join",{}]', nsp));
      },
    ];
    const surfaces = [
      { open: gatewayClient, url: () => stack.gateway.url, nsp: '/' },
      // voice's health is on its internal port (the signaling port serves socket.io only)
      { open: voiceClient, url: () => stack.voiceUrl!, nsp: `${VOICE_SIGNALING_NAMESPACE},` },
    ];
    for (const surface of surfaces) {
      for (const frame of frames) {
        const client = await surface.open();
        if (typeof frame === 'function') frame(client, surface.nsp);
        else client.send(inNamespace(frame, surface.nsp));
        // Closed, or still answering a well-formed request: never left wedged.
        const probe = await client.ask('"presence.idle"', ['{"idle":true}'], 2_000);
        expect(probe.kind, `${surface.nsp} ${String(frame).slice(0, 40)}`).not.toBe('timeout');
        client.close();
      }
      expect(await live(surface.url())).toBe(200);
    }
  }, 60_000);

  it('refuses hostile handshakes with a code', async () => {
    const auths = [
      '{}',
      '{"token":null}',
      '{"token":123}',
      '{"token":["a"]}',
      '{"token":"\\u0000"}',
      '{"token":"\\ud800"}',
      '{"token":"a.b.c"}',
      `{"token":"${'x'.repeat(60_000)}"}`,
      '{"token":{"__proto__":{"admin":true}}}',
      `{"token":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
    ];
    for (const auth of auths) {
      const gateway = await RawClient.open(stack.gateway.url, REALTIME_PATH, '/', auth);
      expect(gateway, auth.slice(0, 40)).toMatchObject({ refusal: { message: expect.any(String) } });
      const voice = await RawClient.open(
        voiceEndpoint,
        VOICE_SIGNALING_PATH,
        VOICE_SIGNALING_NAMESPACE,
        auth,
      );
      expect(voice, auth.slice(0, 40)).toMatchObject({ refusal: { data: { code: expect.any(String) } } });
    }
    const tooBig = `{"token":"${'x'.repeat(MAX_MESSAGE_BYTES + 1_024)}"}`;
    expect(await RawClient.open(stack.gateway.url, REALTIME_PATH, '/', tooBig)).toMatchObject({ code: 1009 });
    // A resume of someone else's or a made-up session: resync, never a refusal or a crash.
    for (const resume of [
      { sessionId: '\u0000', lastSeq: -1 },
      { sessionId: 'x'.repeat(10_000), lastSeq: 1e308 },
      { sessionId: '00000000-0000-0000-0000-000000000000', lastSeq: 'x' },
      { sessionId: 42, lastSeq: null },
    ]) {
      const opened = await RawClient.open(
        stack.gateway.url,
        REALTIME_PATH,
        '/',
        JSON.stringify({ token: alice.token, ...resume }),
      );
      if (!('client' in opened)) throw new Error(`refused: ${JSON.stringify(opened.refusal)}`);
      clients.push(opened.client);
      await until(() => opened.client.events.some((event) => event.name === 'ready'), 10_000);
      opened.client.close();
    }
    // Namespaces nobody serves: refused, not held open without a token.
    const stray = await RawClient.open(stack.gateway.url, REALTIME_PATH, '/nope', '{}');
    expect(stray).toMatchObject({ refusal: { message: expect.any(String) } });
    const voiceRoot = await RawClient.open(voiceEndpoint, VOICE_SIGNALING_PATH, '/', '{}');
    expect(voiceRoot).toMatchObject({ refusal: { message: expect.any(String) } });
  }, 60_000);

  it('floods: the gateway answers RATE_LIMITED then closes the socket with a reason; voice answers every event', async () => {
    const idle: Case = { name: 'idle', eventJson: '"presence.idle"', args: ['{"idle":true}'] };
    const gatewayCases = [
      ...REALTIME_CLIENT_EVENTS.flatMap((event) =>
        casesFor(event, gatewayTemplates(textChannelId, alice.token)[event]),
      ),
      ...UNKNOWN_EVENTS,
    ].filter((testCase) => !testCase.closes);
    const gateway = await gatewayClient();
    const answers = await Promise.all(
      Array.from({ length: 1_500 }, () => {
        const testCase = random() < 0.6 ? idle : pick(gatewayCases);
        return gateway.ask(testCase.eventJson, testCase.args, 15_000);
      }),
    );
    expect(answers.filter((answer) => answer.kind === 'timeout')).toEqual([]);
    const acks = answers.flatMap((answer) =>
      answer.kind === 'ack' ? [answer.value as { ok: boolean; code?: string }] : [],
    );
    for (const ack of acks) if (!ack.ok) expect(GATEWAY_CODES).toContain(ack.code);
    expect(acks.some((ack) => ack.code === 'RATE_LIMITED')).toBe(true);
    expect(await gateway.waitClosed(5_000)).toBe(true);
    expect(gateway.events).toContainEqual({ name: 'reconnect', payload: { reason: 'RATE_LIMITED' } });

    // Raw packets that are not events (pongs) are limited too, on the transport.
    const pongs = await gatewayClient();
    for (let n = 0; n < 5_000 && pongs.open; n++) pongs.send('3');
    expect(await pongs.waitClosed(5_000)).toBe(true);

    const voice = await voiceClient();
    const voiceCases = [
      ...VOICE_EVENTS.flatMap((event) => casesFor(event, voiceTemplates(voice.ids)[event])),
      ...UNKNOWN_EVENTS,
    ].filter((testCase) => !testCase.closes);
    const picked = Array.from({ length: 600 }, () => pick(voiceCases));
    const voiceAnswers = await Promise.all(
      picked.map((testCase) => voice.ask(testCase.eventJson, testCase.args, 15_000)),
    );
    const failures = voiceAnswers
      .map((answer, n) => {
        const failure = judge(answer, VOICE_CODES, { mayAccept: picked[n]!.mayAccept });
        return failure && `${picked[n]!.name}: ${failure}`;
      })
      .filter(Boolean);
    expect(failures).toEqual([]);
  }, 60_000);

  it('answers HTTP on the socket.io paths with no 5xx, and 405 for methods socket.io does not take', async () => {
    const surfaces = [
      { base: stack.gateway.url, path: REALTIME_PATH },
      { base: voiceEndpoint, path: VOICE_SIGNALING_PATH },
    ];
    for (const { base, path } of surfaces) {
      const handshake = await fetch(`${base}${path}/?EIO=4&transport=polling`);
      expect(handshake.status).toBe(200);
      const sid = (JSON.parse((await handshake.text()).slice(1)) as { sid: string }).sid;
      const polling = `${base}${path}/?EIO=4&transport=polling&sid=${sid}`;
      const requests: [string, string, RequestInit?][] = [
        ['GET', `${base}${path}/?EIO=3&transport=polling`],
        ['GET', `${base}${path}/?EIO=abc&transport=polling`],
        ['GET', `${base}${path}/?EIO=4&transport=bogus`],
        ['GET', `${base}${path}/?EIO=4&transport=websocket`],
        ['GET', `${base}${path}/?EIO=4&transport=polling&sid=unknown`],
        ['GET', `${base}${path}/?EIO=4&transport=polling&sid=%00%ff`],
        ['POST', `${base}${path}/?EIO=4&transport=polling&sid=unknown`, { body: '40' }],
        ['POST', polling, { body: 'x'.repeat(MAX_MESSAGE_BYTES + 1_024) }],
        ['POST', polling, { body: '\u0000\ud800garbage' }],
        ['POST', polling, { body: `40${'{'.repeat(10_000)}` }],
        ...['PUT', 'DELETE', 'PATCH', 'HEAD'].flatMap((method): [string, string][] => [
          [method, polling],
          [method, `${base}${path}/?EIO=4&transport=polling`],
        ]),
      ];
      for (const [method, url, init] of requests) {
        const response = await fetch(url, { method, ...init });
        const body = method === 'HEAD' ? '' : await response.text();
        expect(response.status, `${method} ${url.slice(0, 120)}: ${body.slice(0, 200)}`).toBeLessThan(500);
        if (['PUT', 'DELETE', 'PATCH'].includes(method)) {
          expect(response.status).toBe(405);
          expect(JSON.parse(body)).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
        }
      }
    }
  }, 60_000);

  it('stays up: both services answer /health/live and fresh clients work', async () => {
    expect(await live(stack.gateway.url)).toBe(200);
    expect(await live(stack.voiceUrl!)).toBe(200);
    const socket = connect(stack.gateway.url, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      auth: { token: alice.token },
      reconnection: false,
    });
    await new Promise((resolve, reject) => {
      socket.once('ready', resolve);
      socket.once('connect_error', reject);
    });
    expect(await socket.timeout(3_000).emitWithAck('presence.idle', { idle: false })).toEqual({ ok: true });
    socket.close();

    const joined = await alice.api.post<VoiceJoinResponse>(`/api/v1/channels/${channelId}/voice`, {});
    const voice = connect(`${joined.body.endpoint}${VOICE_SIGNALING_NAMESPACE}`, {
      path: VOICE_SIGNALING_PATH,
      transports: ['websocket'],
      auth: { token: joined.body.token },
      reconnection: false,
    });
    await new Promise((resolve, reject) => {
      voice.once('welcome', resolve);
      voice.once('connect_error', reject);
    });
    const transport = (await voice.timeout(5_000).emitWithAck('transport.create', { direction: 'recv' })) as {
      ok: boolean;
    };
    expect(transport.ok).toBe(true);
    voice.close();
  }, 30_000);
});
