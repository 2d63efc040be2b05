import { z } from 'zod';
import { defineEvent } from '../events/define-event';
import { TOPICS } from '../topics';
import { snowflakeSchema } from './input';

const id = snowflakeSchema;
const timestamp = z.string().datetime({ offset: true });

/**
 * Data export (issue 21 item 4): a job in chat builds a ZIP of what Bonfire holds about the caller
 * (profile, guilds, messages, DMs, attachments' metadata and bytes) and stores it through the file
 * service as an `export` file only its owner may download, until it expires.
 */
export const DATA_EXPORT_STATUSES = ['pending', 'running', 'ready', 'failed', 'expired'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

export const dataExportSchema = z.object({
  id,
  status: z.enum(DATA_EXPORT_STATUSES),
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  createdAt: timestamp,
  /** When the archive stops being downloadable (null until it is ready). */
  expiresAt: timestamp.nullable(),
  /** The archive's file id (null until ready). */
  fileId: id.nullable(),
  /**
   * Ready only: GET it (with the access token) for a 302 to a short-lived link to the ZIP
   * (`/api/v1/attachments/{fileId}`, the file service's download route; only the owner may).
   */
  downloadUrl: z.string().nullable(),
  /** Bytes of the archive (null until ready). */
  size: z.number().int().min(0).nullable(),
});
export type DataExport = z.infer<typeof dataExportSchema>;

/** Internal (chat → file): open an upload of a finished archive for its owner (the signed caller). */
export const exportUploadRequestSchema = z
  .object({ filename: z.string().min(1).max(255), size: z.number().int().positive() })
  .strict();
export type ExportUploadRequest = z.infer<typeof exportUploadRequestSchema>;

/** The presigned single PUT for the archive (send `headers` and exactly `size` bytes). */
export const exportUploadTicketSchema = z.object({
  id,
  uploadUrl: z.string().url(),
  headers: z.record(z.string(), z.string()),
});
export type ExportUploadTicket = z.infer<typeof exportUploadTicketSchema>;

/** Internal: the completed archive, with when the file service will remove it. */
export const exportCompletedSchema = z.object({ id, size: z.number().int(), expiresAt: timestamp });
export type ExportCompleted = z.infer<typeof exportCompletedSchema>;

/** Internal: short-lived links to the bytes of the caller's own ready files among `fileIds`. */
export const exportFileLinksRequestSchema = z.object({ fileIds: z.array(id).max(500) }).strict();
export type ExportFileLinksRequest = z.infer<typeof exportFileLinksRequestSchema>;
export const exportFileLinksAnswerSchema = z.object({
  files: z.array(z.object({ id, url: z.string().url(), size: z.number().int() })),
});
export type ExportFileLinksAnswer = z.infer<typeof exportFileLinksAnswerSchema>;

/** Internal (chat → auth): the caller's account as auth holds it, for profile.json. */
export const exportedAccountSchema = z.object({
  id,
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  username: z.string(),
  displayName: z.string().nullable(),
  about: z.string().nullable(),
  twoFactorEnabled: z.boolean(),
  createdAt: timestamp,
});
export type ExportedAccount = z.infer<typeof exportedAccountSchema>;

export const dataExportEvents = {
  /** An export of `userId` changed (progress, ready, failed): to that user's own sessions only. */
  'data_export.updated': defineEvent({
    topic: TOPICS.chatReadStates,
    version: 1,
    schema: z.object({ userId: id, export: dataExportSchema }),
  }),
};
