import { isDependencyUnavailable } from '@bonfire/platform/errors';
import {
  DEFAULT_MAX_BATCH_SIZE,
  DEFAULT_RETRY_POLICY,
  type BatchSubscribeOptions,
  type RetryPolicy,
} from './event-bus';
import { errorMessage } from './logger';

type HandlingOutcome =
  | { handled: true; attempts: number }
  | { handled: false; attempts: number; reason: string }
  /** keepGoing turned false between attempts: neither handled nor given up on. */
  | { handled: false; stopped: true };

interface RetryOptions {
  /** Runs about once a second during long waits (Kafka heartbeats, so a slow retry keeps the membership). */
  whileWaiting?: () => Promise<void>;
  /** Checked before each retry and during waits: false stops retrying (the subscription is leaving). */
  keepGoing?: () => boolean;
}

export function resolveRetryPolicy(
  overrides: Partial<RetryPolicy> | undefined,
  defaults = DEFAULT_RETRY_POLICY,
): RetryPolicy {
  return { ...defaults, ...overrides };
}

export function maxBatchSizeOf(options: Pick<BatchSubscribeOptions, 'maxBatchSize'>): number {
  const size = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`maxBatchSize must be a positive integer: ${size}`);
  return size;
}

/** Delay before retry number `retry` (1-based): initialDelayMs · 2^(retry-1), capped at maxDelayMs. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const delay = policy.initialDelayMs * 2 ** (retry - 1);
  return Math.min(delay, policy.maxDelayMs ?? Number.POSITIVE_INFINITY);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The longest wait between two tries while a server is away. */
const UNAVAILABLE_MAX_DELAY_MS = 5_000;

/**
 * Runs `attempt` until it succeeds or the retries run out, waiting with exponential backoff in between.
 * While a server it needs is unavailable it keeps trying (up to every 5 s) without using up the retries:
 * the event waits for the server instead of going to the dead-letter topic.
 */
export async function runWithRetries(
  attempt: () => Promise<void>,
  policy: RetryPolicy,
  options: RetryOptions = {},
): Promise<HandlingOutcome> {
  const keepGoing = options.keepGoing ?? (() => true);
  let lastError: unknown;
  let attempts = 0;
  let waits = 0;
  while (attempts <= policy.maxRetries) {
    if (waits > 0) {
      const delay = isDependencyUnavailable(lastError)
        ? Math.min(backoffDelay(policy, waits), UNAVAILABLE_MAX_DELAY_MS)
        : backoffDelay(policy, attempts);
      await wait(delay, options.whileWaiting, keepGoing);
      if (!keepGoing()) return { handled: false, stopped: true };
    }
    waits++;
    try {
      await attempt();
      return { handled: true, attempts: attempts + 1 };
    } catch (error) {
      lastError = error;
      if (!isDependencyUnavailable(error)) attempts++;
    }
  }
  return { handled: false, attempts, reason: errorMessage(lastError) };
}

/** What became of a batch: handled, stopped (leave it unhandled), or handled but for `failed` events. */
type BatchOutcome<T> =
  { stopped: true } | { stopped: false; failed: { item: T; reason: string; attempts: number }[] };

/**
 * The batch rule of subscribeBatch: the whole batch with retries; when they run out, each event alone,
 * once, so only the events that fail by themselves are given up on (answered in `failed`).
 */
export async function runBatchWithRetries<T, E>(
  items: readonly T[],
  eventOf: (item: T) => E,
  handler: (events: readonly E[]) => Promise<void>,
  policy: RetryPolicy,
  options: RetryOptions = {},
): Promise<BatchOutcome<T>> {
  const outcome = await runWithRetries(() => handler(items.map(eventOf)), policy, options);
  if (outcome.handled) return { stopped: false, failed: [] };
  if ('stopped' in outcome) return { stopped: true };
  const failed: { item: T; reason: string; attempts: number }[] = [];
  for (const item of items) {
    try {
      await handler([eventOf(item)]);
    } catch (error) {
      failed.push({ item, reason: errorMessage(error), attempts: outcome.attempts + 1 });
    }
  }
  return { stopped: false, failed };
}

/** Sleeps in slices, so that a leaving subscription stops within ~250 ms and Kafka keeps heartbeating. */
async function wait(ms: number, whileWaiting: (() => Promise<void>) | undefined, keepGoing: () => boolean) {
  const deadline = Date.now() + ms;
  for (let left = ms; left > 0 && keepGoing(); left = deadline - Date.now()) {
    await sleep(Math.min(left, 250));
    if (whileWaiting && deadline - Date.now() > 0) await whileWaiting();
  }
}
