import { Injectable } from '@nestjs/common';
import type { ChannelAccess } from './access.service';

/** How many (channel, user) accesses one chat process remembers; the least recently used goes first. */
const REMEMBERED_ACCESS_CAPACITY = 10_000;

/**
 * Channel accesses remembered per (channel, user), so a member's next send in a channel skips the access
 * read. A remembered access may be stale: it is only for a write that carries its fingerprint into its
 * statement, which writes nothing when the inputs changed since (channelAccessFingerprint) — the caller
 * then forgets it and checks again.
 */
@Injectable()
export class RememberedAccess {
  private readonly accesses = new Map<string, ChannelAccess>();

  constructor(private readonly capacity: number = REMEMBERED_ACCESS_CAPACITY) {}

  get(channelId: string, userId: string): ChannelAccess | undefined {
    const key = keyOf(channelId, userId);
    const access = this.accesses.get(key);
    if (access === undefined) return undefined;
    // A Map keeps insertion order: moving the entry to the end keeps the least recently used first.
    this.accesses.delete(key);
    this.accesses.set(key, access);
    return access;
  }

  /** Remembers an access read with its fingerprint (one without has nothing to be checked against). */
  remember(userId: string, access: ChannelAccess): void {
    if (access.fingerprint === undefined) return;
    const key = keyOf(access.channelId, userId);
    this.accesses.delete(key);
    this.accesses.set(key, access);
    if (this.accesses.size > this.capacity) this.accesses.delete(this.accesses.keys().next().value!);
  }

  forget(channelId: string, userId: string): void {
    this.accesses.delete(keyOf(channelId, userId));
  }
}

function keyOf(channelId: string, userId: string): string {
  return `${channelId}:${userId}`;
}
