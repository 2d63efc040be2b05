import type { RemoteImageAnswer, RemoteImageRequest } from '@bonfire/contracts';
import { internalRequest } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { internalPath } from '@bonfire/contracts';

/**
 * The file service's remote-image route: it fetches an embed's image with the safe fetcher and keeps it
 * (with thumbnails) as a file of the message's channel, so clients load it from Bonfire, never from the
 * remote host. Null when it could not (refused, too large, not an image, unreachable): the embed then
 * has no image.
 */
@Injectable()
export class EmbedImagesClient {
  constructor(@Inject(CHAT_CONFIG) private readonly config: ChatConfig) {}

  async proxy(authorId: string, request: RemoteImageRequest): Promise<RemoteImageAnswer | null> {
    try {
      const response = await internalRequest({
        baseUrl: this.config.FILE_URL,
        path: internalPath('remoteImages', 'fetch'),
        method: 'POST',
        body: request,
        caller: { userId: authorId, sessionId: '0' },
        identitySecret: this.config.INTERNAL_IDENTITY_SECRET,
        timeoutMs: this.config.CHAT_EMBEDS_IMAGE_TIMEOUT_MS,
      });
      const answer = response.body as RemoteImageAnswer | undefined;
      if (response.status !== 200 || typeof answer?.fileId !== 'string') return null;
      return answer;
    } catch {
      return null;
    }
  }
}
