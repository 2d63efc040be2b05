import { ERROR, internalPath } from '@bonfire/contracts';
import type {
  Attachment,
  ClaimAttachmentsAnswer,
  ClaimAttachmentsRequest,
  ErrorBody,
} from '@bonfire/contracts';
import { AppError, internalRequest, type InternalResponse } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';

/**
 * The file service's claim route, called while a message is sent: only ready uploads of the sender for
 * this channel, not used by another message, are accepted (and become this message's). Anything else is a
 * 400 naming `body.attachments`; no answer within CHAT_FILE_TIMEOUT_MS is a 503.
 */
@Injectable()
export class FileAttachmentsClient {
  constructor(@Inject(CHAT_CONFIG) private readonly config: ChatConfig) {}

  async claim(senderId: string, request: ClaimAttachmentsRequest): Promise<Attachment[]> {
    let response: InternalResponse;
    try {
      response = await internalRequest({
        baseUrl: this.config.FILE_URL,
        path: internalPath('attachments', 'claim'),
        method: 'POST',
        body: request,
        caller: { userId: senderId, sessionId: '0' },
        identitySecret: this.config.INTERNAL_IDENTITY_SECRET,
        timeoutMs: this.config.CHAT_FILE_TIMEOUT_MS,
      });
    } catch {
      throw unavailable();
    }
    if (response.status === 400) {
      const body = response.body as ErrorBody | undefined;
      const details = body?.error?.details?.length
        ? body.error.details
        : [{ field: 'body.attachments', code: 'invalid', message: 'must be completed uploads of yours' }];
      throw new AppError(
        ERROR.INVALID_ATTACHMENT,
        'Attachments must be completed uploads of yours for this channel, not used by another message.',
        { details },
      );
    }
    const answer = response.body as ClaimAttachmentsAnswer | undefined;
    if (response.status < 200 || response.status > 299 || !answer?.attachments) throw unavailable();
    return answer.attachments;
  }
}

function unavailable(): AppError {
  return new AppError(ERROR.FILE_SERVICE_UNAVAILABLE, 'Attachments cannot be checked right now; try again.');
}
