import { ERROR } from '@bonfire/contracts';
import type { ClaimAttachmentsAnswer, ClaimAttachmentsRequest } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { FileTransactions } from '../database/file-transactions';
import { toAttachment } from '../files/file-view';
import { FilesRepository } from '../files/files.repository';

/**
 * Chat's synchronous question when a message is sent with attachments: are these ready files the sender
 * uploaded for this channel, and not used by another message? If every one is, they are claimed by the
 * message (claiming again for the same message is a no-op) and their metadata returned in the order asked.
 *
 * A claim is tentative until chat's message.created for that message confirms it (ChatEventsHandlers):
 * chat claims before inserting, so a rolled-back send leaves a claim no message will ever confirm, and the
 * cleanup pass releases it after FILE_CLAIM_CONFIRM_SECONDS (RemovalService).
 */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly files: FilesRepository,
    private readonly transactions: FileTransactions,
  ) {}

  claim(senderId: string, request: ClaimAttachmentsRequest): Promise<ClaimAttachmentsAnswer> {
    return this.transactions.run(async (trx) => {
      const rows = new Map((await this.files.lockMany(trx, request.ids)).map((row) => [row.id, row]));
      const seen = new Set<string>();
      const invalid = request.ids.flatMap((id) => {
        const row = rows.get(id);
        const duplicate = seen.has(id);
        seen.add(id);
        const usable =
          !duplicate &&
          row !== undefined &&
          row.purpose === 'attachment' &&
          row.status === 'ready' &&
          row.ownerId === senderId &&
          row.channelId === request.channelId &&
          (row.messageId === null || row.messageId === request.messageId);
        return usable
          ? []
          : [
              {
                field: 'body.attachments',
                code: 'invalid',
                message: duplicate
                  ? `${id} is listed twice`
                  : `${id} must be a completed upload of yours for this channel, not used by another message`,
              },
            ];
      });
      if (invalid.length > 0) {
        throw new AppError(ERROR.INVALID_ATTACHMENT, 'Some attachments cannot be used in this message.', {
          details: invalid,
        });
      }
      await this.files.claim(trx, request.ids, request.messageId);
      return { attachments: request.ids.map((id) => toAttachment(rows.get(id)!)) };
    });
  }
}
