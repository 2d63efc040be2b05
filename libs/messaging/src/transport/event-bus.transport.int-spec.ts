import { randomUUID } from 'node:crypto';
import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import { HealthRegistry } from '@bonfire/platform';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { describe, expect, it } from 'vitest';
import { createEvent, type DeadLetter } from '../event-bus';
import { KafkaEventBus } from '../kafka-event-bus';
import { EventBusTransport } from './event-bus.transport';
import { eventGroup, EventHandlers } from './event-handlers';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const GROUP = Symbol('GROUP');
const handled: number[] = [];
/** Other tests publish platform.selftest too: this one counts only its own key. */
let ownKey = '';

@EventHandlers()
class SelftestHandlers {
  @EventPattern(
    'platform.selftest',
    eventGroup(GROUP, (group: string) => ({
      group,
      readiness: 'selftest-consumer',
      retry: { maxRetries: 1, initialDelayMs: 10 },
    })),
  )
  async handle(@Payload() event: AnyEvent): Promise<void> {
    if (event.type !== 'platform.selftest' || event.key !== ownKey) return;
    if (event.data.note === 'fail') throw new Error(`selftest ${event.data.sequence} refused`);
    handled.push(event.data.sequence);
  }
}

@Module({ controllers: [SelftestHandlers] })
class SelftestModule {}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('EventBusTransport on Kafka', () => {
  it('joins its group before it is ready, handles events, retries then dead-letters a failing one', async () => {
    const bus = new KafkaEventBus({
      brokers,
      clientId: 'messaging-transport-test',
      session: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 100, rebalanceTimeoutMs: 3_000 },
      fetchMaxWaitMs: 100,
    });
    const health = new HealthRegistry();
    const group = `transport-test-${randomUUID()}`;
    const transport = new EventBusTransport({
      bus,
      health,
      get: (token) => (token === GROUP ? group : undefined),
    });
    const app = await NestFactory.createMicroservice(SelftestModule, { strategy: transport, logger: false });
    try {
      const letters: DeadLetter[] = [];
      await bus.subscribeDeadLetters({
        group: `${group}-dlq`,
        topics: [TOPICS.platformSelftest],
        handler: async (letter) => void letters.push(letter),
      });
      await app.listen();
      expect((await health.readiness()).checks['selftest-consumer']).toMatchObject({ status: 'down' });
      await until(async () => (await health.readiness()).ready, 30_000);

      const key = randomUUID();
      ownKey = key;
      await bus.publish([
        createEvent('platform.selftest', key, { sequence: 1 }, 'test'),
        createEvent('platform.selftest', key, { sequence: 2, note: 'fail' }, 'test'),
        createEvent('platform.selftest', key, { sequence: 3 }, 'test'),
      ]);
      await until(() => handled.length === 2 && letters.some((letter) => letter.group === group), 30_000);
      expect(handled).toEqual([1, 3]);
      expect(letters.find((letter) => letter.group === group)).toMatchObject({
        reason: 'selftest 2 refused',
        attempts: 2,
        topic: TOPICS.platformSelftest,
      });
    } finally {
      await app.close();
      await bus.close();
    }
  }, 90_000);
});
