import { describe, expect, it } from 'vitest';
import { SignalingError } from '../rooms/room';
import { SignalingEventPipe } from './signaling-event.pipe';

function refusal(run: () => unknown): SignalingError {
  try {
    run();
  } catch (error) {
    if (error instanceof SignalingError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('SignalingEventPipe', () => {
  it('passes a payload that matches the event schema', () => {
    expect(new SignalingEventPipe('transport.create').transform({ direction: 'send' })).toEqual({
      direction: 'send',
    });
  });

  it('refuses anything else INVALID_REQUEST, naming the fields', () => {
    const mistyped = refusal(() => new SignalingEventPipe('transport.create').transform({ direction: 'up' }));
    expect(mistyped.code).toBe('INVALID_REQUEST');
    expect(mistyped.message).toMatch(/^direction: /);
    const extra = refusal(() =>
      new SignalingEventPipe('producer.close').transform({ producerId: 'p', x: 1 }),
    );
    expect(extra.message).toContain('x');
    const missing = refusal(() => new SignalingEventPipe('consumer.pause').transform(undefined));
    expect(missing.message).toMatch(/^\(request\): /);
  });
});
