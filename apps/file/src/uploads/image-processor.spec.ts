import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngDeclaring } from '../testing/images';
import { ImageProcessor } from './image-processor';
import { ImageTooLargeError } from './thumbnails';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ImageProcessor', () => {
  it('reads and decodes at most FILE_IMAGE_CONCURRENCY images at once; the rest wait without their bytes', async () => {
    const images = new ImageProcessor({ FILE_IMAGE_CONCURRENCY: 2, FILE_IMAGE_MAX_PIXELS: 50_000_000 });
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#e25822' } })
      .png()
      .toBuffer();
    const releases: (() => void)[] = [];
    let reading = 0;
    let peak = 0;
    const read = () =>
      new Promise<Buffer>((resolve) => {
        reading++;
        peak = Math.max(peak, reading);
        releases.push(() => {
          reading--;
          resolve(png);
        });
      });
    const renders = Array.from({ length: 5 }, () => images.render(read));

    await tick();
    expect(releases).toHaveLength(2);
    expect(images.load).toEqual({ running: 2, queued: 3 });

    while (releases.length > 0 || images.load.running > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const rendered = await Promise.all(renders);
    expect(rendered.map((image) => [image.width, image.height])).toEqual(Array(5).fill([40, 30]));
    expect(peak).toBe(2);
    expect(images.load).toEqual({ running: 0, queued: 0 });
  });

  it('refuses an image over FILE_IMAGE_MAX_PIXELS, frees its slot, and renders the next one', async () => {
    const images = new ImageProcessor({ FILE_IMAGE_CONCURRENCY: 1, FILE_IMAGE_MAX_PIXELS: 50_000_000 });
    await expect(images.render(() => Promise.resolve(pngDeclaring(30_000, 30_000)))).rejects.toBeInstanceOf(
      ImageTooLargeError,
    );
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3366ff' } })
      .png()
      .toBuffer();
    await expect(images.render(() => Promise.resolve(png))).resolves.toMatchObject({ width: 64, height: 64 });
    expect(images.load).toEqual({ running: 0, queued: 0 });
  });
});
