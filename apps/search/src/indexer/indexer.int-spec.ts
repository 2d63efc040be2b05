import { createServer, type Server, type Socket, connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Message } from '@bonfire/contracts';
import { createEvent, type DeadLetter, KafkaEventBus } from '@bonfire/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchTestApp } from '../testing/search-test-app';

/**
 * The indexer against the real Kafka and Elasticsearch: events are published straight to chat.messages
 * so their order is under the test's control. Elasticsearch "going down" is a real TCP proxy in front
 * of it being closed (the shared server keeps running for everyone else).
 */
class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

const suffix = randomUUID().slice(0, 8);
const alias = `messages-int-${suffix}`;
let sequence = 0n;
const baseId = BigInt(Date.now() - Date.UTC(2026, 0, 1)) << 22n;
const nextId = () => String(baseId + ++sequence);

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: nextId(),
    channelId: channelId,
    guildId: '1',
    authorId: '2',
    content: 'hello world',
    nonce: null,
    replyToId: null,
    attachments: [],
    mentions: { userIds: [], roleIds: [], everyone: false },
    pinned: false,
    revision: 0,
    editedAt: null,
    createdAt: new Date().toISOString(),
    reactions: [],
    ...overrides,
  };
}

let channelId = '';
let app: SearchTestApp;
let bus: KafkaEventBus;
const proxy = new TcpProxy(new URL(process.env['ELASTICSEARCH_URL']!));

async function documentOf(id: string): Promise<Record<string, unknown> | null> {
  const response = await app.elasticsearch.get({ index: alias, id }, { ignore: [404] });
  return response.found ? (response._source as Record<string, unknown>) : null;
}

async function waitFor<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  channelId = nextId();
  await proxy.open();
  app = await SearchTestApp.start({
    ELASTICSEARCH_URL: `http://127.0.0.1:${proxy.port}`,
    SEARCH_INDEX_ALIAS: alias,
    SEARCH_CONSUMER_GROUP: `search.indexer.int-${suffix}`,
    SEARCH_INDEXER_ENABLED: 'true',
    SEARCH_INDEXER_START_FROM: 'latest',
    SEARCH_RETRY_MAX_DELAY_MS: '500',
  });
  await waitFor(
    () => app.call('GET', '/health/ready').then((response) => response.status),
    (status) => status === 200,
    30_000,
  );
  bus = new KafkaEventBus({ brokers: process.env['KAFKA_BROKERS']!.split(','), clientId: 'search-int-test' });
}, 60_000);

afterAll(async () => {
  await bus?.close();
  // by name: Elasticsearch refuses to delete indices by wildcard (action.destructive_requires_name)
  const indices = Object.keys(
    (await app?.elasticsearch.indices.get({ index: `${alias}-v*` }).catch(() => null)) ?? {},
  );
  if (indices.length > 0)
    await app.elasticsearch.indices.delete({ index: indices.join(',') }, { ignore: [404] });
  await app?.elasticsearch.indices.deleteIndexTemplate({ name: `${alias}-template` }).catch(() => undefined);
  await app?.stop();
  await proxy.close();
});

describe('indexer', () => {
  it('creates the versioned index behind the alias', async () => {
    const aliases = await app.elasticsearch.indices.getAlias({ name: alias });
    expect(Object.keys(aliases)).toEqual([`${alias}-v1`]);
  });

  it('indexes created messages with has values, and reflects edits', async () => {
    const created = message({
      content: 'see https://example.com',
      attachments: [{ id: '9', filename: 'a.png', contentType: 'image/png', size: 1, width: 1, height: 1 }],
    });
    await bus.publish(createEvent('message.created', channelId, { message: created }, 'test'));
    const indexed = await waitFor(
      () => documentOf(created.id),
      (doc) => doc !== null,
    );
    expect(indexed).toMatchObject({
      content: 'see https://example.com',
      has: ['link', 'file', 'image'],
      deleted: false,
    });

    const edited = { ...created, content: 'edited text', attachments: [], revision: 1 };
    await bus.publish(createEvent('message.updated', channelId, { message: edited }, 'test'));
    const after = await waitFor(
      () => documentOf(created.id),
      (doc) => doc?.['content'] === 'edited text',
    );
    expect(after).toMatchObject({ content: 'edited text', has: [], revision: 1 });
  });

  it('ignores an older update that arrives late, and a delete wins over everything', async () => {
    const original = message({ content: 'v0' });
    await bus.publish([
      createEvent('message.created', channelId, { message: original }, 'test'),
      createEvent(
        'message.updated',
        channelId,
        { message: { ...original, content: 'v2', revision: 2 } },
        'test',
      ),
      createEvent(
        'message.updated',
        channelId,
        { message: { ...original, content: 'v1', revision: 1 } },
        'test',
      ),
    ]);
    const marker = message({ content: 'marker' });
    await bus.publish(createEvent('message.created', channelId, { message: marker }, 'test'));
    await waitFor(
      () => documentOf(marker.id),
      (doc) => doc !== null,
    );
    expect(await documentOf(original.id)).toMatchObject({ content: 'v2', revision: 2 });

    await bus.publish([
      createEvent(
        'message.deleted',
        channelId,
        { messageId: original.id, channelId, guildId: '1', revision: 3, attachmentIds: [] },
        'test',
      ),
      createEvent(
        'message.updated',
        channelId,
        { message: { ...original, content: 'late', revision: 2 } },
        'test',
      ),
      createEvent('message.created', channelId, { message: original }, 'test'),
    ]);
    const marker2 = message({ content: 'marker' });
    await bus.publish(createEvent('message.created', channelId, { message: marker2 }, 'test'));
    await waitFor(
      () => documentOf(marker2.id),
      (doc) => doc !== null,
    );
    expect(await documentOf(original.id)).toMatchObject({ deleted: true, revision: 3 });
  });

  it('pauses while Elasticsearch is unreachable and loses nothing when it is back', async () => {
    await proxy.close();
    const during = Array.from({ length: 50 }, (_, index) => message({ content: `outage ${index}` }));
    await bus.publish(during.map((m) => createEvent('message.created', channelId, { message: m }, 'test')));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await proxy.open();
    for (const m of during) {
      expect(
        await waitFor(
          () => documentOf(m.id),
          (doc) => doc !== null,
          20_000,
        ),
      ).not.toBeNull();
    }
  }, 40_000);

  it('makes a published message searchable within about a second (freshness)', async () => {
    const samples: number[] = [];
    for (let run = 0; run < 20; run++) {
      const m = message({ content: `fresh${run}` });
      const started = Date.now();
      await bus.publish(createEvent('message.created', channelId, { message: m }, 'test'));
      await waitFor(
        () => app.elasticsearch.count({ index: alias, query: { term: { id: m.id } } }).then((r) => r.count),
        (count) => count === 1,
        5_000,
      );
      samples.push(Date.now() - started);
    }
    samples.sort((a, b) => a - b);
    const p95 = samples[Math.ceil(samples.length * 0.95) - 1]!;
    // eslint-disable-next-line no-console -- the figure is the point of this test
    console.log(
      `freshness (publish → searchable) p50 ${samples[10]} ms, p95 ${p95} ms, max ${samples.at(-1)} ms`,
    );
    expect(p95).toBeLessThan(1_500);
  }, 60_000);

  it('dead-letters invalid events to chat.messages.dlq with the reason, and keeps indexing', async () => {
    const letters: DeadLetter[] = [];
    const reader = await bus.subscribeDeadLetters({
      group: `search-int-dlq-reader-${suffix}`,
      topics: ['chat.messages'],
      startFrom: 'latest',
      handler: async (letter) => {
        // other consumers of chat.messages (file, gateways of other test runs) dead-letter them too
        if (letter.group === `search.indexer.int-${suffix}`) letters.push(letter);
      },
    });
    const kafka = new Kafka({
      brokers: process.env['KAFKA_BROKERS']!.split(','),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const valid = createEvent('message.created', channelId, { message: message() }, 'test');
      const { content: _content, ...withoutContent } = valid.data.message;
      const after = message({ content: 'after the invalid ones' });
      await producer.send({
        topic: 'chat.messages',
        acks: -1,
        messages: [
          { key: channelId, value: 'not json {' },
          { key: channelId, value: JSON.stringify({ ...valid, data: { message: withoutContent } }) },
          {
            key: channelId,
            value: JSON.stringify(createEvent('message.created', channelId, { message: after }, 'test')),
          },
        ],
      });
      expect(
        await waitFor(
          () => documentOf(after.id),
          (doc) => doc !== null,
        ),
      ).toMatchObject({ content: 'after the invalid ones' });
      await waitFor(
        async () => letters.length,
        (count) => count >= 2,
      );
      expect(letters).toHaveLength(2);
      expect(letters.map((letter) => letter.payload)).toEqual([
        'not json {',
        expect.objectContaining({ id: valid.id }),
      ]);
      expect(letters[0]).toMatchObject({ topic: 'chat.messages', attempts: 0, key: channelId });
      expect(letters[0]!.reason).toMatch(/JSON/);
      expect(letters[1]!.reason).toContain('content');
      expect(await documentOf(valid.data.message.id)).toBeNull();
      // counted by the indexer's own dead-letter reader, which may see them a moment after this test's
      const deadLettered = /search_indexer_dead_lettered_total\{[^}]*\} 2/;
      const metrics = await waitFor(
        () => fetch(`${app.service.url}/metrics`).then((response) => response.text()),
        (text) => deadLettered.test(text),
      );
      expect(metrics).toMatch(deadLettered);
    } finally {
      await producer.disconnect();
      await reader.close();
    }
  }, 40_000);

  it('exports the consumer lag on /metrics', async () => {
    await app.indexer.currentLag();
    const response = await fetch(`${app.service.url}/metrics`);
    const text = await response.text();
    expect(text).toMatch(/search_indexer_consumer_lag\{[^}]*\} \d+/);
    expect(text).toContain('search_indexing_delay_seconds_bucket');
  });
});
