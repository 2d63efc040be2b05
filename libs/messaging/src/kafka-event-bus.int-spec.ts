import { randomUUID } from 'node:crypto';
import { type AnyEvent, type Topic, TOPICS } from '@bonfire/contracts';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createEvent } from './event-bus';
import { describeEventBusContract, waitFor } from './event-bus.contract';
import { sleep } from './retry';
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

describe('KafkaEventBus commitEveryMs', () => {
  const topic = TOPICS.platformSelftest;
  const selftest = (note: string, sequence: number) =>
    createEvent('platform.selftest', `interval-${note}`, { sequence, note }, 'messaging-interval-test');
  const sequencesOf = (note: string, into: number[]) => async (event: AnyEvent) => {
    if (event.type === 'platform.selftest' && event.data.note === note) into.push(event.data.sequence);
  };

  it('commits what was handled on its timer, and what is left when the subscription closes', async () => {
    const bus = new KafkaEventBus({
      brokers,
      clientId: 'messaging-interval-test',
      session: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 100, rebalanceTimeoutMs: 3_000 },
      fetchMaxWaitMs: 100,
    });
    const admin = new Kafka({
      clientId: 'messaging-interval-admin',
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const group = `interval-${randomUUID()}`;
    const note = randomUUID();
    /** Each partition the group has a position in, with how far that is behind the partition's end. */
    const behind = async () => {
      const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
      return committed!.partitions
        .filter(({ offset }) => Number(offset) >= 0)
        .map(({ partition, offset }) => ends.get(partition)! - Number(offset));
    };
    try {
      // On the timer: the position moves past every handled event while the subscription runs.
      const first: number[] = [];
      const ticking = await bus.subscribe({
        group,
        topics: [topic],
        commitEveryMs: 200,
        handler: sequencesOf(note, first),
      });
      await bus.publish(Array.from({ length: 10 }, (_, i) => selftest(note, i)));
      await waitFor(() => first.length === 10);
      const deadline = Date.now() + 5_000;
      while ((await behind()).join() !== '0' && Date.now() < deadline) await sleep(100);
      expect(await behind()).toEqual([0]);
      await ticking.close();

      // On close: a timer that never fires still leaves nothing handled to the next member.
      const second: number[] = [];
      const closing = await bus.subscribe({
        group,
        topics: [topic],
        commitEveryMs: 600_000,
        handler: sequencesOf(note, second),
      });
      await bus.publish(Array.from({ length: 5 }, (_, i) => selftest(note, 10 + i)));
      await waitFor(() => second.length === 5);
      await closing.close();
      const third: number[] = [];
      await bus.subscribe({ group, topics: [topic], handler: sequencesOf(note, third) });
      await bus.publish(selftest(note, 15));
      await waitFor(() => third.length === 1);
      expect([first, second, third]).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10, 11, 12, 13, 14], [15]]);
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  });
});
