/**
 * An outbox relay in its own process, for the crash test: the test SIGKILLs it mid-stream.
 * RELAY_MARK_DELAY_MS widens the window between "published" and "marked" so the kill lands there.
 */
import { KafkaEventBus } from '../../kafka-event-bus';
import { sleep } from '../../retry';
import { OutboxRelay } from '../outbox-relay';

const bus = new KafkaEventBus({
  brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  clientId: 'outbox-relay-child',
});
const markDelayMs = Number(process.env.RELAY_MARK_DELAY_MS ?? 0);
const relay = new OutboxRelay({
  connection: process.env.OUTBOX_TEST_DATABASE_URL ?? '',
  batchSize: Number(process.env.RELAY_BATCH_SIZE ?? 100),
  bus: {
    publish: async (events) => {
      await bus.publish(events);
      await sleep(markDelayMs);
    },
  },
});
relay.start();
process.stdout.write('relay started\n');
