import { z } from 'zod';
import { attachmentSchema } from './chat.dto';
import { snowflakeSchema } from './input';

const id = snowflakeSchema;
const timestamp = z.string().datetime({ offset: true });

/** What an uploaded object is for; decides its size limit, allowed types and who may download it. */
export const FILE_PURPOSES = ['attachment', 'avatar', 'icon', 'emoji', 'export'] as const;
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
      // A regular expression rather than a refinement, so the OpenAPI documents state the rule; without a
      // lookahead (one non-blank character between any others), which generators such as the fuzzer's
      // handle some 25 times faster.
      .regex(
        // eslint-disable-next-line no-control-regex -- refusing control characters is the point
        /^[^\\/\u0000-\u001f]*[^\s\\/\u0000-\u001f][^\\/\u0000-\u001f]*$/,
        'must not be blank or contain slashes or control characters',
      ),
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

/** S3's bounds on a multipart upload: parts are numbered 1–10000. */
export const MAX_UPLOAD_PARTS = 10_000;

const ticketCommon = {
  id,
  /**
   * Where to PUT the bytes. For `method: 'multipart'` this is part 1's URL; upload every part of
   * `multipart.parts` instead.
   */
  uploadUrl: z.string().url(),
  /** Send exactly these headers with the PUT, or with every part's PUT (the signature covers them). */
  headers: z.record(z.string(), z.string()),
  expiresAt: timestamp,
};

/** One presigned UploadPart URL: PUT bytes `[(partNumber - 1) * partSize, partNumber * partSize)` to it. */
export const uploadPartUrlSchema = z.object({
  partNumber: z.number().int().min(1).max(MAX_UPLOAD_PARTS),
  url: z.string().url(),
  /** Exactly this many bytes (every part is `partSize` except the last). */
  size: z.number().int().positive(),
});
export type UploadPartUrl = z.infer<typeof uploadPartUrlSchema>;

/** A single presigned PUT (files up to the multipart threshold). */
export const singleUploadTicketSchema = z.object({ ...ticketCommon, method: z.literal('PUT') });

/**
 * A multipart upload (files above the multipart threshold): PUT each part to its URL, keep the ETag
 * header of each answer, then complete with `{ parts: [{ partNumber, etag }] }`.
 */
export const multipartUploadTicketSchema = z.object({
  ...ticketCommon,
  method: z.literal('multipart'),
  multipart: z.object({
    /** Bytes in every part but the last. */
    partSize: z.number().int().positive(),
    parts: z.array(uploadPartUrlSchema).min(1).max(MAX_UPLOAD_PARTS),
  }),
});

/** Where and how to upload the bytes: straight to the object store, never through the gateway. */
export const uploadTicketSchema = z.discriminatedUnion('method', [
  singleUploadTicketSchema,
  multipartUploadTicketSchema,
]);
export type UploadTicket = z.infer<typeof uploadTicketSchema>;
export type SingleUploadTicket = z.infer<typeof singleUploadTicketSchema>;
export type MultipartUploadTicket = z.infer<typeof multipartUploadTicketSchema>;

/** One uploaded part: its number and the ETag header the object store answered its PUT with. */
export const completedPartSchema = z
  .object({
    partNumber: z.number().int().min(1).max(MAX_UPLOAD_PARTS),
    // Not blank: the pattern says so in the OpenAPI documents (trim() then min(1) alone would not).
    etag: z.string().trim().min(1).max(128).regex(/\S/, 'must not be blank'),
  })
  .strict();
export type CompletedPart = z.infer<typeof completedPartSchema>;

/**
 * Body of POST /attachments/{id}/complete: empty for a single PUT; for a multipart upload every part's
 * ETag, each part once.
 */
export const completeUploadRequestSchema = z
  .object({ parts: z.array(completedPartSchema).min(1).max(MAX_UPLOAD_PARTS).optional() })
  .strict();
export type CompleteUploadRequest = z.infer<typeof completeUploadRequestSchema>;

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
