import { KAFKA_HEADERS as HEADERS } from '@bonfire/messaging';
import { Kafka, logLevel } from 'kafkajs';

/** One event found on a dead-letter topic during the run. */
interface DeadLetterSeen {
  topic: string;
  reason: string;
  attempts: number;
  group: string;
  /** Refused before any try (not a valid envelope): the one kind allowed to sit there. */
  invalid: boolean;
}

const kafka = () =>
  new Kafka({
    clientId: 'bonfire-faults',
    brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 8 },
  });

/** Every dead-letter topic (`<topic>.dlq`) and its partitions' high watermarks. */
export async function deadLetterOffsets(): Promise<Map<string, Map<number, bigint>>> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.endsWith('.dlq'));
    const offsets = new Map<string, Map<number, bigint>>();
    for (const topic of topics) {
      const partitions = await admin.fetchTopicOffsets(topic);
      offsets.set(topic, new Map(partitions.map((p) => [p.partition, BigInt(p.high)])));
    }
    return offsets;
  } finally {
    await admin.disconnect();
  }
}

/**
 * The events put on a dead-letter topic since `before` (the offsets taken at the start): each read back
 * with its reason headers (libs/messaging/src/kafka-dead-letters.ts). On a shared broker other stacks'
 * dead letters count too: a clean run needs none anywhere.
 */
export async function deadLettersSince(before: Map<string, Map<number, bigint>>): Promise<DeadLetterSeen[]> {
  const after = await deadLetterOffsets();
  const fresh: { topic: string; partition: number; from: bigint; to: bigint }[] = [];
  for (const [topic, partitions] of after) {
    for (const [partition, high] of partitions) {
      const from = before.get(topic)?.get(partition) ?? 0n;
      if (high > from) fresh.push({ topic, partition, from, to: high });
    }
  }
  if (fresh.length === 0) return [];
  const consumer = kafka().consumer({ groupId: `bonfire-faults-dlq-${Date.now()}` });
  const seen: DeadLetterSeen[] = [];
  const total = fresh.reduce((sum, range) => sum + Number(range.to - range.from), 0);
  await consumer.connect();
  try {
    await consumer.subscribe({
      topics: [...new Set(fresh.map((range) => range.topic))],
      fromBeginning: true,
    });
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const range = fresh.find((r) => r.topic === topic && r.partition === partition);
          if (!range || BigInt(message.offset) < range.from || BigInt(message.offset) >= range.to) return;
          const header = (name: string) => message.headers?.[name]?.toString() ?? '';
          seen.push({
            topic,
            reason: header(HEADERS.dlqReason),
            attempts: Number(header(HEADERS.dlqAttempts) || 0),
            group: header(HEADERS.dlqGroup),
            invalid: Number(header(HEADERS.dlqAttempts) || 0) === 0,
          });
          if (seen.length >= total) resolve();
        },
      });
    });
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
