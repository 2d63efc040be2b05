import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngDeclaring } from '../testing/images';
import { renderEmoji } from './emoji-image';
import { ImageTooLargeError } from './thumbnails';

const MAX_PIXELS = 50_000_000;

/** An animated GIF of `colours.length` frames, each `width`×`height`. */
async function animatedGif(width: number, height: number, colours: string[]): Promise<Buffer> {
  const frames = await Promise.all(
    colours.map((background) =>
      sharp({ create: { width, height, channels: 4, background } })
        .raw()
        .toBuffer(),
    ),
  );
  return sharp(Buffer.concat(frames), {
    raw: { width, height: height * colours.length, channels: 4, pageHeight: height },
  })
    .gif({ delay: colours.map(() => 100), loop: 0 })
    .toBuffer();
}

describe('renderEmoji', () => {
  it('keeps a small static PNG as it is and renders a still webp of it', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 4, background: '#e25822' } })
      .png()
      .toBuffer();
    const emoji = await renderEmoji(png, 'image/png', MAX_PIXELS);
    expect(emoji).toMatchObject({ width: 64, height: 48, animated: false, resized: null });
    expect(await sharp(emoji.still).metadata()).toMatchObject({ format: 'webp', width: 64, height: 48 });
  });

  it('scales a large image down to fit 128×128, in its own format', async () => {
    const png = await sharp({ create: { width: 512, height: 256, channels: 4, background: '#3366ff' } })
      .png()
      .toBuffer();
    const emoji = await renderEmoji(png, 'image/png', MAX_PIXELS);
    expect(emoji).toMatchObject({ width: 128, height: 64, animated: false });
    expect(await sharp(emoji.resized!).metadata()).toMatchObject({ format: 'png', width: 128, height: 64 });
  });

  it('keeps an animated GIF animated when scaling it, with a static first frame beside it', async () => {
    const gif = await animatedGif(200, 150, ['#ff0000', '#00ff00', '#0000ff']);
    const emoji = await renderEmoji(gif, 'image/gif', MAX_PIXELS);
    expect(emoji).toMatchObject({ width: 128, height: 96, animated: true });
    expect(await sharp(emoji.resized!, { animated: true }).metadata()).toMatchObject({
      format: 'gif',
      width: 128,
      pageHeight: 96,
      pages: 3,
    });
    const still = await sharp(emoji.still, { animated: true }).metadata();
    expect(still).toMatchObject({ format: 'webp', width: 128, height: 96 });
    expect(still.pages ?? 1).toBe(1);
  });

  it('says a small animated GIF animates without re-encoding it', async () => {
    const gif = await animatedGif(32, 32, ['#ff0000', '#00ff00']);
    expect(await renderEmoji(gif, 'image/gif', MAX_PIXELS)).toMatchObject({
      width: 32,
      height: 32,
      animated: true,
      resized: null,
    });
  });

  it('refuses more pixels than allowed before decoding anything', async () => {
    await expect(renderEmoji(pngDeclaring(30_000, 30_000), 'image/png', MAX_PIXELS)).rejects.toBeInstanceOf(
      ImageTooLargeError,
    );
  });
});
