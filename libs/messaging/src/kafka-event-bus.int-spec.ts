import { randomUUID } from 'node:crypto';
import type { Topic } from '@bonfire/contracts';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { describeEventBusContract } from './event-bus.contract';
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
