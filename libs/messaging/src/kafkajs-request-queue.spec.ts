import RequestQueue from 'kafkajs/src/network/requestQueue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PendingRequestsQueue, scheduleCheckPendingRequests } from './kafkajs-request-queue';

/** A queue with what the schedule reads, its checks counted. */
function queue(overrides: Partial<PendingRequestsQueue> = {}): PendingRequestsQueue & { checks: number } {
  const state = {
    pending: [] as unknown[],
    throttledUntil: -1,
    throttleCheckTimeoutId: null as NodeJS.Timeout | null,
    checks: 0,
    checkPendingRequests() {
      state.checks++;
      scheduleCheckPendingRequests.call(state);
    },
    ...overrides,
  };
  return state;
}

describe("kafkajs RequestQueue's schedule of pending checks", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('replaces the one on kafkajs’s own class', () => {
    expect(RequestQueue.prototype).toHaveProperty(
      'scheduleCheckPendingRequests',
      scheduleCheckPendingRequests,
    );
  });

  it('leaves a real idle queue without a timer after checking it', () => {
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    };
    const real = new RequestQueue({
      maxInFlightRequests: 1,
      requestTimeout: 30_000,
      enforceRequestTimeout: false,
      clientId: 'test',
      broker: '127.0.0.1:9092',
      logger,
    }) as PendingRequestsQueue;
    real.checkPendingRequests();
    expect(real.throttleCheckTimeoutId).toBeNull();
  });

  it('arms no timer when nothing is pending (kafkajs 2.2.4 re-armed a 1 ms one forever)', () => {
    const idle = queue();
    idle.checkPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(idle.checks).toBe(1);
  });

  it('checks a full queue again after 10 ms while requests wait, then stops', () => {
    const full = queue({ pending: ['request'] });
    scheduleCheckPendingRequests.call(full);
    vi.advanceTimersByTime(9);
    expect(full.checks).toBe(0);
    vi.advanceTimersByTime(1);
    expect(full.checks).toBe(1);
    full.pending.length = 0;
    vi.advanceTimersByTime(10);
    expect(full.checks).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(full.checks).toBe(2);
  });

  it('checks a throttled queue when its throttle ends, and arms one timer at a time', () => {
    const throttled = queue({ pending: ['request'], throttledUntil: 1_000_000 + 250 });
    scheduleCheckPendingRequests.call(throttled);
    const timer = throttled.throttleCheckTimeoutId;
    scheduleCheckPendingRequests.call(throttled);
    expect(throttled.throttleCheckTimeoutId).toBe(timer);
    vi.advanceTimersByTime(249);
    expect(throttled.checks).toBe(0);
    throttled.pending.length = 0;
    vi.advanceTimersByTime(1);
    expect(throttled.checks).toBe(1);
  });
});
