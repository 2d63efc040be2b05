import { describe, expect, it } from 'vitest';
import { ClientEventPipe } from './client-event.pipe';
import { RealtimeRefusal } from './realtime-exception.filter';

function refusal(run: () => unknown): RealtimeRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof RealtimeRefusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('ClientEventPipe', () => {
  it('passes a payload that matches the event schema', () => {
    expect(new ClientEventPipe('typing.start').transform({ channelId: '123' })).toEqual({ channelId: '123' });
    expect(new ClientEventPipe('presence.idle').transform({ idle: true })).toEqual({ idle: true });
  });

  it('refuses anything else INVALID_REQUEST, naming the fields', () => {
    const mistyped = refusal(() => new ClientEventPipe('presence.idle').transform({ idle: 'yes' }));
    expect(mistyped.code).toBe('INVALID_REQUEST');
    expect(mistyped.message).toMatch(/^idle: /);
    const extra = refusal(() => new ClientEventPipe('typing.start').transform({ channelId: '1', x: 1 }));
    expect(extra.code).toBe('INVALID_REQUEST');
    expect(extra.message).toContain('x');
    const missing = refusal(() => new ClientEventPipe('auth.refresh').transform(undefined));
    expect(missing.message).toMatch(/^\(payload\): /);
  });
});
