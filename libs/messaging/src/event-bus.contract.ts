import { randomUUID } from 'node:crypto';
import { TOPICS, type AnyEvent, type Topic } from '@bonfire/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeBatchSubscriptionContract } from './event-bus-batch.contract';
import { createEvent, type DeadLetter, type EventBus, type SubscribeOptions } from './event-bus';

/** What the contract suite needs from an adapter under test. */
export interface EventBusHarness {
  bus: EventBus;
  /** Puts a raw value on a topic, bypassing producer-side validation (a foreign or buggy producer). */
  publishRaw(topic: Topic, key: string, value: unknown): Promise<void>;
  /** Releases everything; must tolerate a bus that the test already closed. */
  dispose(): Promise<void>;
}

const topic = TOPICS.platformSelftest;
const retry = { maxRetries: 2, initialDelayMs: 20 };

/**
 * One suite, run against every EventBus adapter. Each test uses fresh group ids and tags its events with a
 * unique run id (data.note), so events left on a shared Kafka topic by earlier runs never interfere.
 */
export function describeEventBusContract(name: string, makeHarness: () => Promise<EventBusHarness>): void {
  describe(`EventBus contract: ${name}`, () => {
    let harness: EventBusHarness;
    let run: string;
    const group = (label: string) => `contract-${label}-${run}`;
    const selftest = (key: string, sequence: number, note = run) =>
      createEvent('platform.selftest', key, { sequence, note }, 'messaging-contract-test');
    const mine = (event: AnyEvent) => event.type === 'platform.selftest' && event.data.note === run;
    const subscribe = (
      label: string,
      handler: SubscribeOptions['handler'],
      extra: Partial<SubscribeOptions> = {},
    ) => harness.bus.subscribe({ group: group(label), topics: [topic], handler, retry, ...extra });

    beforeEach(async () => {
      run = randomUUID();
      harness = await makeHarness();
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('delivers a published event with its envelope intact', async () => {
      const received: AnyEvent[] = [];
      await subscribe('roundtrip', async (event) => {
        if (mine(event)) received.push(event);
      });
      const event = selftest('key-1', 1);

      await harness.bus.publish(event);

      await waitFor(() => received.length === 1);
      expect(received[0]).toEqual(event);
    });

    it('gives each group every event once, shared among the group members', async () => {
      const memberA: string[] = [];
      const memberB: string[] = [];
      const otherGroup: string[] = [];
      await subscribe('shared', async (event) => void (mine(event) && memberA.push(event.id)));
      await subscribe('shared', async (event) => void (mine(event) && memberB.push(event.id)));
      await subscribe('other', async (event) => void (mine(event) && otherGroup.push(event.id)));
      const events = Array.from({ length: 40 }, (_, i) => selftest(`key-${i % 8}`, i));

      await harness.bus.publish(events);

      await waitFor(
        () => memberA.length + memberB.length >= events.length && otherGroup.length >= events.length,
      );
      await settle();
      const ids = events.map((event) => event.id).sort();
      expect([...memberA, ...memberB].sort()).toEqual(ids);
      expect([...otherGroup].sort()).toEqual(ids);
    });

    it('keeps the order of events with the same key', async () => {
      const seen = new Map<string, number[]>();
      await subscribe('order', async (event) => {
        if (!mine(event) || event.type !== 'platform.selftest') return;
        await new Promise((resolve) => setImmediate(resolve));
        seen.set(event.key, [...(seen.get(event.key) ?? []), event.data.sequence]);
      });
      const keys = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
      const events = Array.from({ length: 200 }, (_, i) => selftest(keys[i % keys.length]!, i));

      // Several publish calls, as a producer would make them over time.
      for (let i = 0; i < events.length; i += 25) await harness.bus.publish(events.slice(i, i + 25));

      await waitFor(() => [...seen.values()].reduce((sum, list) => sum + list.length, 0) >= events.length);
      for (const key of keys) {
        const expected = events.filter((e) => e.key === key).map((e) => e.data.sequence);
        expect(seen.get(key)).toEqual(expected);
      }
    });

    it('gives a gathering group (gatherMs) every event once, in key order, within its window', async () => {
      const gatherMs = 300;
      const handledAt = new Map<string, number>();
      const sequences: number[] = [];
      await subscribe(
        'gather',
        async (event) => {
          if (!mine(event) || event.type !== 'platform.selftest') return;
          handledAt.set(event.id, Date.now());
          sequences.push(event.data.sequence);
        },
        { gatherMs },
      );
      const events = Array.from({ length: 60 }, (_, i) => selftest('gathered', i));
      const publishedAt = new Map<string, number>();
      // Spread over time, so a fetch the broker holds gathers several publishes.
      for (let i = 0; i < events.length; i += 10) {
        const slice = events.slice(i, i + 10);
        await harness.bus.publish(slice);
        for (const event of slice) publishedAt.set(event.id, Date.now());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      await waitFor(() => sequences.length >= events.length);
      await settle();
      expect(sequences).toEqual(events.map((event) => event.data.sequence));
      const slowest = Math.max(...events.map((e) => handledAt.get(e.id)! - publishedAt.get(e.id)!));
      expect(slowest).toBeLessThan(gatherMs + 2_000);
    });

    it('retries a failing handler with backoff and handles the event once it succeeds', async () => {
      let attempts = 0;
      const handled: string[] = [];
      const startedAt: number[] = [];
      await subscribe('retry', async (event) => {
        if (!mine(event)) return;
        attempts++;
        startedAt.push(Date.now());
        if (attempts <= 2) throw new Error(`transient failure ${attempts}`);
        handled.push(event.id);
      });
      const event = selftest('key-retry', 1);

      await harness.bus.publish(event);

      await waitFor(() => handled.length === 1);
      await settle();
      expect(attempts).toBe(3);
      expect(handled).toEqual([event.id]);
      // Exponential backoff: 20 ms before the first retry, 40 ms before the second.
      expect(startedAt[1]! - startedAt[0]!).toBeGreaterThanOrEqual(15);
      expect(startedAt[2]! - startedAt[1]!).toBeGreaterThanOrEqual(35);
    });

    it('dead-letters an event whose handler keeps failing, with the reason, and keeps consuming', async () => {
      const letters: DeadLetter[] = [];
      await harness.bus.subscribeDeadLetters({
        group: group('dlq-reader'),
        topics: [topic],
        handler: async (letter) => void (isMine(letter.payload, run) && letters.push(letter)),
      });
      const handled: number[] = [];
      await subscribe('poison', async (event) => {
        if (!mine(event) || event.type !== 'platform.selftest') return;
        if (event.data.sequence === 1) throw new Error('cannot handle sequence 1');
        handled.push(event.data.sequence);
      });
      const poison = selftest('same-key', 1);
      const next = selftest('same-key', 2);

      await harness.bus.publish([poison, next]);

      await waitFor(() => letters.length === 1 && handled.length === 1);
      expect(handled).toEqual([2]);
      const [letter] = letters;
      expect(letter).toMatchObject({
        topic,
        key: 'same-key',
        reason: 'cannot handle sequence 1',
        attempts: retry.maxRetries + 1,
        group: group('poison'),
      });
      expect(letter!.payload).toEqual(poison);
    });

    it('dead-letters an invalid event without calling the handler', async () => {
      const letters: DeadLetter[] = [];
      await harness.bus.subscribeDeadLetters({
        group: group('dlq-reader'),
        topics: [topic],
        handler: async (letter) => void (isMine(letter.payload, run) && letters.push(letter)),
      });
      const handled: AnyEvent[] = [];
      let calls = 0;
      await subscribe('invalid', async (event) => {
        calls++;
        if (mine(event)) handled.push(event);
      });
      const valid = selftest('key-invalid', 1);
      const invalid = { ...selftest('key-invalid', 0), data: { sequence: 'zero', note: run } };

      await harness.publishRaw(topic, invalid.key, invalid);
      await harness.bus.publish(valid);

      await waitFor(() => letters.length === 1 && handled.length === 1);
      expect(handled).toEqual([valid]);
      expect(letters[0]).toMatchObject({ topic, attempts: 0, payload: invalid });
      expect(letters[0]!.reason).toContain('invalid platform.selftest payload');
      expect(calls).toBeLessThanOrEqual(1); // the invalid event never reached the handler
    });

    it('rejects a malformed event on publish', async () => {
      const bad = { ...selftest('key-bad', 1), data: { sequence: -1 } } as unknown as AnyEvent;
      await expect(harness.bus.publish(bad)).rejects.toThrow(/invalid platform.selftest payload/);
    });

    it('closes gracefully: the in-flight handler finishes, later publishes are refused', async () => {
      let started = false;
      let finished = false;
      await subscribe('close', async (event) => {
        if (!mine(event)) return;
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
      });
      await harness.bus.publish(selftest('key-close', 1));
      await waitFor(() => started);

      await harness.bus.close();

      expect(finished).toBe(true);
      await expect(harness.bus.publish(selftest('key-close', 2))).rejects.toThrow();
    });

    describeBatchSubscriptionContract({
      harness: () => harness,
      topic,
      retry,
      group,
      selftest,
      mine,
      isMine: (payload) => isMine(payload, run),
      waitFor,
      settle,
    });
  });
}

function isMine(payload: unknown, run: string): boolean {
  const data = (payload as { data?: { note?: unknown } } | null)?.data;
  return data?.note === run;
}

/** Polls until `condition` holds; fails the test after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000, intervalMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Gives stray duplicate deliveries a moment to show up before asserting "exactly once". */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
