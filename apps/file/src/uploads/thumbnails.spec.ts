import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngDeclaring } from '../testing/images';
import { fitInside, ImageTooLargeError, renderThumbnails } from './thumbnails';

const MAX_PIXELS = 50_000_000;

describe('fitInside', () => {
  it('scales the longer side to the box, keeping the aspect ratio', () => {
    expect(fitInside({ width: 2000, height: 1000 }, 256)).toEqual({ width: 256, height: 128 });
    expect(fitInside({ width: 2000, height: 1000 }, 1024)).toEqual({ width: 1024, height: 512 });
    expect(fitInside({ width: 1000, height: 3000 }, 256)).toEqual({ width: 85, height: 256 });
    expect(fitInside({ width: 4000, height: 4000 }, 256)).toEqual({ width: 256, height: 256 });
  });

  it('never enlarges, and never makes a side zero', () => {
    expect(fitInside({ width: 100, height: 50 }, 256)).toEqual({ width: 100, height: 50 });
    expect(fitInside({ width: 10_000, height: 1 }, 256)).toEqual({ width: 256, height: 1 });
  });
});

describe('renderThumbnails', () => {
  it('renders webp thumbnails with the dimensions fitInside predicts', async () => {
    const png = await sharp({
      create: { width: 1500, height: 900, channels: 3, background: { r: 200, g: 80, b: 20 } },
    })
      .png()
      .toBuffer();
    const rendered = await renderThumbnails(png, MAX_PIXELS);
    expect(rendered).toMatchObject({ width: 1500, height: 900 });
    const small = await sharp(rendered.thumbnails.small).metadata();
    const large = await sharp(rendered.thumbnails.large).metadata();
    expect(small.format).toBe('webp');
    expect({ width: small.width, height: small.height }).toEqual(
      fitInside({ width: 1500, height: 900 }, 256),
    );
    expect({ width: large.width, height: large.height }).toEqual(
      fitInside({ width: 1500, height: 900 }, 1024),
    );
  });

  it('refuses an image whose header declares more pixels than allowed, before decoding it', async () => {
    const bomb = pngDeclaring(30_000, 30_000);
    expect(bomb.length).toBeLessThan(1_024);
    const started = Date.now();
    const refused = await renderThumbnails(bomb, MAX_PIXELS).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImageTooLargeError);
    expect(refused).toMatchObject({ dimensions: { width: 30_000, height: 30_000 }, maxPixels: MAX_PIXELS });
    expect((refused as Error).message).toContain('30000×30000');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('applies the configured limit, not sharp’s default', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    await expect(renderThumbnails(png, 300 * 200 - 1)).rejects.toBeInstanceOf(ImageTooLargeError);
    await expect(renderThumbnails(png, 300 * 200)).resolves.toMatchObject({ width: 300, height: 200 });
  });
});
