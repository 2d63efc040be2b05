import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fitInside, renderThumbnails } from './thumbnails';

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
    const rendered = await renderThumbnails(png);
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
});
