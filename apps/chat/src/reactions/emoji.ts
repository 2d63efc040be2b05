// One emoji "element": a pictographic character with an optional variation selector or skin tone.
// Regional indicators only count in pairs (flags), never alone.
const ELEMENT = String.raw`(?!\p{Regional_Indicator})(?:\p{Extended_Pictographic}|\p{Emoji_Presentation})(?:\uFE0F|\p{Emoji_Modifier})?\uFE0F?`;
// Elements joined by zero-width joiners (👨‍👩‍👧, 🏳️‍🌈), optionally ending in tag characters (🏴 flags of England…).
const ZWJ_SEQUENCE = String.raw`${ELEMENT}(?:\u200D${ELEMENT})*[\u{E0020}-\u{E007E}]*\u{E007F}?`;
const KEYCAP = String.raw`[0-9#*]\uFE0F?\u20E3`;
const FLAG = String.raw`\p{Regional_Indicator}{2}`;

const EMOJI = new RegExp(`^(?:${KEYCAP}|${FLAG}|${ZWJ_SEQUENCE})$`, 'u');
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Longest emoji we store (the longest RGI ZWJ sequences are well under this). */
const MAX_EMOJI_LENGTH = 64;

/**
 * Whether the text is exactly one unicode emoji grapheme: a pictograph (with skin tone or variation
 * selector), a ZWJ sequence, a keycap or a regional-indicator flag. Custom emoji are not supported yet.
 */
export function isUnicodeEmoji(text: string): boolean {
  if (text.length === 0 || text.length > MAX_EMOJI_LENGTH) return false;
  if (!EMOJI.test(text)) return false;
  let graphemes = 0;
  for (const _segment of segmenter.segment(text)) {
    graphemes += 1;
    if (graphemes > 1) return false;
  }
  return graphemes === 1;
}
