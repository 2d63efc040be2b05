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
