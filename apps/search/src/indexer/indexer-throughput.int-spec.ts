import { randomUUID } from 'node:crypto';
import type { Message } from '@bonfire/contracts';
import { createEvent } from '@bonfire/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchTestApp } from '../testing/search-test-app';

/**
 * Indexing throughput through the real consumer path (Kafka → EventBus batch subscription → `_bulk`):
 * 10,000 `message.created` events produced at once to a topic of the test's own (12 partitions like
 * chat.messages, so the other consumers of chat.messages never see them), timed until the indexer has
 * applied them all. The figure is logged (README → Figures); the test proves none is lost.
 */
const TOTAL = 10_000;
const suffix = randomUUID().slice(0, 8);
const alias = `messages-throughput-${suffix}`;
const group = `search.indexer.throughput-${suffix}`;
const topic = `search-int-throughput-${suffix}`;
const brokers = process.env['KAFKA_BROKERS']!.split(',');
const kafka = new Kafka({ clientId: 'search-throughput-test', brokers, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer({ allowAutoTopicCreation: false });
let app: SearchTestApp;

const baseId = BigInt(Date.now() - Date.UTC(2026, 0, 1)) << 22n;

function message(n: number): Message {
  return {
    id: String(baseId + BigInt(n)),
    channelId: String(1_000 + (n % 10)),
    guildId: '1',
    authorId: String(2 + (n % 5)),
    content: `throughput message ${n} with a few words to analyse`,
    nonce: null,
    replyToId: null,
    attachments: [],
    mentions: { userIds: [], roleIds: [], everyone: false },
    pinned: false,
    revision: 0,
    editedAt: null,
    createdAt: new Date().toISOString(),
    reactions: [],
  };
}

async function operationsApplied(): Promise<number> {
  const text = await fetch(`${app.service.url}/metrics`).then((response) => response.text());
  return Number(/^search_indexer_operations_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? 0);
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic, numPartitions: 12, replicationFactor: 1 },
      { topic: `${topic}.dlq`, numPartitions: 1, replicationFactor: 1 },
    ],
  });
  await producer.connect();
  app = await SearchTestApp.start({
    SEARCH_INDEX_ALIAS: alias,
    SEARCH_CONSUMER_GROUP: group,
    SEARCH_SOURCE_TOPICS: topic,
    SEARCH_INDEXER_ENABLED: 'true',
    SEARCH_INDEXER_START_FROM: 'earliest',
  });
  const deadline = Date.now() + 30_000;
  while ((await app.call('GET', '/health/ready')).status !== 200) {
    if (Date.now() > deadline) throw new Error('the indexer did not join its group within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);

afterAll(async () => {
  await app?.stop();
  const indices = Object.keys(
    (await app?.elasticsearch.indices.get({ index: `${alias}-v*` }).catch(() => null)) ?? {},
  );
  if (indices.length > 0)
    await app.elasticsearch.indices.delete({ index: indices.join(',') }, { ignore: [404] });
  await app?.elasticsearch.indices.deleteIndexTemplate({ name: `${alias}-template` }).catch(() => undefined);
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.disconnect();
});

describe('indexer throughput', () => {
  it(`indexes ${TOTAL.toLocaleString('en')} messages produced at once, losing none`, async () => {
    const records = Array.from({ length: TOTAL }, (_, n) => {
      const m = message(n);
      return {
        key: m.channelId,
        value: JSON.stringify(createEvent('message.created', m.channelId, { message: m }, 'test')),
      };
    });
    const before = await operationsApplied();
    const started = performance.now();
    for (let from = 0; from < TOTAL; from += 2_000) {
      await producer.send({ topic, acks: -1, messages: records.slice(from, from + 2_000) });
    }
    const produced = performance.now();
    const deadline = Date.now() + 120_000;
    while ((await operationsApplied()) - before < TOTAL && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    // eslint-disable-next-line no-console -- the figure is the point of this test
    console.log(
      `indexing: ${TOTAL} messages in ${seconds.toFixed(2)} s = ${Math.round(TOTAL / seconds)} messages/s ` +
        `(produced in ${((produced - started) / 1000).toFixed(2)} s)`,
    );
    await app.elasticsearch.indices.refresh({ index: alias });
    expect((await app.elasticsearch.count({ index: alias })).count).toBe(TOTAL);
  }, 150_000);
});
