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

/** Reads an image's dimensions and renders its thumbnails (webp, first frame of animations). */
export async function renderThumbnails(bytes: Buffer): Promise<RenderedImage> {
  const image = sharp(bytes, { failOn: 'error' });
  const metadata = await image.metadata();
  // Orientation 5–8 swaps the displayed width and height.
  const rotated = (metadata.orientation ?? 1) >= 5;
  const width = rotated ? metadata.height : metadata.width;
  const height = rotated ? metadata.width : metadata.height;
  const entries = await Promise.all(
    (Object.keys(THUMBNAIL_SIZES) as ThumbnailSize[]).map(async (size) => {
      const box = THUMBNAIL_SIZES[size];
      const rendered = await sharp(bytes, { failOn: 'error' })
        .rotate()
        .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      return [size, rendered] as const;
    }),
  );
  return {
    width,
    height,
    thumbnails: Object.fromEntries(entries) as Record<ThumbnailSize, Buffer>,
  };
}
