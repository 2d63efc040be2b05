import type { SessionEndReason } from '@bonfire/contracts';

export interface DeniedSession {
  sessionId: string;
  userId: string;
  reason: SessionEndReason;
  /** Epoch ms when the session's last access token expires; the entry is useless (and dropped) after. */
  expiresAtMs: number;
}

export type DeniedListener = (entry: DeniedSession) => void;

/**
 * Sign-in sessions that were ended (logout, revoke, password change, refresh-token reuse) while their
 * access tokens are still valid. Checked on every token verification (REST and realtime), so it answers
 * synchronously from this gateway's memory; SessionRevocations fills it from `session.revoked` events.
 */
export abstract class SessionDenylist {
  /** Adds a session (idempotent); listeners hear about it once, the first time it is added. */
  abstract deny(entry: DeniedSession): void;
  /** The entry while the session is denied, else null. */
  abstract find(sessionId: string): DeniedSession | null;
  /** Called for each newly denied session (to close its sockets). Returns an unsubscribe function. */
  abstract onDenied(listener: DeniedListener): () => void;
}
