import { describe, expect, it } from 'vitest';
import { normaliseChannelName } from './channel-name';

describe('normaliseChannelName', () => {
  it.each([
    ['general', 'general'],
    ['My Channel', 'my-channel'],
    ['  Off   Topic  ', 'off-topic'],
    ['a - b', 'a-b'],
    ['--x--', 'x'],
    ['ÉTÉ Chat', 'été-chat'],
  ])('text: %j → %j', (input, expected) => {
    expect(normaliseChannelName('text', input)).toBe(expected);
  });

  it('keeps the case and single spaces of voice channels and categories', () => {
    expect(normaliseChannelName('voice', '  General   Voice ')).toBe('General Voice');
    expect(normaliseChannelName('category', 'Text Channels')).toBe('Text Channels');
  });

  it('refuses empty names and names over 100 characters', () => {
    expect(normaliseChannelName('text', '   ')).toBeNull();
    expect(normaliseChannelName('text', ' - ')).toBeNull();
    expect(normaliseChannelName('voice', 'x'.repeat(101))).toBeNull();
    expect(normaliseChannelName('voice', 'x'.repeat(100))).toBe('x'.repeat(100));
  });
});
