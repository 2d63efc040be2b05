import { ServiceLogger } from '@bonfire/platform';
import type { ArgumentsHost } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { SignalingError } from '../rooms/room';
import { SignalingExceptionFilter } from './signaling-exception.filter';

/** A message handler's host as Nest's WsProxy builds it: [socket, payload, ack, event]. */
function host(ack?: unknown): ArgumentsHost {
  const args = [{}, { producerId: 'p' }, ack, 'producer.pause'];
  return { getArgByIndex: (index: number) => args[index] } as unknown as ArgumentsHost;
}

const filter = () => new SignalingExceptionFilter(new ServiceLogger('voice', 'silent'));

describe('SignalingExceptionFilter', () => {
  it('answers a signaling refusal with its own code and message', () => {
    const ack = vi.fn();
    filter().catch(new SignalingError('NOT_IN_CHANNEL', 'the session ended'), host(ack));
    expect(ack).toHaveBeenCalledExactlyOnceWith({
      ok: false,
      code: 'NOT_IN_CHANNEL',
      message: 'the session ended',
    });
  });

  it("answers mediasoup's TypeErrors INVALID_REQUEST and anything else VOICE_UNAVAILABLE", () => {
    const ack = vi.fn();
    filter().catch(new TypeError('invalid dtlsParameters'), host(ack));
    filter().catch(new Error('worker closed'), host(ack));
    expect(ack.mock.calls).toEqual([
      [{ ok: false, code: 'INVALID_REQUEST', message: 'invalid dtlsParameters' }],
      [{ ok: false, code: 'UNAVAILABLE', message: 'worker closed' }],
    ]);
  });

  it('answers nothing to an event sent without an acknowledgement', () => {
    expect(() => filter().catch(new Error('boom'), host(undefined))).not.toThrow();
  });
});
