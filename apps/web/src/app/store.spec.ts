import { describe, expect, it } from 'vitest';
import { testMessage } from '../store/test-fixtures';
import { type ClientMessage, mergeMessages } from './store';
import { compareIds } from '@bonfire/contracts';

function message(id: string, overrides: Partial<ClientMessage> = {}): ClientMessage {
  return { ...testMessage(id, { channelId: '1', guildId: '2' }), ...overrides };
}

describe('snowflake order', () => {
  it('orders ids numerically, not as text', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('118458022221078528', '118458022221078527')).toBeGreaterThan(0);
    expect(compareIds('5', '5')).toBe(0);
  });
});

describe('merging messages', () => {
  it('keeps each id once, in id order, whatever order pages and events arrive in', () => {
    const page = [message('30'), message('20'), message('10')];
    const merged = mergeMessages(mergeMessages([], [message('20')]), page);
    expect(merged.map((m) => m.id)).toEqual(['10', '20', '30']);
    expect(mergeMessages(merged, [message('20'), message('30')]).map((m) => m.id)).toEqual([
      '10',
      '20',
      '30',
    ]);
  });

  it('never lets an older revision overwrite a newer one', () => {
    const edited = message('10', { content: 'edited', revision: 2 });
    const merged = mergeMessages([edited], [message('10', { content: 'original', revision: 1 })]);
    expect(merged).toEqual([edited]);
    expect(mergeMessages(merged, [message('10', { content: 'again', revision: 3 })])[0]!.content).toBe(
      'again',
    );
  });

  it('replaces the optimistic copy with the sent message carrying its nonce', () => {
    const pending = message('pending-n1', { nonce: 'n1', pending: true });
    const withPending = mergeMessages([message('10')], [pending]);
    expect(withPending.map((m) => m.id)).toEqual(['10', 'pending-n1']);
    const sent = mergeMessages(withPending, [message('11', { nonce: 'n1' })]);
    expect(sent.map((m) => m.id)).toEqual(['10', '11']);
  });

  it('keeps pending messages after the sent ones and replaces a failed copy on retry', () => {
    const failed = message('pending-n2', { nonce: 'n2', failed: 'Not sent' });
    const retried = mergeMessages(
      [failed, message('5')],
      [message('pending-n2', { nonce: 'n2', pending: true })],
    );
    expect(retried.map((m) => [m.id, !!m.pending, m.failed ?? null])).toEqual([
      ['5', false, null],
      ['pending-n2', true, null],
    ]);
  });
});
