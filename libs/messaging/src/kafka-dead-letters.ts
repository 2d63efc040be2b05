import { deadLetterTopic } from '@bonfire/contracts';
import type { KafkaMessage, ProducerRecord } from 'kafkajs';
import type { DeadLetter } from './event-bus';

/** Headers on every message (the envelope in the value stays the source of truth). */
export const HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  eventVersion: 'event-version',
  dlqReason: 'dlq-reason',
  dlqAttempts: 'dlq-attempts',
  dlqGroup: 'dlq-group',
  dlqFailedAt: 'dlq-failed-at',
  dlqOriginalTopic: 'dlq-original-topic',
  dlqOriginalPartition: 'dlq-original-partition',
  dlqOriginalOffset: 'dlq-original-offset',
} as const;

export interface FailedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: string;
  /** How many times handling was tried (0: refused before any try, e.g. not a valid envelope). */
  attempts: number;
  group: string;
}

/**
 * The record that puts a message on `<topic>.dlq`: its key and bytes unchanged, the reason and where it came
 * from in headers (HEADERS.dlq*), so `subscribeDeadLetters` and an operator can tell why and replay it.
 */
export function deadLetterRecord(letter: FailedMessage): ProducerRecord {
  const { topic, partition, message } = letter;
  return {
    topic: deadLetterTopic(topic),
    acks: -1,
    messages: [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          [HEADERS.dlqReason]: letter.reason,
          [HEADERS.dlqAttempts]: String(letter.attempts),
          [HEADERS.dlqGroup]: letter.group,
          [HEADERS.dlqFailedAt]: new Date().toISOString(),
          [HEADERS.dlqOriginalTopic]: topic,
          [HEADERS.dlqOriginalPartition]: String(partition),
          [HEADERS.dlqOriginalOffset]: message.offset,
        },
      },
    ],
  };
}

function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

export function readDeadLetter(message: KafkaMessage): DeadLetter {
  const raw = message.value?.toString('utf8') ?? null;
  let payload: unknown = raw;
  try {
    payload = raw === null ? null : JSON.parse(raw);
  } catch {
    // not JSON: keep the text, it may be why the event was dead-lettered
  }
  const partition = header(message, HEADERS.dlqOriginalPartition);
  const offset = header(message, HEADERS.dlqOriginalOffset);
  return {
    topic: header(message, HEADERS.dlqOriginalTopic) ?? '',
    key: message.key?.toString('utf8') ?? null,
    payload,
    reason: header(message, HEADERS.dlqReason) ?? '',
    attempts: Number(header(message, HEADERS.dlqAttempts) ?? 0),
    group: header(message, HEADERS.dlqGroup) ?? '',
    failedAt: header(message, HEADERS.dlqFailedAt) ?? '',
    ...(partition === undefined ? {} : { partition: Number(partition) }),
    ...(offset === undefined ? {} : { offset }),
  };
}
