import { describe, expect, it } from 'vitest';
import { createEvent } from '../event-bus';
import { parseOutboxNotification } from './outbox-writer';

describe('parseOutboxNotification', () => {
  it('reads the position and the envelope of a commit', () => {
    const event = createEvent('platform.selftest', 'k', { sequence: 1 }, 'test');
    expect(parseOutboxNotification(`42 ${JSON.stringify(event)}`)).toEqual({
      position: '42',
      envelope: event,
    });
  });

  it('reads a position alone (an envelope too large for the payload)', () => {
    expect(parseOutboxNotification('9007199254740993')).toEqual({
      position: '9007199254740993',
      envelope: null,
    });
  });

  it('names nothing for an empty payload or one that is not a position', () => {
    expect(parseOutboxNotification('')).toBeNull();
    expect(parseOutboxNotification(undefined)).toBeNull();
    expect(parseOutboxNotification('wake up')).toBeNull();
  });
});
