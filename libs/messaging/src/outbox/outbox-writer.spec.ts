import { describe, expect, it } from 'vitest';
import { createEvent } from '../event-bus';
import { parseOutboxNotification } from './outbox-writer';

describe('parseOutboxNotification', () => {
  it('reads the table, the position and the envelope of a commit', () => {
    const event = createEvent('platform.selftest', 'k', { sequence: 1 }, 'test');
    expect(parseOutboxNotification(`16384 42 ${JSON.stringify(event)}`)).toEqual({
      table: '16384',
      position: '42',
      envelope: event,
    });
  });

  it('reads a position without its envelope (one too large for the payload)', () => {
    expect(parseOutboxNotification('16384 9007199254740993')).toEqual({
      table: '16384',
      position: '9007199254740993',
      envelope: null,
    });
  });

  it('names nothing for an empty payload or one that is not a table and a position', () => {
    expect(parseOutboxNotification('')).toBeNull();
    expect(parseOutboxNotification(undefined)).toBeNull();
    expect(parseOutboxNotification('42')).toBeNull();
    expect(parseOutboxNotification('wake up')).toBeNull();
  });
});
