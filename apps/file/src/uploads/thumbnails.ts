import sharp from 'sharp';
import { THUMBNAIL_SIZES, type ThumbnailSize } from '../config';

export interface Dimensions {
  width: number;
  height: number;
}

/**
 * The size of an image scaled to fit inside a `box`×`box` square, aspect ratio kept, never enlarged —
 * what sharp's `fit: 'inside', withoutEnlargement: true` produces (it rounds the same way).
 */
export function fitInside(source: Dimensions, box: number): Dimensions {
  if (source.width <= box && source.height <= box) return { ...source };
  if (source.width >= source.height) {
    return { width: box, height: Math.max(1, Math.round((source.height * box) / source.width)) };
  }
  return { width: Math.max(1, Math.round((source.width * box) / source.height)), height: box };
}

export interface RenderedImage extends Dimensions {
  thumbnails: Record<ThumbnailSize, Buffer>;
}

/** An image with more pixels than sharp may decode (decided from its header, before any decoding). */
export class ImageTooLargeError extends Error {
  constructor(
    readonly dimensions: Dimensions | null,
    readonly maxPixels: number,
  ) {
    super(
      dimensions
        ? `the image is ${dimensions.width}×${dimensions.height} pixels, more than the ${maxPixels} allowed`
        : `the image has more than the ${maxPixels} pixels allowed`,
    );
    this.name = 'ImageTooLargeError';
  }
}

/** The message libvips gives when an input is over `limitInputPixels`. */
const PIXEL_LIMIT_MESSAGE = /exceeds pixel limit/i;

/**
 * Reads an image's dimensions and renders its thumbnails (webp, first frame of animations). The header is
 * read first: an image of more than `maxPixels` pixels (width × height of the frame sharp decodes) is
 * refused with ImageTooLargeError before a single pixel is decoded, and sharp's own `limitInputPixels`
 * stops any decoder that finds more than that anyway.
 */
export async function renderThumbnails(bytes: Buffer, maxPixels: number): Promise<RenderedImage> {
  // Reading the header decodes nothing, whatever the size it declares.
  const metadata = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
  if (metadata.width * metadata.height > maxPixels) {
    throw new ImageTooLargeError({ width: metadata.width, height: metadata.height }, maxPixels);
  }
  // Orientation 5–8 swaps the displayed width and height.
  const rotated = (metadata.orientation ?? 1) >= 5;
  const width = rotated ? metadata.height : metadata.width;
  const height = rotated ? metadata.width : metadata.height;
  try {
    return { width, height, thumbnails: await renderBoth(bytes, maxPixels) };
  } catch (error) {
    if (error instanceof Error && PIXEL_LIMIT_MESSAGE.test(error.message)) {
      throw new ImageTooLargeError(null, maxPixels);
    }
    throw error;
  }
}

async function renderBoth(bytes: Buffer, maxPixels: number): Promise<Record<ThumbnailSize, Buffer>> {
  const entries = await Promise.all(
    (Object.keys(THUMBNAIL_SIZES) as ThumbnailSize[]).map(async (size) => {
      const box = THUMBNAIL_SIZES[size];
      const rendered = await sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels })
        .rotate()
        .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      return [size, rendered] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ThumbnailSize, Buffer>;
}
