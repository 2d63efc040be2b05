import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvent } from './event-bus';
import { KafkaEventBus } from './kafka-event-bus';

/** The kafkajs producers the bus made, each recording its sends; the first `failures` sends throw. */
const producers = vi.hoisted(() => {
  const made: { sent: string[][]; connects: number; disconnected: boolean }[] = [];
  return { made, failures: 0 };
});

vi.mock('kafkajs', async (importActual) => {
  const actual = await importActual<typeof import('kafkajs')>();
  class Kafka {
    producer() {
      const record = { sent: [] as string[][], connects: 0, disconnected: false };
      producers.made.push(record);
      return {
        connect: async () => void record.connects++,
        disconnect: async () => void (record.disconnected = true),
        sendBatch: async ({ topicMessages }: { topicMessages: { messages: { key: string }[] }[] }) => {
          if (producers.failures > 0) {
            producers.failures--;
            throw Object.assign(
              new actual.KafkaJSProtocolError('The broker received an out of order sequence number'),
              { type: 'OUT_OF_ORDER_SEQUENCE_NUMBER', code: 45, retriable: false },
            );
          }
          record.sent.push(topicMessages.flatMap(({ messages }) => messages.map(({ key }) => key)));
        },
      };
    }
  }
  return { ...actual, Kafka };
});

afterEach(() => {
  producers.made.length = 0;
  producers.failures = 0;
});

describe('KafkaEventBus producer', () => {
  const event = (key: string) => createEvent('platform.selftest', key, { sequence: 1 }, 'test');

  it('sends through a new producer after a send failed (a broker that restarted refuses the old sequences)', async () => {
    const bus = new KafkaEventBus({ clientId: 'test', brokers: ['127.0.0.1:1'] });
    await bus.publish(event('a'));
    producers.failures = 1;
    await expect(bus.publish(event('b'))).rejects.toThrow(/out of order sequence number/);
    await bus.publish(event('b'));
    await bus.publish(event('c'));
    const [first, second] = producers.made;
    expect(producers.made).toHaveLength(2);
    expect(first).toMatchObject({ sent: [['a']], disconnected: true });
    expect(second).toMatchObject({ sent: [['b'], ['c']], connects: 1, disconnected: false });
    await bus.close();
    expect(second!.disconnected).toBe(true);
  });

  it('keeps its producer while sends succeed, and replaces it once for concurrent failures', async () => {
    const bus = new KafkaEventBus({ clientId: 'test', brokers: ['127.0.0.1:1'] });
    await Promise.all(['a', 'b', 'c'].map((key) => bus.publish(event(key))));
    expect(producers.made).toHaveLength(1);
    producers.failures = 2;
    const results = await Promise.allSettled([bus.publish(event('d')), bus.publish(event('e'))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(producers.made).toHaveLength(2);
    await bus.publish(event('f'));
    expect(producers.made[1]!.sent).toEqual([['f']]);
    await bus.close();
  });
});
