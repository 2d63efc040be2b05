import { until } from '@bonfire/platform/testing';
import { REALTIME_PATH, type RealtimeAck, type ReadyPayload } from '@bonfire/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from '../support/api';
import { e2eShape, Stack } from '../support/stack';

/**
 * The realtime edge's limits, black-box through the gateway (either shape; two gateways in the
 * distributed one, sharing Redis): the per-user connection cap under parallel handshakes, the per-user
 * handshake rate (connects and resumes), and the per-connection event rate.
 */

const CAP = 5;
const HANDSHAKES_PER_MINUTE = 40;

type Outcome = { socket: Socket; ready: ReadyPayload } | { refusal: string };

/** One handshake: the socket once `ready` (or `resumed`), or the connect_error code. */
function handshake(baseUrl: string, auth: Record<string, unknown>): Promise<Outcome> {
  const socket = connect(baseUrl, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    auth,
    reconnection: false,
  });
  return new Promise((resolve) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve({ refusal: error.message });
    });
    socket.once('ready', (ready: ReadyPayload) => resolve({ socket, ready }));
    socket.once('resumed', (ready: ReadyPayload) => resolve({ socket, ready }));
  });
}

const sockets = (outcomes: Outcome[]) => outcomes.flatMap((o) => ('socket' in o ? [o.socket] : []));
const refusals = (outcomes: Outcome[]) => outcomes.flatMap((o) => ('refusal' in o ? [o.refusal] : []));

describe('realtime limits (auth + chat + gateways)', () => {
  let stack: Stack;
  let gateways: string[];
  const open: Socket[] = [];

  /** A registered user chat already knows (its users projection is fed through the event bus). */
  async function user(): Promise<string> {
    const api = new Api(stack.gateway.url);
    const registered = await registerUser(api);
    const authed = api.withToken(registered.accessToken);
    await until(async () => (await authed.post('/api/v1/guilds', { name: 'Camp' })).status === 201, 30_000);
    return registered.accessToken;
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      extraGateways: e2eShape === 'distributed' ? 1 : 0,
      serviceEnv: {
        gateway: {
          REALTIME_MAX_CONNECTIONS_PER_USER: String(CAP),
          REALTIME_HANDSHAKES_PER_MINUTE: String(HANDSHAKES_PER_MINUTE),
        },
      },
    });
    gateways = stack.gateways.map((gateway) => gateway.url);
  }, 180_000);

  afterAll(async () => {
    for (const socket of open) socket.close();
    await stack?.stop();
  });

  it('holds the per-user connection cap against parallel handshakes on every gateway', async () => {
    const token = await user();
    const outcomes = await Promise.all(
      Array.from({ length: CAP + 10 }, (_, n) => handshake(gateways[n % gateways.length]!, { token })),
    );
    const held = sockets(outcomes);
    open.push(...held);
    expect(held).toHaveLength(CAP);
    expect(refusals(outcomes)).toEqual(Array(10).fill('TOO_MANY_CONNECTIONS'));
    // A closed connection frees its place (once its disconnect reached the gateway). Few, spaced
    // retries: each is a handshake, counted against the per-minute limit.
    held[0]!.close();
    let again: Outcome = { refusal: 'not tried' };
    for (let attempt = 0; attempt < 15 && 'refusal' in again; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      again = await handshake(gateways.at(-1)!, { token });
    }
    expect(again).toHaveProperty('socket');
    open.push(...sockets([again]));
  });

  it('limits the handshakes (connects and resumes) of one user per minute', async () => {
    const token = await user();
    const first = await handshake(gateways[0]!, { token });
    if (!('socket' in first)) throw new Error(`refused: ${first.refusal}`);
    const { sessionId } = first.ready;
    first.socket.close();
    const outcomes = await Promise.all(
      Array.from({ length: 2 * HANDSHAKES_PER_MINUTE + 1 }, (_, n) =>
        handshake(gateways[n % gateways.length]!, { token, sessionId, lastSeq: 0 }),
      ),
    );
    for (const socket of sockets(outcomes)) socket.close();
    // Whatever minute boundary falls in between, 2 × limit + 1 handshakes cannot all be counted in.
    expect(refusals(outcomes)).toContain('RATE_LIMITED');
    for (const refusal of refusals(outcomes))
      expect(['RATE_LIMITED', 'TOO_MANY_CONNECTIONS']).toContain(refusal);
  });

  it('answers an event flood RATE_LIMITED, closes a connection that keeps flooding, never limits normal use', async () => {
    const token = await user();
    const outcome = await handshake(gateways[0]!, { token });
    if (!('socket' in outcome)) throw new Error(`refused: ${outcome.refusal}`);
    const { socket } = outcome;
    const signals: { name: string; payload: unknown }[] = [];
    socket.onAny((name: string, payload: unknown) => signals.push({ name, payload }));
    const idle = (value: boolean) =>
      socket.timeout(3_000).emitWithAck('presence.idle', { idle: value }) as Promise<RealtimeAck>;

    // Normal use: a device toggling idle a few times a second is never limited.
    for (let n = 0; n < 10; n++) {
      expect(await idle(n % 2 === 0)).toEqual({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }

    const flood = await Promise.all(Array.from({ length: 100 }, () => idle(true).catch(() => null)));
    const answered = flood.filter((answer): answer is RealtimeAck => answer !== null);
    expect(answered.filter((answer) => !answer.ok).length).toBeGreaterThan(0);
    for (const answer of answered.filter((a) => !a.ok))
      expect(answer).toMatchObject({ code: 'RATE_LIMITED' });
    await until(() => !socket.connected, 5_000);
    expect(signals).toContainEqual({ name: 'reconnect', payload: { reason: 'RATE_LIMITED' } });

    // The limit is the connection's: a new one works at once.
    const fresh = await handshake(gateways[0]!, { token });
    if (!('socket' in fresh)) throw new Error(`refused: ${fresh.refusal}`);
    open.push(fresh.socket);
    expect(await fresh.socket.timeout(3_000).emitWithAck('presence.idle', { idle: false })).toEqual({
      ok: true,
    });
  });
});
