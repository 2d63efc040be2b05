import { randomUUID } from 'node:crypto';
import { TOPICS, type AnyEvent, type Topic } from '@bonfire/contracts';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createEvent } from './event-bus';
import { describeEventBusContract, waitFor } from './event-bus.contract';
import { KafkaEventBus } from './kafka-event-bus';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describeEventBusContract('kafka', async () => {
  const bus = new KafkaEventBus({
    brokers,
    clientId: 'messaging-contract-test',
    // Fast joins and rebalances for tests (6 s is the broker's minimum session timeout).
    session: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 100, rebalanceTimeoutMs: 3_000 },
    fetchMaxWaitMs: 100,
  });
  const raw = new Kafka({ clientId: 'messaging-contract-raw', brokers, logLevel: logLevel.NOTHING }).producer(
    {
      createPartitioner: Partitioners.DefaultPartitioner,
    },
  );
  await raw.connect();
  return {
    bus,
    publishRaw: async (topic, key, value) => {
      await raw.send({ topic, messages: [{ key, value: JSON.stringify(value) }] });
    },
    dispose: async () => {
      await bus.close();
      await raw.disconnect();
    },
  };
});

describe('KafkaEventBus subscribe failures', () => {
  it('rejects a subscription that fails before joining, and leaves no join timeout to reject later', async () => {
    const bus = new KafkaEventBus({ brokers, clientId: 'messaging-failure-test', joinTimeoutMs: 200 });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // A topic list kafkajs refuses at subscribe time (as a misconfigured deployment would give it).
      await expect(
        bus.subscribe({
          group: `failure-${randomUUID()}`,
          topics: [undefined as unknown as Topic],
          handler: async () => undefined,
        }),
      ).rejects.toThrow(/topic/i);
      await new Promise((wait) => setTimeout(wait, 500));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await bus.close();
    }
  });
});

describe('KafkaEventBus commitIntervalMs', () => {
  const topic = TOPICS.platformSelftest;
  const session = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 100, rebalanceTimeoutMs: 3_000 };

  it('commits nothing per event within the interval, and everything handled when the subscription closes', async () => {
    const run = randomUUID();
    const group = `interval-commits-${run}`;
    const admin = new Kafka({
      clientId: 'messaging-interval-admin',
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const bus = new KafkaEventBus({
      brokers,
      clientId: 'messaging-interval-test',
      session,
      fetchMaxWaitMs: 100,
    });
    const committed = async () =>
      (await admin.fetchOffsets({ groupId: group, topics: [topic] }))[0]!.partitions.map((p) => p.offset);
    const handledBy = (list: number[]) => async (event: AnyEvent) => {
      if (event.type === 'platform.selftest' && event.data.note === run) list.push(event.data.sequence);
    };
    const publish = (sequence: number) =>
      bus.publish(createEvent('platform.selftest', `key-${run}`, { sequence, note: run }, 'test'));
    try {
      const first: number[] = [];
      const subscription = await bus.subscribe({
        group,
        topics: [topic],
        startFrom: 'earliest',
        // Longer than the test: a commit seen before close() would be a per-batch one.
        commitIntervalMs: 600_000,
        handler: handledBy(first),
      });
      // One at a time, so each is a fetched batch of its own (auto-commit would commit after each).
      for (let sequence = 1; sequence <= 3; sequence++) {
        await publish(sequence);
        await waitFor(() => first.length === sequence);
      }
      expect(new Set(await committed())).toEqual(new Set(['-1']));

      await subscription.close();

      // The group resumes after what the first member handled, not from the earliest offset.
      const second: number[] = [];
      await bus.subscribe({ group, topics: [topic], startFrom: 'earliest', handler: handledBy(second) });
      await publish(4);
      await waitFor(() => second.length > 0);
      expect(first).toEqual([1, 2, 3]);
      expect(second).toEqual([4]);
    } finally {
      await bus.close();
      await admin.disconnect();
    }
  });
});
