import { z } from 'zod';
import { snowflakeSchema } from './input';

/**
 * Link embeds (issue 20): what the server unfurled from the URLs of a message. Images are proxied through
 * the file service: `thumbnail.fileId` is a Bonfire file (downloaded like an attachment of the message's
 * channel, `GET /api/v1/attachments/{fileId}?size=small|large`); `url` is where it came from, for reference
 * only — clients never load it (no hotlinking). An embed whose image could not be fetched has no thumbnail.
 */
export const EMBED_TYPES = ['link', 'image', 'video'] as const;
export type EmbedType = (typeof EMBED_TYPES)[number];

export const embedMediaSchema = z.object({
  /** The proxied copy (a file id), absent when the media is not proxied (videos) or could not be fetched. */
  fileId: snowflakeSchema.optional(),
  /** The remote URL it came from. */
  url: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
});
export type EmbedMedia = z.infer<typeof embedMediaSchema>;

export const embedSchema = z.object({
  /** The URL as it appears in the message. */
  url: z.string(),
  /** `link`: a page's card; `image`/`video`: the URL itself is an image or a video (shown inline). */
  type: z.enum(EMBED_TYPES),
  title: z.string().nullable(),
  description: z.string().nullable(),
  siteName: z.string().nullable(),
  /** The page's theme colour (RGB integer), when it declares one. */
  color: z.number().int().min(0).max(0xffffff).nullable(),
  thumbnail: embedMediaSchema.nullable(),
  video: embedMediaSchema.nullable(),
});
export type Embed = z.infer<typeof embedSchema>;

/** Bits of a message's `flags` (values as Discord's). */
export const MESSAGE_FLAGS = {
  /** The author (or a moderator) removed the embeds; no new ones are made. */
  SUPPRESS_EMBEDS: 1 << 2,
} as const;

/** The flags a PATCH may set: SUPPRESS_EMBEDS only. */
export const EDITABLE_MESSAGE_FLAGS = MESSAGE_FLAGS.SUPPRESS_EMBEDS;

/** Chat → file (internal): fetch a remote image of an embed and keep it as a file of the message's channel. */
export const remoteImageRequestSchema = z
  .object({
    url: z.string().url().max(2_048),
    channelId: snowflakeSchema,
    guildId: snowflakeSchema.nullable(),
    messageId: snowflakeSchema,
  })
  .strict();
export type RemoteImageRequest = z.infer<typeof remoteImageRequestSchema>;

export interface RemoteImageAnswer {
  fileId: string;
  contentType: string;
  width: number | null;
  height: number | null;
}
