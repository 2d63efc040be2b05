import { REALTIME_PROTOCOL_LATEST } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { protocolFor } from './connection.service';

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
