import { describe, expect, it } from 'vitest';
import { createEvent } from './event-bus';
import { InMemoryIdempotentConsumer } from './idempotent-consumer';

describe('InMemoryIdempotentConsumer', () => {
  const event = () => createEvent('platform.selftest', 'k', { sequence: 1 }, 'test');

  it('runs the effect of a redelivered event once', async () => {
    const consumer = new InMemoryIdempotentConsumer();
    const e = event();
    let effects = 0;
    const results = await Promise.all([
      consumer.handleOnce('c', e, async () => void effects++),
      consumer.handleOnce('c', e, async () => void effects++),
    ]);
    expect(await consumer.handleOnce('c', e, async () => void effects++)).toBe(false);
    expect(results.sort()).toEqual([false, true]);
    expect(effects).toBe(1);
  });

  it('retries an event whose effect failed', async () => {
    const consumer = new InMemoryIdempotentConsumer();
    const e = event();
    await expect(consumer.handleOnce('c', e, () => Promise.reject(new Error('nope')))).rejects.toThrow(
      'nope',
    );
    expect(await consumer.handleOnce('c', e, async () => undefined)).toBe(true);
  });

  it('forgets the oldest ids beyond its capacity', async () => {
    const consumer = new InMemoryIdempotentConsumer(2);
    const [a, b, c] = [event(), event(), event()];
    for (const e of [a, b, c]) await consumer.handleOnce('c', e, async () => undefined);
    expect(await consumer.handleOnce('c', a, async () => undefined)).toBe(true);
    expect(await consumer.handleOnce('c', c, async () => undefined)).toBe(false);
  });
});
