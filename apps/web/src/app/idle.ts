import type { BonfireClient } from '@bonfire/sdk';

/** No keyboard, pointer or focus for this long and the device reports itself idle to presence. */
const IDLE_AFTER_MS = 5 * 60 * 1000;
const CHECK_EVERY_MS = 15_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;

/** Tells presence when this device goes idle and comes back; returns a function that stops watching. */
export function watchIdle(client: BonfireClient): () => void {
  let lastActivity = Date.now();
  let idle = false;
  const report = (next: boolean) => {
    idle = next;
    // Best effort: a lost report is repaired by the next change; nothing to show the person.
    client.realtime.setIdle(next).catch(() => undefined);
  };
  const onActivity = () => {
    lastActivity = Date.now();
    if (idle) report(false);
  };
  for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true });
  const timer = setInterval(() => {
    if (!idle && Date.now() - lastActivity > IDLE_AFTER_MS) report(true);
  }, CHECK_EVERY_MS);
  return () => {
    clearInterval(timer);
    for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity);
  };
}
