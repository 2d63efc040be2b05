import { Kafka, Partitioners, logLevel } from 'kafkajs';
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
