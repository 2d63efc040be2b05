import { z } from 'zod';
import { fileObjectSchema } from '../api/file.dto';
import { snowflakeSchema } from '../api/input';
import { TOPICS } from '../topics';
import { defineEvent } from './define-event';

const id = snowflakeSchema;

/** The file service's events, keyed by file id. */
export const fileEvents = {
  /** An upload was verified (size, sniffed type, thumbnails) and can be used. */
  'files.object.ready': defineEvent({
    topic: TOPICS.filesObjects,
    version: 1,
    schema: z.object({ file: fileObjectSchema }),
  }),
  /**
   * A file was removed from storage: its message, channel or guild was deleted, it was never completed,
   * or it failed verification.
   */
  'files.object.deleted': defineEvent({
    topic: TOPICS.filesObjects,
    version: 1,
    schema: z.object({
      fileId: id,
      reason: z.enum([
        'message_deleted',
        'expired',
        'rejected',
        'channel_deleted',
        'guild_deleted',
        'emoji_deleted',
        'account_deleted',
      ]),
    }),
  }),
};
