import { ERROR } from '@bonfire/contracts';
import type { RemoteImageAnswer, RemoteImageRequest } from '@bonfire/contracts';
import {
  AddressPolicy,
  AppError,
  type CallerIdentity,
  safeFetch,
  SafeFetchError,
  ServiceLogger,
  SnowflakeGenerator,
} from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import { FILE_CONFIG, type FileConfig } from '../config';
import { FileTransactions } from '../database/file-transactions';
import { ObjectStore, objectKeys } from '../storage/object-store';
import { ImageProcessor } from '../uploads/image-processor';
import { THUMBNAIL_TYPES } from '../uploads/type-decision';
import { RemoteImagesRepository } from './remote-images.repository';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/**
 * Embed images, proxied (issue 20): chat asks for a remote image of a link embed; this service fetches it
 * with the safe fetcher (checked addresses, redirects re-checked, FILE_REMOTE_IMAGE_MAX_BYTES and time
 * limits; an oversize image is refused, not cut), checks its signature is one of the thumbnail image
 * types, renders its thumbnails like an uploaded image's and keeps it as a ready attachment of the
 * message (same authorisation as the message's attachments: READ_MESSAGE_HISTORY in its channel; removed
 * with its channel or guild). Clients load it from Bonfire, never from the remote host.
 */
@Injectable()
export class RemoteImagesService {
  private readonly policy: AddressPolicy;
  private readonly logger;

  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    private readonly transactions: FileTransactions,
    private readonly store: ObjectStore,
    private readonly images: ImageProcessor,
    private readonly ids: SnowflakeGenerator,
    private readonly files: RemoteImagesRepository,
    logger: ServiceLogger,
  ) {
    this.policy = new AddressPolicy(config.EMBED_FETCH_ALLOW_CIDRS ?? []);
    this.logger = logger.for('remote-images');
  }

  async fetch(caller: CallerIdentity, request: RemoteImageRequest): Promise<RemoteImageAnswer> {
    let bytes: Buffer;
    try {
      const response = await safeFetch(request.url, {
        policy: this.policy,
        maxBytes: this.config.FILE_REMOTE_IMAGE_MAX_BYTES,
        oversize: 'fail',
        accept: (type) => type.startsWith('image/'),
        connectTimeoutMs: this.config.FILE_REMOTE_IMAGE_CONNECT_TIMEOUT_MS,
        totalTimeoutMs: this.config.FILE_REMOTE_IMAGE_TIMEOUT_MS,
        acceptHeader: 'image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1',
      });
      bytes = response.body;
    } catch (error) {
      if (!(error instanceof SafeFetchError)) throw error;
      this.logger.info(
        { url: request.url, reason: `${error.failure}: ${error.message}` },
        'remote image refused',
      );
      throw refused(`the image could not be fetched (${error.failure})`);
    }
    const sniffed = await fileTypeFromBuffer(bytes);
    if (!sniffed || !THUMBNAIL_TYPES.has(sniffed.mime)) throw refused('not a PNG, JPEG, WebP or GIF image');
    let rendered;
    try {
      rendered = await this.images.render(() => Promise.resolve(bytes));
    } catch (error) {
      this.logger.info({ url: request.url, err: error }, 'remote image not decodable');
      throw refused('the image cannot be decoded');
    }
    const id = this.ids.next();
    const objectKey = objectKeys.original(id);
    await Promise.all([
      this.store.put(objectKey, bytes, sniffed.mime),
      this.store.put(objectKeys.thumbnail(id, 'small'), rendered.thumbnails.small, 'image/webp'),
      this.store.put(objectKeys.thumbnail(id, 'large'), rendered.thumbnails.large, 'image/webp'),
    ]);
    await this.files.insertReady(this.transactions.executor, {
      id,
      ownerId: caller.userId,
      channelId: request.channelId,
      guildId: request.guildId,
      messageId: request.messageId,
      filename: `embed.${EXTENSIONS[sniffed.mime] ?? 'img'}`,
      contentType: sniffed.mime,
      size: bytes.length,
      objectKey,
      width: rendered.width,
      height: rendered.height,
    });
    return { fileId: id, contentType: sniffed.mime, width: rendered.width, height: rendered.height };
  }
}

function refused(reason: string): AppError {
  return new AppError(ERROR.REMOTE_IMAGE_REFUSED, `The remote image was refused: ${reason}.`);
}
