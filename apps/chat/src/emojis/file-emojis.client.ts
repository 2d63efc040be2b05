import { ERROR, internalPath } from '@bonfire/contracts';
import type { ClaimEmojiAnswer, ClaimEmojiRequest, ErrorBody } from '@bonfire/contracts';
import { AppError, internalRequest, type InternalResponse } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';

/**
 * The file service's emoji claim route, called when an emoji is created: only a completed emoji upload of
 * the creator for this guild is accepted (anything else: 400 INVALID_EMOJI_FILE naming `body.fileId`); no
 * answer within CHAT_FILE_TIMEOUT_MS is a 503.
 */
@Injectable()
export class FileEmojisClient {
  constructor(@Inject(CHAT_CONFIG) private readonly config: ChatConfig) {}

  async claim(creatorId: string, request: ClaimEmojiRequest): Promise<ClaimEmojiAnswer> {
    let response: InternalResponse;
    try {
      response = await internalRequest({
        baseUrl: this.config.FILE_URL,
        path: internalPath('emojis', 'claim'),
        method: 'POST',
        body: request,
        caller: { userId: creatorId, sessionId: '0' },
        identitySecret: this.config.INTERNAL_IDENTITY_SECRET,
        timeoutMs: this.config.CHAT_FILE_TIMEOUT_MS,
      });
    } catch {
      throw unavailable();
    }
    if (response.status === 400) {
      const body = response.body as ErrorBody | undefined;
      throw new AppError(
        ERROR.INVALID_EMOJI_FILE,
        'The file must be a completed emoji upload of yours for this guild.',
        {
          details: body?.error?.details?.length
            ? body.error.details
            : [
                {
                  field: 'body.fileId',
                  code: 'invalid',
                  message: 'must be a completed emoji upload of yours',
                },
              ],
        },
      );
    }
    const answer = response.body as ClaimEmojiAnswer | undefined;
    if (response.status < 200 || response.status > 299 || answer?.fileId !== request.fileId)
      throw unavailable();
    return answer;
  }
}

function unavailable(): AppError {
  return new AppError(
    ERROR.FILE_SERVICE_UNAVAILABLE,
    'The emoji image cannot be checked right now; try again.',
  );
}
