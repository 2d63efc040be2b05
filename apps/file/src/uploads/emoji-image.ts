import { EMOJI_MAX_DIMENSION } from '@bonfire/contracts';
import sharp from 'sharp';
import { fitInside, ImageTooLargeError, type Dimensions } from './thumbnails';

/** An emoji image after processing. */
export interface RenderedEmoji extends Dimensions {
  /** More than one frame (GIF or WebP); a static first frame is in `still`. */
  animated: boolean;
  /** The image scaled down to fit EMOJI_MAX_DIMENSION (animation kept), or null when it already fits. */
  resized: Buffer | null;
  /** The first frame, webp, within EMOJI_MAX_DIMENSION: what clients show until hovered. */
  still: Buffer;
}

const PIXEL_LIMIT_MESSAGE = /exceeds pixel limit/i;

/**
 * Processes an uploaded emoji (PNG, GIF or WebP; the type was sniffed): every frame is read (an animated
 * GIF or WebP stays animated), an image larger than EMOJI_MAX_DIMENSION on a side is scaled down to fit
 * (re-encoded in its own format), and a static first frame is rendered for clients that animate on hover.
 * The header is read first: more than `maxPixels` pixels over all frames is an ImageTooLargeError before
 * anything is decoded.
 */
export async function renderEmoji(
  bytes: Buffer,
  contentType: string,
  maxPixels: number,
): Promise<RenderedEmoji> {
  const metadata = await sharp(bytes, {
    animated: true,
    failOn: 'error',
    limitInputPixels: false,
  }).metadata();
  // With `animated`, height is every frame stacked (a "toilet roll"); pageHeight is one frame's.
  if (metadata.width * metadata.height > maxPixels) {
    throw new ImageTooLargeError({ width: metadata.width, height: metadata.height }, maxPixels);
  }
  const frames = metadata.pages ?? 1;
  const animated = frames > 1 && contentType !== 'image/png';
  const frame = { width: metadata.width, height: metadata.pageHeight ?? metadata.height };
  const size = fitInside(frame, EMOJI_MAX_DIMENSION);
  const box = { width: EMOJI_MAX_DIMENSION, height: EMOJI_MAX_DIMENSION, fit: 'inside' as const };
  try {
    let resized: Buffer | null = null;
    if (size.width !== frame.width || size.height !== frame.height) {
      const pipeline = sharp(bytes, { animated, failOn: 'error', limitInputPixels: maxPixels }).resize({
        ...box,
        withoutEnlargement: true,
      });
      resized = await (
        contentType === 'image/gif'
          ? pipeline.gif()
          : contentType === 'image/webp'
            ? pipeline.webp({ quality: 90 })
            : pipeline.png()
      ).toBuffer();
    }
    const still = await sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels })
      .resize({ ...box, withoutEnlargement: true })
      .webp({ quality: 90 })
      .toBuffer();
    return { ...size, animated, resized, still };
  } catch (error) {
    if (error instanceof Error && PIXEL_LIMIT_MESSAGE.test(error.message)) {
      throw new ImageTooLargeError(null, maxPixels);
    }
    throw error;
  }
}
