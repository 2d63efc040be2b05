import { type AnyEvent, type Topic, TOPICS } from '@bonfire/contracts';
import { Writable } from 'node:stream';
import { type ComponentLogger, HealthRegistry, ServiceLogger } from '@bonfire/platform';
import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BatchSubscribeOptions,
  createEvent,
  type DeadLetter,
  type EventBus,
  type SubscribeOptions,
} from '../event-bus';
import { InProcessEventBus } from '../in-process-event-bus';
import { EventBusContext, EventBusTransport } from './event-bus.transport';
import { eventGroup, EventHandlers } from './event-handlers';

const CONFIG = Symbol('CONFIG');
interface Config {
  projectionGroup: string;
  auditEnabled: boolean;
  batchEnabled: boolean;
}

const PROJECTION = eventGroup(CONFIG, (config: Config) => ({
  group: config.projectionGroup,
  readiness: 'projection-consumer',
  retry: { maxRetries: 2, initialDelayMs: 1 },
}));
const AUDIT = eventGroup(CONFIG, (config: Config) => ({
  group: 'test.audit',
  enabled: config.auditEnabled,
  gatherMs: 150,
}));
const SELFTEST = eventGroup({ group: 'test.selftest' });
const BATCHED = eventGroup(CONFIG, (config: Config) => ({
  group: 'test.batched',
  enabled: config.batchEnabled,
  batch: { maxBatchSize: 50 },
}));

/** What the handlers saw, as `<group>:<method>:<type>`. */
const seen: string[] = [];
/** What handlers log with, when a test gives the transport a ServiceLogger. */
let handlerLog: ComponentLogger | undefined;
/** Sequences of platform.selftest events whose handler throws, and how often it threw. */
const failing = new Map<number, number>();

@EventHandlers()
class ProjectionHandlers {
  @EventPattern(['user.created', 'user.updated'], PROJECTION)
  upsert(@Payload() event: AnyEvent, @Ctx() context: EventBusContext): void {
    seen.push(`${context.getGroup()}:upsert:${event.type}`);
  }

  @EventPattern('user.deleted', PROJECTION)
  async remove(@Payload() event: AnyEvent): Promise<void> {
    await Promise.resolve();
    handlerLog?.info({ userId: event.key }, 'user removed');
    seen.push(`projection:remove:${event.type}`);
  }
}

@EventHandlers()
class AuditHandlers {
  @EventPattern('user.deleted', AUDIT)
  deleted(@Payload() event: AnyEvent): void {
    seen.push(`audit:deleted:${event.type}`);
  }
}

@EventHandlers()
class SelftestHandlers {
  // A topic as the pattern: every event type on it.
  @EventPattern(TOPICS.platformSelftest, SELFTEST)
  async selftest(@Payload() event: AnyEvent): Promise<void> {
    if (event.type !== 'platform.selftest') return;
    const sequence = event.data.sequence;
    const left = failing.get(sequence);
    if (left !== undefined && left > 0) {
      failing.set(sequence, left - 1);
      throw new Error(`selftest ${sequence} failed`);
    }
    seen.push(`selftest:selftest:${sequence}`);
  }
}

/** The calls the batch group's handlers got: `<method>:<user ids, in order>`. */
const batches: string[] = [];

@EventHandlers()
class BatchedHandlers {
  @EventPattern(['user.created', 'user.updated'], BATCHED)
  upserts(@Payload() events: readonly AnyEvent[]): void {
    batches.push(`upserts:${events.map((event) => `${event.type}/${event.key}`).join(',')}`);
  }

  @EventPattern('user.deleted', BATCHED)
  async removals(@Payload() events: readonly AnyEvent[]): Promise<void> {
    await Promise.resolve();
    const userIds = events.map((event) => (event.type === 'user.deleted' ? event.data.userId : '?'));
    if (userIds.includes('poison')) throw new Error('poison in the batch');
    batches.push(`removals:${userIds.join(',')}`);
  }
}

const SELFTEST_RETRY = { maxRetries: 1, initialDelayMs: 1 };

@Module({ controllers: [ProjectionHandlers, AuditHandlers, SelftestHandlers, BatchedHandlers] })
class HandlersModule {}

function userEvent(type: 'user.created' | 'user.updated', id: string): AnyEvent {
  const profile = {
    id,
    username: id,
    displayName: null,
    avatarFileId: null,
    about: null,
    createdAt: new Date().toISOString(),
  };
  return createEvent(type, id, profile, 'test');
}

function userDeleted(id: string): AnyEvent {
  return createEvent('user.deleted', id, { userId: id, deletedAt: new Date().toISOString() }, 'test');
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('EventBusTransport', () => {
  let bus: InProcessEventBus;
  let health: HealthRegistry;
  let app: INestMicroservice | undefined;
  /** Each subscription the transport made, as the bus received it. */
  const subscriptions: SubscribeOptions[] = [];
  const batchSubscriptions: BatchSubscribeOptions[] = [];

  async function start(
    options: { config?: Partial<Config>; subscribeGate?: Promise<void>; serviceLogger?: ServiceLogger } = {},
  ): Promise<void> {
    seen.length = 0;
    batches.length = 0;
    subscriptions.length = 0;
    batchSubscriptions.length = 0;
    failing.clear();
    bus = new InProcessEventBus({ retry: SELFTEST_RETRY });
    health = new HealthRegistry();
    const config: Config = {
      projectionGroup: 'test.projection',
      auditEnabled: true,
      batchEnabled: false,
      ...options.config,
    };
    const gated: EventBus = {
      publish: (events) => bus.publish(events),
      subscribe: async (subscribe) => {
        subscriptions.push(subscribe);
        await options.subscribeGate;
        return bus.subscribe(subscribe);
      },
      subscribeBatch: (subscribe) => {
        batchSubscriptions.push(subscribe);
        return bus.subscribeBatch(subscribe);
      },
      subscribeDeadLetters: (subscribe) => bus.subscribeDeadLetters(subscribe),
      close: () => bus.close(),
    };
    const transport = new EventBusTransport({
      bus: gated,
      health,
      get: (token) => (token === CONFIG ? config : undefined),
      serviceLogger: options.serviceLogger,
    });
    app = await NestFactory.createMicroservice(HandlersModule, { strategy: transport, logger: false });
    await app.listen();
  }

  /** The dead letters of a topic, as they come. */
  async function deadLetters(topic: Topic): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    await bus.subscribeDeadLetters({
      group: `test.dead-letters.${topic}`,
      topics: [topic],
      handler: async (letter) => void letters.push(letter),
    });
    return letters;
  }

  afterEach(async () => {
    handlerLog = undefined;
    await app?.close();
    app = undefined;
    await bus.close();
  });

  it('calls the handlers of each event type, in their group, with the envelope as payload', async () => {
    await start();
    await until(async () => (await health.readiness()).ready);
    await bus.publish([userEvent('user.created', 'u1'), userEvent('user.updated', 'u1'), userDeleted('u1')]);
    await until(() => seen.length === 4);
    expect(seen.filter((entry) => !entry.startsWith('audit'))).toEqual([
      'test.projection:upsert:user.created',
      'test.projection:upsert:user.updated',
      'projection:remove:user.deleted',
    ]);
    expect(seen).toContain('audit:deleted:user.deleted');
  });

  it('subscribes once per group: each group gets the event once; a disabled group not at all', async () => {
    await start({ config: { projectionGroup: 'test.projection-2' } });
    await until(async () => (await health.readiness()).ready);
    await bus.publish([userDeleted('u2'), userDeleted('u3')]);
    await until(() => seen.length === 4);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.filter((entry) => entry === 'projection:remove:user.deleted')).toHaveLength(2);
    expect(seen.filter((entry) => entry === 'audit:deleted:user.deleted')).toHaveLength(2);
    await app!.close();

    await start({ config: { auditEnabled: false } });
    await until(async () => (await health.readiness()).ready);
    expect(Object.keys((await health.readiness()).checks).sort()).toEqual([
      'projection-consumer',
      'test.selftest consumer',
    ]);
    await bus.publish(userDeleted('u4'));
    await until(() => seen.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['projection:remove:user.deleted']);
  });

  it("subscribes each group with its own options: start, retry and a background group's gatherMs", async () => {
    await start();
    await until(async () => (await health.readiness()).ready);
    const byGroup = new Map(subscriptions.map((options) => [options.group, options]));
    expect(byGroup.get('test.audit')).toMatchObject({ gatherMs: 150 });
    expect(byGroup.get('test.projection')).toMatchObject({ retry: { maxRetries: 2, initialDelayMs: 1 } });
    expect(byGroup.get('test.projection')?.gatherMs).toBeUndefined();
  });

  it("hands a batch group's handlers arrays: each pattern's events of one fetch, in order", async () => {
    await start({ config: { batchEnabled: true } });
    await until(async () => (await health.readiness()).ready);
    expect(batchSubscriptions.map(({ group, maxBatchSize }) => ({ group, maxBatchSize }))).toEqual([
      { group: 'test.batched', maxBatchSize: 50 },
    ]);
    expect(subscriptions.map((options) => options.group)).not.toContain('test.batched');
    // One key: one partition, so one fetch holds all four.
    await bus.publish([
      userEvent('user.created', 'u1'),
      userDeleted('u1'),
      userEvent('user.updated', 'u1'),
      userDeleted('u1'),
    ]);
    await until(() => batches.length === 3);
    // Nest registers a method once per pattern: a list of types is a call per type.
    expect(batches.sort()).toEqual(['removals:u1,u1', 'upserts:user.created/u1', 'upserts:user.updated/u1']);
  });

  it('retries a failing batch event by event: the good events are handled, the bad one dead-lettered', async () => {
    await start({ config: { batchEnabled: true } });
    await until(async () => (await health.readiness()).ready);
    const letters = await deadLetters(TOPICS.authUsers);
    // One key, so one batch: it fails, then each event is tried alone.
    await bus.publish([userDeleted('poison'), userDeleted('good')].map((event) => ({ ...event, key: 'k' })));
    await until(() => letters.some((letter) => letter.group === 'test.batched'));
    await until(() => batches.length === 1);
    expect(batches).toEqual(['removals:good']);
    expect(letters.filter((letter) => letter.group === 'test.batched')).toEqual([
      expect.objectContaining({
        reason: 'poison in the batch',
        payload: expect.objectContaining({ key: 'k' }),
      }),
    ]);
  });

  it('retries a handler that throws, then dead-letters the event with its error as the reason', async () => {
    await start();
    await until(async () => (await health.readiness()).ready);
    const letters = await deadLetters(TOPICS.platformSelftest);
    failing.set(1, 1); // fails once, then succeeds on the retry
    failing.set(2, 99); // fails every time
    await bus.publish(
      [1, 2, 3].map((sequence) => createEvent('platform.selftest', 'k', { sequence }, 'test')),
    );
    await until(() => seen.length === 2 && letters.length === 1);
    expect(seen).toEqual(['selftest:selftest:1', 'selftest:selftest:3']);
    expect(letters[0]).toMatchObject({
      group: 'test.selftest',
      reason: 'selftest 2 failed',
      attempts: SELFTEST_RETRY.maxRetries + 1,
    });
  });

  it("runs each handler in the event's log context: its lines carry the event id and type", async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const serviceLogger = new ServiceLogger('chat', 'info', stream);
    handlerLog = serviceLogger.for('projection');
    await start({ serviceLogger });
    await until(async () => (await health.readiness()).ready);
    const event = userDeleted('u9');
    await bus.publish(event);
    await until(() => lines.some((line) => line['msg'] === 'user removed'));
    expect(lines.find((line) => line['msg'] === 'user removed')).toMatchObject({
      service: 'chat',
      component: 'projection',
      eventId: event.id,
      eventType: 'user.deleted',
      userId: 'u9',
    });
    serviceLogger.onApplicationShutdown();
  });

  it('is not ready until every group has joined', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    await start({ subscribeGate: gate });
    const before = await health.readiness();
    expect(before.ready).toBe(false);
    expect(before.checks['projection-consumer']).toMatchObject({
      status: 'down',
      error: 'not in consumer group test.projection yet',
    });
    open();
    await until(async () => (await health.readiness()).ready);
  });

  it('leaves its groups on close: later events reach no handler', async () => {
    await start();
    await until(async () => (await health.readiness()).ready);
    await app!.close();
    app = undefined;
    await bus.publish(userDeleted('u5'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual([]);
  });
});
