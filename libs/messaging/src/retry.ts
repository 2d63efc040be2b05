import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './event-bus';
import { errorMessage } from './logger';

export type HandlingOutcome =
  { handled: true; attempts: number } | { handled: false; attempts: number; reason: string };

export function resolveRetryPolicy(
  overrides: Partial<RetryPolicy> | undefined,
  defaults = DEFAULT_RETRY_POLICY,
): RetryPolicy {
  return { ...defaults, ...overrides };
}

/** Delay before retry number `retry` (1-based): initialDelayMs · 2^(retry-1), capped at maxDelayMs. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const delay = policy.initialDelayMs * 2 ** (retry - 1);
  return Math.min(delay, policy.maxDelayMs ?? Number.POSITIVE_INFINITY);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds or the retries run out, waiting with exponential backoff in between.
 * `whileWaiting` runs about once a second during long waits (Kafka uses it to heartbeat, so a slow retry
 * does not cost the consumer its group membership).
 */
export async function runWithRetries(
  attempt: () => Promise<void>,
  policy: RetryPolicy,
  whileWaiting?: () => Promise<void>,
): Promise<HandlingOutcome> {
  let lastError: unknown;
  for (let attempts = 1; attempts <= policy.maxRetries + 1; attempts++) {
    if (attempts > 1) await wait(backoffDelay(policy, attempts - 1), whileWaiting);
    try {
      await attempt();
      return { handled: true, attempts };
    } catch (error) {
      lastError = error;
    }
  }
  return { handled: false, attempts: policy.maxRetries + 1, reason: errorMessage(lastError) };
}

async function wait(ms: number, whileWaiting?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + ms;
  for (let left = ms; left > 0; left = deadline - Date.now()) {
    await sleep(Math.min(left, 1_000));
    if (whileWaiting && deadline - Date.now() > 0) await whileWaiting();
  }
}
