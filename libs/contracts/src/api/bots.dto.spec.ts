import { describe, expect, it } from 'vitest';
import { ALL_INTENTS, BOT_TOKEN_PATTERN, INTENTS, parseIntents } from './bots.dto';

describe('bots contracts', () => {
  it('parses intents from a bitfield or a list of names', () => {
    expect(parseIntents(INTENTS.GUILDS | INTENTS.TYPING)).toBe(INTENTS.GUILDS | INTENTS.TYPING);
    expect(parseIntents(['GUILD_MESSAGES', 'MESSAGE_CONTENT'])).toBe(
      INTENTS.GUILD_MESSAGES | INTENTS.MESSAGE_CONTENT,
    );
    expect(parseIntents((2 ** 20) | INTENTS.GUILDS)).toBe(INTENTS.GUILDS);
    expect(parseIntents(ALL_INTENTS)).toBe(ALL_INTENTS);
    expect(parseIntents(['GUILDS', 'NOPE'])).toBeNull();
    expect(parseIntents(-1)).toBeNull();
    expect(parseIntents('GUILDS')).toBeNull();
    expect(parseIntents(undefined)).toBeNull();
  });

  it('recognises the bot token shape', () => {
    expect(BOT_TOKEN_PATTERN.test(`123.${'a'.repeat(43)}`)).toBe(true);
    expect(BOT_TOKEN_PATTERN.test(`123.${'a'.repeat(42)}`)).toBe(false);
    expect(BOT_TOKEN_PATTERN.test(`x.${'a'.repeat(43)}`)).toBe(false);
  });
});
