import type { AnyEvent, EventOf, Topic } from '@bonfire/contracts';
import { expect, it } from 'vitest';
import type { BatchSubscribeOptions, DeadLetter, RetryPolicy } from './event-bus';
import type { EventBusHarness } from './event-bus.contract';

/** What the batch tests share with the rest of the contract suite (see describeEventBusContract). */
interface BatchContractContext {
  harness(): EventBusHarness;
  topic: Topic;
  retry: Partial<RetryPolicy>;
  /** A group id unique to the test run. */
  group(label: string): string;
  selftest(key: string, sequence: number): EventOf<'platform.selftest'>;
  /** The event belongs to this test run. */
  mine(event: AnyEvent): boolean;
  isMine(payload: unknown): boolean;
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
  settle(): Promise<unknown>;
}

const sequenceOf = (event: AnyEvent) => (event.type === 'platform.selftest' ? event.data.sequence : -1);

async function waitForAsync(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** subscribeBatch, inside the EventBus contract suite (so every adapter proves it). */
export function describeBatchSubscriptionContract(context: BatchContractContext): void {
  const { topic, retry, group, selftest, mine, waitFor, settle } = context;
  const bus = () => context.harness().bus;
  const subscribeBatch = (
    label: string,
    handler: BatchSubscribeOptions['handler'],
    extra: Partial<BatchSubscribeOptions> = {},
  ) => bus().subscribeBatch({ group: group(label), topics: [topic], handler, retry, ...extra });
  const letters = async (label: string): Promise<DeadLetter[]> => {
    const received: DeadLetter[] = [];
    await bus().subscribeDeadLetters({
      group: group(label),
      topics: [topic],
      handler: async (letter) => void (context.isMine(letter.payload) && received.push(letter)),
    });
    return received;
  };

  it('batch: hands over a partition in order, up to maxBatchSize at a time, committed once handled', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const subscription = await subscribeBatch(
      'batch-order',
      async (events) => {
        const sequences = events.filter(mine).map(sequenceOf);
        if (sequences.length === 0) return;
        batches.push(sequences);
        await gate; // holds the first batch while the others queue up
      },
      { maxBatchSize: 10 },
    );
    const events = Array.from({ length: 60 }, (_, i) => selftest('batch-key', i));

    // not awaited: a bus that acknowledges once handled resolves only after the gate opens
    const publishing = [bus().publish(events.slice(0, 1))];
    await waitFor(() => batches.length === 1);
    publishing.push(bus().publish(events.slice(1)));
    // the held batch is not handled, so the group has not moved past it: all 60 are still to be handled
    await waitForAsync(async () => (await subscription.lag!()) >= events.length);
    release();
    await Promise.all(publishing);

    await waitFor(() => batches.flat().length >= events.length);
    await settle();
    expect(batches.flat()).toEqual(events.map((event) => event.data.sequence));
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(10);
    expect(batches.slice(1).some((batch) => batch.length > 1)).toBe(true);
    await waitForAsync(async () => (await subscription.lag!()) === 0);
  });

  it('batch: handles the partitions of a subscription concurrently', async () => {
    let inFlight = 0;
    let most = 0;
    const handled: number[] = [];
    await subscribeBatch('batch-partitions', async (events) => {
      const sequences = events.filter(mine).map(sequenceOf);
      if (sequences.length === 0) return;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 300));
      inFlight--;
      handled.push(...sequences);
    });
    // eight keys: several partitions on every adapter
    const events = Array.from({ length: 8 }, (_, i) => selftest(`partition-key-${i}`, i));

    await bus().publish(events);

    await waitFor(() => handled.length >= events.length);
    expect([...handled].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBeGreaterThan(1);
  });

  it('batch: retries a failing batch as a whole, then handles it once', async () => {
    const calls: number[][] = [];
    const handled: number[] = [];
    await subscribeBatch('batch-retry', async (events) => {
      const sequences = events.filter(mine).map(sequenceOf);
      if (sequences.length === 0) return;
      calls.push(sequences);
      if (calls.length <= 2) throw new Error(`transient failure ${calls.length}`);
      handled.push(...sequences);
    });
    const events = Array.from({ length: 5 }, (_, i) => selftest('batch-retry-key', i));

    await bus().publish(events);

    await waitFor(() => handled.length >= events.length);
    await settle();
    expect(calls).toEqual([
      [0, 1, 2, 3, 4],
      [0, 1, 2, 3, 4],
      [0, 1, 2, 3, 4],
    ]);
    expect(handled).toEqual([0, 1, 2, 3, 4]);
  });

  it('batch: when the retries run out, dead-letters only the events that fail alone, and goes on', async () => {
    const dead = await letters('batch-dlq-reader');
    const handled: number[] = [];
    await subscribeBatch('batch-poison', async (events) => {
      const sequences = events.filter(mine).map(sequenceOf);
      if (sequences.includes(1)) throw new Error('cannot handle sequence 1');
      handled.push(...sequences);
    });
    const poison = selftest('batch-same-key', 1);

    await bus().publish([selftest('batch-same-key', 0), poison, selftest('batch-same-key', 2)]);
    await waitFor(() => dead.length === 1 && handled.length === 2);
    await bus().publish(selftest('batch-same-key', 3));

    await waitFor(() => handled.length === 3);
    expect(handled).toEqual([0, 2, 3]);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      topic,
      key: 'batch-same-key',
      reason: 'cannot handle sequence 1',
      // the batch's tries, then one alone
      attempts: (retry.maxRetries ?? 0) + 2,
      group: group('batch-poison'),
    });
    expect(dead[0]!.payload).toEqual(poison);
  });

  it('batch: dead-letters invalid events before the handler sees the batch', async () => {
    const dead = await letters('batch-invalid-reader');
    const received: AnyEvent[] = [];
    await subscribeBatch('batch-invalid', async (events) => void received.push(...events.filter(mine)));
    const valid = selftest('batch-invalid-key', 1);
    const invalid = {
      ...selftest('batch-invalid-key', 0),
      data: { sequence: 'zero', note: valid.data.note },
    };

    await context.harness().publishRaw(topic, invalid.key, invalid);
    await bus().publish(valid);

    await waitFor(() => dead.length === 1 && received.length === 1);
    await settle();
    expect(received).toEqual([valid]);
    expect(dead[0]).toMatchObject({ topic, attempts: 0, payload: invalid });
    expect(dead[0]!.reason).toContain('invalid platform.selftest payload');
  });

  it('batch: a subscription closed while its batch fails leaves it to the next member', async () => {
    const attempts: number[][] = [];
    const first = await subscribeBatch(
      'batch-handover',
      async (events) => {
        const sequences = events.filter(mine).map(sequenceOf);
        if (sequences.length === 0) return;
        attempts.push(sequences);
        if (sequences.includes(2)) throw new Error('not now');
      },
      { retry: { maxRetries: 1_000, initialDelayMs: 20, maxDelayMs: 50 } },
    );
    await bus().publish(selftest('batch-handover-key', 1));
    await waitFor(() => attempts.length === 1);
    // not awaited: a bus that acknowledges once handled resolves only once the next member took it
    const publishing = bus().publish(selftest('batch-handover-key', 2));
    await waitFor(() => attempts.filter((sequences) => sequences.includes(2)).length >= 2);

    const closedAt = Date.now();
    await first.close();
    expect(Date.now() - closedAt).toBeLessThan(5_000);
    const tries = attempts.length;
    const next: number[] = [];
    await subscribeBatch(
      'batch-handover',
      async (events) => void next.push(...events.filter(mine).map(sequenceOf)),
    );
    await publishing;

    await waitFor(() => next.length >= 1);
    await settle();
    expect(next).toEqual([2]);
    expect(attempts).toHaveLength(tries); // the closed member tried no more
  });
}
