import type {
  Attachment,
  ClaimAttachmentsAnswer,
  ClaimAttachmentsRequest,
  ErrorBody,
} from '@bonfire/contracts';
import { AppError, IDENTITY_HEADER, signIdentity } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';

export const ATTACHMENT_ERRORS = {
  invalidAttachment: 'INVALID_ATTACHMENT',
  fileServiceUnavailable: 'FILE_SERVICE_UNAVAILABLE',
} as const;

/**
 * The file service's claim route, called while a message is sent: only ready uploads of the sender for
 * this channel, not used by another message, are accepted (and become this message's). Anything else is a
 * 400 naming `body.attachments`; no answer within CHAT_FILE_TIMEOUT_MS is a 503.
 */
@Injectable()
export class FileAttachmentsClient {
  constructor(@Inject(CHAT_CONFIG) private readonly config: ChatConfig) {}

  async claim(senderId: string, request: ClaimAttachmentsRequest): Promise<Attachment[]> {
    let response: Response;
    try {
      response = await fetch(new URL('/internal/v1/attachments/claim', this.config.FILE_URL), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity(this.config.INTERNAL_IDENTITY_SECRET, {
            userId: senderId,
            sessionId: '0',
          }),
        },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(this.config.CHAT_FILE_TIMEOUT_MS),
      });
    } catch {
      throw unavailable();
    }
    if (response.status === 400) {
      const body = (await response.json().catch(() => null)) as ErrorBody | null;
      const details = body?.error.details?.length
        ? body.error.details
        : [{ field: 'body.attachments', code: 'invalid', message: 'must be completed uploads of yours' }];
      throw new AppError(
        400,
        ATTACHMENT_ERRORS.invalidAttachment,
        'Attachments must be completed uploads of yours for this channel, not used by another message.',
        details,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw unavailable();
    }
    return ((await response.json()) as ClaimAttachmentsAnswer).attachments;
  }
}

function unavailable(): AppError {
  return new AppError(
    503,
    ATTACHMENT_ERRORS.fileServiceUnavailable,
    'Attachments cannot be checked right now; try again.',
  );
}
