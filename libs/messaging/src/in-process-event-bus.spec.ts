import { describe, expect, it } from 'vitest';
import { type AnyEvent } from '@bonfire/contracts';
import { describeEventBusContract } from './event-bus.contract';
import { createEvent } from './event-bus';
import { InProcessEventBus } from './in-process-event-bus';

describeEventBusContract('in-process', async () => {
  const bus = new InProcessEventBus();
  return {
    bus,
    publishRaw: (topic, key, value) => bus.publishRaw(topic, key, value),
    dispose: () => bus.close(),
  };
});

describe('createEvent', () => {
  it('fills id, version and occurredAt', () => {
    const event = createEvent('platform.selftest', 'k', { sequence: 1 }, 'test');
    expect(event).toMatchObject({ type: 'platform.selftest', version: 1, key: 'k', producer: 'test' });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
  });

  it('type-checks payloads against the event type (compile-time)', async () => {
    const bus = new InProcessEventBus();
    // @ts-expect-error sequence must be a number for platform.selftest
    createEvent('platform.selftest', 'k', { sequence: 'one' }, 'test');
    const wrongPayload = {
      ...createEvent('platform.selftest', 'k', { sequence: 1 }, 'test'),
      data: { username: 'not a selftest payload' },
    };
    // @ts-expect-error a selftest envelope carrying another payload is not an AnyEvent
    await expect(bus.publish(wrongPayload)).rejects.toThrow();
    const fine: AnyEvent = createEvent('platform.selftest', 'k', { sequence: 2 }, 'test');
    await expect(bus.publish(fine)).resolves.toBeUndefined();
    await bus.close();
  });
});

describeEventBusContract('in-process, acknowledged when handled (standalone)', async () => {
  const bus = new InProcessEventBus({ acknowledge: 'handled' });
  return {
    bus,
    publishRaw: (topic, key, value) => bus.publishRaw(topic, key, value),
    dispose: () => bus.close(),
  };
});

describe('InProcessEventBus in the standalone shape', () => {
  const topic = 'platform.selftest' as const;
  const event = (sequence: number) => createEvent('platform.selftest', 'k', { sequence }, 'test');

  it('with acknowledge "handled", publish resolves only after every group handled the event', async () => {
    const bus = new InProcessEventBus({ acknowledge: 'handled' });
    const handled: string[] = [];
    let finishSlow: () => void = () => undefined;
    await bus.subscribe({ group: 'fast', topics: [topic], handler: async () => void handled.push('fast') });
    await bus.subscribe({
      group: 'slow',
      topics: [topic],
      handler: () =>
        new Promise<void>((resolve) => {
          finishSlow = () => {
            handled.push('slow');
            resolve();
          };
        }),
    });
    let acknowledged = false;
    const publishing = bus.publish(event(1)).then(() => (acknowledged = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handled).toEqual(['fast']);
    expect(acknowledged).toBe(false);
    finishSlow();
    await publishing;
    expect(handled).toEqual(['fast', 'slow']);
    await bus.close();
  });

  it('holds published events until open(), so a group that subscribes late misses nothing', async () => {
    const bus = new InProcessEventBus({ acknowledge: 'handled' });
    bus.hold();
    const early: number[] = [];
    const late: number[] = [];
    await bus.subscribe({
      group: 'early',
      topics: [topic],
      handler: async (received) => void early.push(received.type === topic ? received.data.sequence : -1),
    });
    const publishing = bus.publish(event(7));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(early).toEqual([]);
    await bus.subscribe({
      group: 'late',
      topics: [topic],
      handler: async (received) => void late.push(received.type === topic ? received.data.sequence : -1),
    });
    bus.open();
    await publishing;
    expect([early, late]).toEqual([[7], [7]]);
    await bus.close();
  });

  it('does not hold publishers for a group whose last member left', async () => {
    const bus = new InProcessEventBus({ acknowledge: 'handled' });
    let handled = 0;
    const subscription = await bus.subscribe({
      group: 'leaving',
      topics: [topic],
      handler: () => new Promise<void>((resolve) => setTimeout(() => resolve(void handled++), 30)),
    });
    const publishing = bus.publish([event(1), event(2)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await subscription.close();
    await publishing;
    expect(handled).toBe(1);
    await bus.close();
  });
});

describe('InProcessEventBus handler context', () => {
  it('runs a handler in the async context of its subscriber, not of the publisher', async () => {
    const { AsyncLocalStorage } = await import('node:async_hooks');
    const context = new AsyncLocalStorage<string>();
    const bus = new InProcessEventBus();
    const seen: (string | undefined)[] = [];
    await context.run('subscriber', () =>
      bus.subscribe({
        group: 'context',
        topics: ['platform.selftest'],
        handler: async () => void seen.push(context.getStore()),
      }),
    );
    await context.run('publisher', () =>
      bus.publish(createEvent('platform.selftest', 'k', { sequence: 1 }, 't')),
    );
    await expect.poll(() => seen).toEqual(['subscriber']);
    await bus.close();
  });
});
