import { ServiceLogger } from '@bonfire/platform';
import type { ArgumentsHost } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { RealtimeExceptionFilter, RealtimeRefusal } from './realtime-exception.filter';

/** A message handler's host as Nest's WsProxy builds it: [socket, payload, ack, event]. */
function host(ack?: unknown): ArgumentsHost {
  const args = [{}, { channelId: '1' }, ack, 'typing.start'];
  return { getArgByIndex: (index: number) => args[index] } as unknown as ArgumentsHost;
}

const filter = () => new RealtimeExceptionFilter(new ServiceLogger('gateway', 'silent'));

describe('RealtimeExceptionFilter', () => {
  it('answers a refusal with its own code and message', () => {
    const ack = vi.fn();
    filter().catch(new RealtimeRefusal('UNKNOWN_CHANNEL', 'Unknown channel.'), host(ack));
    expect(ack).toHaveBeenCalledExactlyOnceWith({
      ok: false,
      code: 'UNKNOWN_CHANNEL',
      message: 'Unknown channel.',
    });
  });

  it('answers anything else UNAVAILABLE, without its details', () => {
    const ack = vi.fn();
    filter().catch(new Error('connect ECONNREFUSED 10.0.0.7:5432'), host(ack));
    expect(ack).toHaveBeenCalledExactlyOnceWith({
      ok: false,
      code: 'UNAVAILABLE',
      message: 'Try again shortly.',
    });
  });

  it('answers nothing to an event sent without an acknowledgement', () => {
    expect(() => filter().catch(new Error('boom'), host(undefined))).not.toThrow();
    expect(() =>
      filter().catch(new RealtimeRefusal('RATE_LIMITED', 'later'), host('not a function')),
    ).not.toThrow();
  });
});
