// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- kafkajs ships no types for its internal module: every program compiling this file (the apps, through the source condition) needs them
/// <reference path="./kafkajs-internals.d.ts" />
/**
 * A fix for kafkajs 2.2.4 (the last release), applied once to its RequestQueue when this module loads.
 *
 * Each broker connection has a RequestQueue. After its first response, `scheduleCheckPendingRequests`
 * arms a timer even when nothing waits, with a negative delay when the connection is not throttled
 * (`throttledUntil` is -1): Node runs it after 1 ms, and it arms the next one. So every connection of
 * every client spins a 1 ms timer for as long as the process lives (kafkajs#1556, #1704; the fix below is
 * the one proposed there, unreleased). Measured on this platform before the fix: chat and the gateway each
 * spent 4-5 % of a core idle, and timers were a quarter of chat's busy time under load.
 *
 * The fixed schedule checks again only when requests wait: when the queue is throttled, once the throttle
 * ends; when it is merely full (in-flight limit), after CHECK_PENDING_REQUESTS_INTERVAL as before, though a
 * response arriving checks the queue anyway (fulfillRequest). With nothing pending there is nothing a
 * check could send, so no timer is armed; `push` schedules one when a request has to wait.
 */
import RequestQueue from 'kafkajs/src/network/requestQueue';

/** kafkajs's own interval for a queue that is full but not throttled (requestQueue/index.js). */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

/** The parts of kafkajs's RequestQueue the schedule reads and writes. */
export interface PendingRequestsQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

/** The fixed `scheduleCheckPendingRequests`, for a queue as `this`. */
export function scheduleCheckPendingRequests(this: PendingRequestsQueue): void {
  if (this.throttleCheckTimeoutId !== null || this.pending.length === 0) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
  );
}

Object.defineProperty(RequestQueue.prototype, 'scheduleCheckPendingRequests', {
  value: scheduleCheckPendingRequests,
  writable: true,
  configurable: true,
});
