import { describe, expect, it } from 'vitest';
import type { ChannelAccess } from './access.service';
import { RememberedAccess } from './remembered-access';

function access(channelId: string): ChannelAccess {
  return {
    channelId,
    type: 'text',
    guildId: '1',
    guild: null,
    permissions: 0n,
    slowmodeSeconds: 0,
    fingerprint: `fp-${channelId}`,
  };
}

describe('RememberedAccess', () => {
  it('remembers per (channel, user), and forgets on demand', () => {
    const remembered = new RememberedAccess(10);
    remembered.remember('u1', access('c1'));
    expect(remembered.get('c1', 'u1')?.fingerprint).toBe('fp-c1');
    expect(remembered.get('c1', 'u2')).toBeUndefined();
    remembered.forget('c1', 'u1');
    expect(remembered.get('c1', 'u1')).toBeUndefined();
  });

  it('drops the least recently used past its capacity; a read counts as a use', () => {
    const remembered = new RememberedAccess(2);
    remembered.remember('u', access('c1'));
    remembered.remember('u', access('c2'));
    remembered.get('c1', 'u');
    remembered.remember('u', access('c3'));
    expect(remembered.get('c2', 'u')).toBeUndefined();
    expect(remembered.get('c1', 'u')).toBeDefined();
    expect(remembered.get('c3', 'u')).toBeDefined();
  });

  it('does not remember an access without a fingerprint (nothing could tell it stale)', () => {
    const remembered = new RememberedAccess(2);
    const { fingerprint: _left, ...unchecked } = access('c1');
    remembered.remember('u', unchecked);
    expect(remembered.get('c1', 'u')).toBeUndefined();
  });
});
