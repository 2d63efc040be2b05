import { REALTIME_PROTOCOL_LATEST } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { expiredSockets, protocolFor } from './connection.service';
import type { RealtimeSocket } from './realtime-session';

describe('protocolFor (the version spoken on a connection)', () => {
  it('speaks protocol 1 unless the client asks for a later one', () => {
    for (const asked of [undefined, null, '2', 1, 0, -3, Number.NaN, true])
      expect(protocolFor(asked)).toBe(1);
  });

  it('speaks the highest version it knows up to the one asked for', () => {
    expect(protocolFor(2)).toBe(2);
    expect(protocolFor(2.5)).toBe(2);
    expect(protocolFor(99)).toBe(REALTIME_PROTOCOL_LATEST);
    expect(protocolFor(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('expiredSockets (what the expiry sweep closes)', () => {
  const socket = (id: string, tokenExp: number | undefined, connected = true) =>
    ({ id, connected, data: tokenExp === undefined ? {} : { tokenExp } }) as unknown as RealtimeSocket;

  it('picks the connected sockets whose token expired by now, to the second', () => {
    const now = 1_700_000_000_500;
    const sockets = [
      socket('expired', 1_699_999_999),
      socket('at-now', 1_700_000_000),
      socket('next-second', 1_700_000_001),
      socket('gone', 1_600_000_000, false),
      socket('handshaking', undefined),
    ];
    expect(expiredSockets(sockets, now).map((s) => s.id)).toEqual(['expired', 'at-now']);
  });
});
