import { ERROR } from '@bonfire/contracts';
import type { ClaimEmojiAnswer, ClaimEmojiRequest } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { FileTransactions } from '../database/file-transactions';
import { FilesRepository } from '../files/files.repository';

/**
 * Chat's question when an emoji is created: is this a completed emoji upload of the creator for this
 * guild? Chat makes the emoji with the file's id as its own, so one image is one emoji at most (chat's
 * primary key refuses a second); claiming again is therefore harmless and answers the same.
 * Emoji images are public like guild icons, and go with their guild (guild.deleted).
 */
@Injectable()
export class EmojiClaimsService {
  constructor(
    private readonly files: FilesRepository,
    private readonly transactions: FileTransactions,
  ) {}

  claim(creatorId: string, request: ClaimEmojiRequest): Promise<ClaimEmojiAnswer> {
    return this.transactions.run(async (trx) => {
      const row = await this.files.lock(trx, request.fileId);
      const usable =
        row !== null &&
        row.purpose === 'emoji' &&
        row.status === 'ready' &&
        row.ownerId === creatorId &&
        row.guildId === request.guildId &&
        row.width !== null &&
        row.height !== null;
      if (!usable) {
        throw new AppError(ERROR.INVALID_EMOJI_FILE, 'The file cannot be used as an emoji.', {
          details: [
            {
              field: 'body.fileId',
              code: 'invalid',
              message: 'must be a completed emoji upload of yours for this guild',
            },
          ],
        });
      }
      await this.files.claimEmoji(trx, row.id);
      return {
        fileId: row.id,
        contentType: row.contentType,
        animated: row.animated,
        width: row.width!,
        height: row.height!,
      };
    });
  }
}
