import type { Server } from 'node:http';
import type { EventData, RealtimeAck } from '@bonfire/contracts';
import { createEvent, standaloneEventBus } from '@bonfire/messaging';
import { type RunningService } from '@bonfire/platform';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from './bootstrap';
import {
  type Client,
  type FakeGuild,
  id,
  open,
  startFakeAuth,
  startFakeChat,
  token,
  url,
} from './realtime/realtime.test-kit';

/**
 * The gateway in the standalone shape: no Redis and no Kafka configured. Rate limits and realtime
 * sessions live in memory, events come from the in-process bus shared by the services of the process.
 */

const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
const guildId = id();
const general = id();
const [alice, bob] = [id(), id()];
const guild: FakeGuild = {
  guildId,
  ownerId: alice,
  visible: new Map([
    [alice, [general]],
    [bob, [general]],
  ]),
  channelNames: { [general]: 'general' },
};

function message(content: string): EventData<'message.created'> {
  return {
    message: {
      id: id(),
      channelId: general,
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

const publish = (content: string) =>
  standaloneEventBus().publish(createEvent('message.created', general, message(content), 'chat'));

const contents = (client: Client) =>
  client.of('message.created').map((d) => (d.data as EventData<'message.created'>).message.content);

describe('gateway in the standalone shape (no Redis, no Kafka)', () => {
  let chat: Server;
  let auth: Server;
  let gateway: RunningService;
  let stopped = false;

  beforeAll(async () => {
    [chat, auth] = await Promise.all([startFakeChat(guild, secret), startFakeAuth()]);
    gateway = await startGateway(
      {
        ...process.env,
        BONFIRE_MODE: 'standalone',
        REDIS_URL: undefined,
        KAFKA_BROKERS: undefined,
        PRESENCE_URL: undefined,
        GATEWAY_PORT: '0',
        GATEWAY_INTERNAL_PORT: '0',
        LOG_LEVEL: 'silent',
        AUTH_URL: url(auth),
        CHAT_URL: url(chat),
        RATE_LIMIT_IP_PER_MINUTE: '3',
        REALTIME_TYPING_INTERVAL_SECONDS: '2',
      },
      { handleSignals: false },
    );
  });

  afterAll(async () => {
    if (!stopped) await gateway?.stop();
    chat?.close();
    auth?.close();
  });

  it('is ready', async () => {
    const ready = await fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
  });

  it('limits REST requests per client in memory', async () => {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${gateway.url}/.well-known/jwks.json`);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await fetch(`${gateway.url}/.well-known/jwks.json`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('fans events out from the in-process bus and resumes a session from the in-memory buffer', async () => {
    const first = await open(gateway.url, { token: await token(alice) });
    await publish('one');
    await publish('two');
    await until(() => contents(first).length === 2);
    expect(first.dispatches.map((dispatch) => dispatch.seq)).toEqual([1, 2]);
    const { sessionId } = first.ready!;
    first.close();
    await until(() => !first.socket.connected);
    await publish('three');
    await publish('four');
    const resumed = await open(gateway.url, { token: await token(alice), sessionId, lastSeq: 2 });
    expect(resumed.signals[0]).toMatchObject({ name: 'resumed', payload: { sessionId, replayed: 2 } });
    await publish('five');
    await until(() => contents(resumed).includes('five'));
    expect(contents(resumed)).toEqual(['three', 'four', 'five']);
    expect(resumed.dispatches.map((dispatch) => dispatch.seq)).toEqual([3, 4, 5]);
    resumed.close();
  });

  it('answers resync for an unknown session', async () => {
    const client = await open(gateway.url, { token: await token(bob), sessionId: 'nope', lastSeq: 1 });
    expect(client.signals.map((signal) => signal.name)).toEqual(['resync', 'ready']);
    client.close();
  });

  it('sends typing to the others in the channel, once per interval', async () => {
    const a = await open(gateway.url, { token: await token(alice) });
    const b = await open(gateway.url, { token: await token(bob) });
    expect(await a.socket.emitWithAck('typing.start', { channelId: general })).toEqual({ ok: true });
    await until(() => b.of('typing.started').length === 1);
    const again = (await a.socket.emitWithAck('typing.start', { channelId: general })) as RealtimeAck;
    expect(again).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(a.of('typing.started')).toEqual([]);
    a.close();
    b.close();
  });

  it('shuts down without waiting for clients to resume elsewhere (there is no elsewhere)', async () => {
    const client = await open(gateway.url, { token: await token(alice) });
    const started = Date.now();
    stopped = true;
    await gateway.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(client.signals.map((signal) => signal.name)).toContain('reconnect');
  });
});
