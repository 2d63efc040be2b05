import { describe, expect, it } from 'vitest';
import { parseInline, plainText } from '../messages/markdown';
import { emojiNameFrom } from './EmojiTab';
import { sameReaction } from './emoji-store';
import { reactionLabel } from './ReactionEmoji';

describe('custom emoji in the web client', () => {
  it('parses <:name:id> and <a:name:id> in messages; previews show :name:', () => {
    const nodes = parseInline('hi <:blob:123> and <a:party_2:456>! <:x:1> <:bad-name:2>');
    expect(nodes).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'customEmoji', animated: false, name: 'blob', id: '123' },
      { type: 'text', text: ' and ' },
      { type: 'customEmoji', animated: true, name: 'party_2', id: '456' },
      { type: 'text', text: '! <:x:1> <:bad-name:2>' },
    ]);
    expect(plainText(nodes)).toBe('hi :blob: and :party_2:! <:x:1> <:bad-name:2>');
  });

  it('matches reactions of a custom emoji by id (a rename keeps the old key) and reads them as :name:', () => {
    expect(sameReaction('blob:123', 'blobby:123')).toBe(true);
    expect(sameReaction('blob:123', 'blob:124')).toBe(false);
    expect(sameReaction('👍', '👍')).toBe(true);
    expect(sameReaction('👍', 'blob:123')).toBe(false);
    expect(reactionLabel('blob:123')).toBe(':blob:');
    expect(reactionLabel('👍')).toBe('👍');
  });

  it('suggests a valid name from the file name', () => {
    expect(emojiNameFrom('Party Parrot.gif')).toBe('Party_Parrot');
    expect(emojiNameFrom('a.png')).toBe('emoji_a');
    expect(emojiNameFrom(`${'x'.repeat(40)}.png`)).toHaveLength(32);
  });
});
