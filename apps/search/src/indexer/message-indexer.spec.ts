import type { Message } from '@bonfire/contracts';
import { createEvent, InProcessEventBus } from '@bonfire/messaging';
import { HealthRegistry, MetricsService, ServiceLogger } from '@bonfire/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchConfigSchema } from '../config';
import {
  type IndexOperation,
  type IndexOutcome,
  MessageIndex,
  type SearchPage,
} from '../index/message-index';
import { MessageIndexer } from './message-indexer';

/**
 * An index that records each write and answers what the test decides: how the indexer turns what the
 * bus hands over into writes, and what it sends again. (The adapters themselves pass
 * message-index.contract.ts; the indexer on the real servers: indexer.int-spec.ts.)
 */
class RecordingIndex extends MessageIndex {
  readonly writes: string[][] = [];
  readonly applied = new Set<string>();
  /** Decides each write: throw (unreachable), or an outcome per operation (default done). */
  answer: (operations: readonly IndexOperation[]) => Promise<IndexOutcome[]> = async (operations) =>
    operations.map(() => 'done');

  async apply(operations: readonly IndexOperation[]): Promise<IndexOutcome[]> {
    this.writes.push(operations.map((operation) => operation.id));
    const outcomes = await this.answer(operations);
    operations.forEach((operation, position) => {
      if (outcomes[position] === 'done') this.applied.add(operation.id);
    });
    return outcomes;
  }

  async search(): Promise<SearchPage> {
    return { total: 0, messages: [] };
  }
}

const channelId = '1001';
let sequence = 0;
function created(content = 'hello') {
  const message: Message = {
    id: String(3_000_000 + ++sequence),
    channelId,
    guildId: '1000',
    authorId: '7',
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
  };
  return createEvent('message.created', channelId, { message }, 'test');
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let bus: InProcessEventBus;
let index: RecordingIndex;
let indexer: MessageIndexer;
let metrics: MetricsService;

beforeEach(async () => {
  bus = new InProcessEventBus();
  index = new RecordingIndex();
  metrics = new MetricsService();
  const health = new HealthRegistry();
  const config = searchConfigSchema.parse({
    ...process.env,
    BONFIRE_MODE: 'standalone',
    LOG_LEVEL: 'silent',
    CHAT_URL: 'http://127.0.0.1:1',
    SEARCH_BULK_MAX: '50',
    SEARCH_RETRY_MAX_DELAY_MS: '20',
  });
  indexer = new MessageIndexer(config, bus, index, health, metrics, new ServiceLogger('search', 'silent'));
  indexer.onApplicationBootstrap();
  const deadline = Date.now() + 5_000;
  while (!(await health.readiness()).ready && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
});

afterEach(async () => {
  await indexer.beforeApplicationShutdown();
  await bus.close();
});

describe('MessageIndexer', () => {
  it('writes what the bus hands over as one batch, at most SEARCH_BULK_MAX operations a write', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    index.answer = async (operations) => {
      if (index.writes.length === 1) await held; // the first write waits while the rest queues up
      return operations.map(() => 'done');
    };
    const events = Array.from({ length: 121 }, () => created());

    await bus.publish(events.slice(0, 1));
    await until(() => index.writes.length === 1);
    await bus.publish(events.slice(1));
    release();

    await until(() => index.applied.size === events.length);
    expect(index.writes.map((write) => write.length)).toEqual([1, 50, 50, 20]);
    expect(index.writes.flat()).toEqual(events.map((event) => event.data.message.id));
  });

  it('sends again only the operations the index could not take yet', async () => {
    const events = Array.from({ length: 5 }, () => created());
    const busy = events[1]!.data.message.id;
    const refused = events[3]!.data.message.id;
    index.answer = async (operations) =>
      operations.map((operation): IndexOutcome => {
        if (operation.id === refused) return 'rejected';
        return operation.id === busy && index.writes.length === 1 ? 'retry' : 'done';
      });

    await bus.publish(events);

    await until(() => index.applied.has(busy));
    expect(index.writes).toEqual([events.map((event) => event.data.message.id), [busy]]);
    expect(index.applied.has(refused)).toBe(false);
  });

  it('waits while the index is unreachable, then applies everything', async () => {
    let down = true;
    index.answer = async (operations) => {
      if (down) throw new Error('connect ECONNREFUSED');
      return operations.map(() => 'done');
    };
    const events = Array.from({ length: 3 }, () => created());

    await bus.publish(events);
    await until(() => index.writes.length >= 3);
    expect(await metrics.registry.getSingleMetricAsString('search_indexer_paused')).toMatch(/ 1$/m);
    expect(index.applied.size).toBe(0);
    down = false;

    await until(() => index.applied.size === events.length);
    expect(await metrics.registry.getSingleMetricAsString('search_indexer_paused')).toMatch(/ 0$/m);
    expect(new Set(index.writes.map((write) => write.join()))).toEqual(
      new Set([events.map((event) => event.data.message.id).join()]),
    );
  });
});
