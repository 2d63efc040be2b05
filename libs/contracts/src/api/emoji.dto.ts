import { z } from 'zod';
import { isSnowflake, snowflakeSchema } from './input';

/**
 * Custom emoji of a guild. An emoji's id is the id of its image in the file service: the image is
 * `GET /api/v1/files/{id}` (public, like guild icons), its static first frame `?size=small` (webp, at most
 * 128×128; animated emoji animate from the original). Messages carry them as `<:name:id>` (animated:
 * `<a:name:id>`), kept as written: a client shows `:name:` for an id it does not know (a deleted emoji).
 * Reactions name them `name:id` in the reaction route (only emoji of the message's guild).
 */

/** 2–32 letters, digits or underscores. */
export const EMOJI_NAME_PATTERN = /^[A-Za-z0-9_]{2,32}$/;

/** Longest side of an emoji image after processing (larger uploads are scaled down). */
export const EMOJI_MAX_DIMENSION = 128;

/** Content types an emoji image may have (sniffed from the bytes, not trusted from the client). */
export const EMOJI_CONTENT_TYPES = ['image/png', 'image/gif', 'image/webp'] as const;

export const emojiNameSchema = z
  .string()
  .regex(EMOJI_NAME_PATTERN, 'must be 2–32 letters, digits or underscores');

export const emojiSchema = z.object({
  /** Also the id of its image file. */
  id: snowflakeSchema,
  guildId: snowflakeSchema,
  name: z.string(),
  animated: z.boolean(),
  /** Who uploaded it (null once unknown). */
  creatorId: snowflakeSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Emoji = z.infer<typeof emojiSchema>;
export const emojiListSchema = z.array(emojiSchema);

/** Body of POST /guilds/{guildId}/emojis: a completed emoji upload (POST /guilds/{guildId}/emoji-uploads). */
export const createEmojiRequestSchema = z.object({ name: emojiNameSchema, fileId: snowflakeSchema }).strict();
export type CreateEmojiRequest = z.infer<typeof createEmojiRequestSchema>;

/** Body of PATCH /guilds/{guildId}/emojis/{emojiId}: rename. */
export const updateEmojiRequestSchema = z.object({ name: emojiNameSchema }).strict();
export type UpdateEmojiRequest = z.infer<typeof updateEmojiRequestSchema>;

/** Chat → file, POST /internal/v1/emojis/claim, with the creator's identity. */
export const claimEmojiRequestSchema = z
  .object({ guildId: snowflakeSchema, fileId: snowflakeSchema })
  .strict();
export type ClaimEmojiRequest = z.infer<typeof claimEmojiRequestSchema>;

/** The claimed image: what chat records of it. */
export const claimEmojiAnswerSchema = z.object({
  fileId: snowflakeSchema,
  contentType: z.string(),
  animated: z.boolean(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ClaimEmojiAnswer = z.infer<typeof claimEmojiAnswerSchema>;

/** `guild.emojis.updated`: a guild's emoji changed (created, renamed or deleted); the full list after it. */
export const guildEmojisUpdatedSchema = z.object({ guildId: snowflakeSchema, emojis: emojiListSchema });
export type GuildEmojisUpdated = z.infer<typeof guildEmojisUpdatedSchema>;

/** A custom emoji as the reaction route names it: `name:id` (`a:name:id` is accepted too). */
export interface CustomEmojiRef {
  name: string;
  id: string;
}

// The id's digits are checked with isSnowflake (one rule for ids).
const REACTION_REF = /^(?:a:)?([A-Za-z0-9_]{2,32}):(\d+)$/;

/** `name:id` (or `a:name:id`) → its parts; null for anything else (e.g. a unicode emoji). */
export function parseCustomEmojiRef(text: string): CustomEmojiRef | null {
  const match = REACTION_REF.exec(text);
  if (!match) return null;
  const id = match[2]!;
  if (!isSnowflake(id)) return null;
  return { name: match[1]!, id };
}

/** The reaction key of a custom emoji: `name:id`. */
export function customEmojiRef(emoji: { name: string; id: string }): string {
  return `${emoji.name}:${emoji.id}`;
}

/** `<:name:id>` and `<a:name:id>` in message content (global: use with matchAll; check the id with isSnowflake). */
export const CUSTOM_EMOJI_MARKUP = /<(a?):([A-Za-z0-9_]{2,32}):(\d+)>/g;

/** The custom emoji written in a message's content, in order. */
export function customEmojiIn(content: string): (CustomEmojiRef & { animated: boolean })[] {
  return [...content.matchAll(CUSTOM_EMOJI_MARKUP)]
    .filter((match) => isSnowflake(match[3]))
    .map((match) => ({ animated: match[1] === 'a', name: match[2]!, id: match[3]! }));
}

/** The markup a client inserts for an emoji. */
export function customEmojiMarkup(emoji: { name: string; id: string; animated: boolean }): string {
  return `<${emoji.animated ? 'a' : ''}:${emoji.name}:${emoji.id}>`;
}
