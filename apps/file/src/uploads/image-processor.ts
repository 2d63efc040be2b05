import { Inject, Injectable } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from '../config';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { type RenderedEmoji, renderEmoji } from './emoji-image';
import { type RenderedImage, renderThumbnails } from './thumbnails';

/**
 * Decodes uploaded images and renders their thumbnails, at most FILE_IMAGE_CONCURRENCY at once per
 * process (the others wait their turn, holding no bytes), each refused above FILE_IMAGE_MAX_PIXELS
 * before it is decoded (ImageTooLargeError).
 */
@Injectable()
export class ImageProcessor {
  private readonly limiter: ConcurrencyLimiter;
  private readonly maxPixels: number;

  constructor(
    @Inject(FILE_CONFIG) config: Pick<FileConfig, 'FILE_IMAGE_CONCURRENCY' | 'FILE_IMAGE_MAX_PIXELS'>,
  ) {
    this.limiter = new ConcurrencyLimiter(config.FILE_IMAGE_CONCURRENCY);
    this.maxPixels = config.FILE_IMAGE_MAX_PIXELS;
  }

  /** Images being decoded now, and waiting. */
  get load(): { running: number; queued: number } {
    return { running: this.limiter.running, queued: this.limiter.queued };
  }

  /** `read` fetches the bytes once a slot is free, so waiting uploads hold no memory. */
  render(read: () => Promise<Buffer>): Promise<RenderedImage> {
    return this.limiter.run(async () => renderThumbnails(await read(), this.maxPixels));
  }

  /** An emoji (its sniffed type given): scaled to fit, animation kept, a still first frame; same queue. */
  renderEmoji(read: () => Promise<Buffer>, contentType: string): Promise<RenderedEmoji> {
    return this.limiter.run(async () => renderEmoji(await read(), contentType, this.maxPixels));
  }
}
