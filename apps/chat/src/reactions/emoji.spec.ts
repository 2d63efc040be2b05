import { describe, expect, it } from 'vitest';
import { isUnicodeEmoji } from './emoji';

describe('isUnicodeEmoji', () => {
  it.each([
    ['thumbs up', '👍'],
    ['skin tone', '👍🏽'],
    ['flag', '🇫🇷'],
    ['keycap', '1️⃣'],
    ['keycap without VS16', '#⃣'],
    ['ZWJ family', '👨‍👩‍👧'],
    ['ZWJ with VS16', '🏳️‍🌈'],
    ['text-default with VS16', '❤️'],
    ['heart without VS16', '❤'],
    ['tag sequence flag', '🏴󠁧󠁢󠁥󠁮󠁧󠁿'],
    ['skin tone in ZWJ', '👩🏽‍💻'],
  ])('accepts %s', (_name, emoji) => {
    expect(isUnicodeEmoji(emoji)).toBe(true);
  });

  it.each([
    ['a letter', 'a'],
    ['a digit', '1'],
    ['a shortcode', ':smile:'],
    ['two emoji', '👍👍'],
    ['markup', '<script>'],
    ['empty', ''],
    ['emoji and text', '👍a'],
    ['a lone regional indicator', '🇫'],
    ['three regional indicators', '🇫🇷🇫'],
    ['a lone ZWJ', '\u200D'],
    ['text then a skin tone', 'x🏽'],
    ['whitespace', ' 👍'],
  ])('refuses %s', (_name, text) => {
    expect(isUnicodeEmoji(text)).toBe(false);
  });
});
