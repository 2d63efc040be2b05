import { describe, expect, it } from 'vitest';
import {
  createEmojiRequestSchema,
  customEmojiIn,
  customEmojiMarkup,
  customEmojiRef,
  parseCustomEmojiRef,
} from './emoji.dto';

describe('custom emoji', () => {
  it('parses reaction refs (name:id, a:name:id) and nothing else', () => {
    expect(parseCustomEmojiRef('blob:123')).toEqual({ name: 'blob', id: '123' });
    expect(parseCustomEmojiRef('a:party_2:9')).toEqual({ name: 'party_2', id: '9' });
    for (const text of [
      '👍',
      'b:1',
      'blob:',
      ':123',
      'blob:12a',
      'no-dash:1',
      'blob:99999999999999999999',
      `${'x'.repeat(33)}:1`,
    ]) {
      expect(parseCustomEmojiRef(text), text).toBeNull();
    }
    expect(customEmojiRef({ name: 'blob', id: '123' })).toBe('blob:123');
  });

  it('finds <:name:id> and <a:name:id> in content, and writes them', () => {
    expect(customEmojiIn('hi <:blob:1> <a:party:2> <:x:3> <:bad-name:4>')).toEqual([
      { animated: false, name: 'blob', id: '1' },
      { animated: true, name: 'party', id: '2' },
    ]);
    expect(customEmojiMarkup({ name: 'party', id: '2', animated: true })).toBe('<a:party:2>');
    expect(customEmojiMarkup({ name: 'blob', id: '1', animated: false })).toBe('<:blob:1>');
  });

  it('holds names to 2–32 letters, digits and underscores', () => {
    expect(createEmojiRequestSchema.safeParse({ name: 'ok_2', fileId: '1' }).success).toBe(true);
    for (const name of ['a', 'x'.repeat(33), 'sp ace', 'dash-y', 'ünï']) {
      expect(createEmojiRequestSchema.safeParse({ name, fileId: '1' }).success, name).toBe(false);
    }
  });
});
