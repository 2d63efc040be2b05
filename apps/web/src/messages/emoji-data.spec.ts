import { describe, expect, it } from 'vitest';
import { ALL_EMOJI, rememberEmoji, recentEmoji, searchEmoji } from './emoji-data';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

describe('emoji picker data', () => {
  it('has a name for every emoji and no duplicates', () => {
    expect(ALL_EMOJI.every((entry) => entry.emoji.length > 0 && entry.name.length > 0)).toBe(true);
    expect(new Set(ALL_EMOJI.map((entry) => entry.emoji)).size).toBe(ALL_EMOJI.length);
  });

  it('finds emoji by word prefixes', () => {
    const hearts = searchEmoji('heart').map((entry) => entry.emoji);
    expect(hearts).toContain('❤️');
    expect(hearts).toContain('💔');
    expect(searchEmoji('thumbs').map((entry) => entry.emoji)).toEqual(['👍', '👎']);
    expect(searchEmoji('zzzqqq')).toEqual([]);
  });

  it('keeps recent emoji, most recent first, without repeats', () => {
    const storage = memoryStorage();
    expect(recentEmoji(storage)).toEqual([]);
    rememberEmoji('👍', storage);
    rememberEmoji('🔥', storage);
    expect(rememberEmoji('👍', storage)).toEqual(['👍', '🔥']);
    expect(recentEmoji(storage)).toEqual(['👍', '🔥']);
    storage.setItem('bonfire.recentEmoji', 'not json');
    expect(recentEmoji(storage)).toEqual([]);
  });
});
