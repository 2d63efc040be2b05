import { z } from 'zod';
import { attachmentSchema } from './chat.dto';

const id = z.string().regex(/^\d{1,20}$/);
const timestamp = z.string().datetime({ offset: true });

/** What an uploaded object is for; decides its size limit, allowed types and who may download it. */
export const FILE_PURPOSES = ['attachment', 'avatar', 'icon'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const FILE_STATUSES = ['pending', 'ready', 'deleted'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** Body of POST /channels/{id}/attachments, /users/@me/avatar and /guilds/{id}/icon. */
export const uploadRequestSchema = z
  .object({
    filename: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine((name) => !/[\\/]/.test(name) && ![...name].some((char) => char.charCodeAt(0) < 0x20), {
        message: 'must not contain slashes or control characters',
      }),
    size: z.number().int().positive(),
    contentType: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/,
        'must be a MIME type such as image/png',
      ),
  })
  .strict();
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** Where and how to PUT the bytes: straight to the object store, never through the gateway. */
export const uploadTicketSchema = z.object({
  id,
  uploadUrl: z.string().url(),
  method: z.literal('PUT'),
  /** Send exactly these headers with the PUT (the signature covers them). */
  headers: z.record(z.string(), z.string()),
  expiresAt: timestamp,
});
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

/** A stored file's metadata. */
export const fileObjectSchema = z.object({
  id,
  purpose: z.enum(FILE_PURPOSES),
  status: z.enum(FILE_STATUSES),
  ownerId: id,
  channelId: id.nullable(),
  guildId: id.nullable(),
  messageId: id.nullable(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** Whether `?size=small|large` thumbnails exist (images only). */
  thumbnails: z.boolean(),
  createdAt: timestamp,
  completedAt: timestamp.nullable(),
});
export type FileObject = z.infer<typeof fileObjectSchema>;

/** Chat → file, POST /internal/v1/attachments/claim, with the sender's identity. */
export const claimAttachmentsRequestSchema = z
  .object({ channelId: id, messageId: id, ids: z.array(id).min(1).max(10) })
  .strict();
export type ClaimAttachmentsRequest = z.infer<typeof claimAttachmentsRequestSchema>;

/** The claimed attachments in the order asked for, as messages carry them. */
export const claimAttachmentsAnswerSchema = z.object({ attachments: z.array(attachmentSchema) });
export type ClaimAttachmentsAnswer = z.infer<typeof claimAttachmentsAnswerSchema>;

/** Chat's answer to GET /internal/v1/guilds/{guildId}/permissions (the caller's guild-level bitfield). */
export interface GuildPermissionsAnswer {
  guildId: string;
  /** Decimal bitfield. */
  permissions: string;
}
