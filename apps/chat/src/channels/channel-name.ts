import { CHAT_LIMITS } from '../config';

export type GuildChannelType = 'text' | 'voice' | 'category';

/**
 * Channel names as Discord shapes them: text channels are lowercase with runs of spaces turned into one
 * dash ("My Channel" → "my-channel"); voice channels and categories keep the name as typed (trimmed).
 * Null when nothing usable is left or the result is longer than the limit.
 */
export function normaliseChannelName(type: GuildChannelType, name: string): string | null {
  let normalised = name.trim().replace(/\s+/g, ' ');
  if (type === 'text') {
    normalised = normalised
      .toLowerCase()
      .replace(/ /g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '');
  }
  if (normalised.length === 0 || [...normalised].length > CHAT_LIMITS.channelNameLength) return null;
  return normalised;
}
