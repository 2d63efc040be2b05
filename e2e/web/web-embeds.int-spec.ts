import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, keepFailureEvidence, type Person, registerThroughPage, WebStack } from './web-stack';

/**
 * Issue 20 item 2 in the web client: a link in a message becomes an embed card (site, title link,
 * description, the proxied thumbnail, accent bar), a link to an image shows the image inline, and the
 * author removes the embeds — through the real stack in Chromium, against a local test site that chat and
 * file may reach (EMBED_FETCH_ALLOW_CIDRS names exactly its port).
 */

const tag = () => randomBytes(3).toString('hex');

describe('link embeds in the web client', () => {
  let web: WebStack;
  let site: Server;
  let base: string;
  let alice: Person | undefined;

  beforeAll(async () => {
    const cover = await sharp({ create: { width: 600, height: 315, channels: 3, background: '#e25822' } })
      .png()
      .toBuffer();
    site = createHttpServer((request, response) => {
      switch (new URL(request.url ?? '/', 'http://site').pathname) {
        case '/story':
          response.setHeader('content-type', 'text/html; charset=utf-8');
          response.end(
            '<html><head><meta property="og:title" content="Campfire stories">' +
              '<meta property="og:description" content="Tales told at night">' +
              '<meta property="og:site_name" content="Test Site"><meta property="og:image" content="/cover.png">' +
              '<meta name="theme-color" content="#e25822"></head><body></body></html>',
          );
          return;
        case '/cover.png':
        case '/photo.png':
          response.setHeader('content-type', 'image/png');
          response.end(cover);
          return;
        default:
          response.statusCode = 404;
          response.end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const port = (site.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    const allow = { EMBED_FETCH_ALLOW_CIDRS: `127.0.0.1:${port}` };
    web = await WebStack.start({ serviceEnv: { chat: allow, file: allow } });
  }, 120_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && alice) {
      await keepFailureEvidence('web-embeds', context.task.name, [alice]);
    }
  });

  afterAll(async () => {
    if (alice && alice.errors.length > 0) process.stderr.write(`browser console errors: ${alice.errors}\n`);
    await web?.stop();
    site?.closeAllConnections();
    await new Promise((closed) => site?.close(closed));
  });

  async function send(page: Page, text: string): Promise<void> {
    const composer = page.getByRole('main').getByRole('textbox', { name: /^Message / });
    await composer.fill(text);
    await composer.press('Enter');
  }

  it('renders an embed card for a link and an inline image; the author removes the embeds', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    const page = alice.page;
    await createServer(page, `Embeds ${tag()}`);

    await send(page, `read ${base}/story`);
    const card = page.getByRole('region', { name: 'Link preview: Campfire stories' });
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.locator('.embed-site').textContent()).toBe('Test Site');
    const title = card.getByRole('link', { name: 'Campfire stories' });
    expect(await title.getAttribute('href')).toBe(`${base}/story`);
    expect(await title.getAttribute('rel')).toContain('noopener');
    expect(await card.locator('.embed-description').textContent()).toBe('Tales told at night');
    // The accent bar takes the page's theme colour.
    expect(await card.evaluate((element) => getComputedStyle(element).borderLeftColor)).toBe(
      'rgb(226, 88, 34)',
    );
    // The thumbnail is the proxied copy, loaded from Bonfire (an object URL), never from the site.
    const thumbnail = card.locator('img.embed-thumbnail');
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);

    // A link straight to an image shows the image inline.
    await send(page, `${base}/photo.png`);
    const inline = page.locator('img.embed-inline-image');
    await expect.poll(() => inline.count(), { timeout: 20_000 }).toBe(1);
    expect(await inline.getAttribute('src')).toMatch(/^blob:/);

    // The author removes the card's embeds from the message's actions.
    const message = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('region', { name: 'Link preview: Campfire stories' }) });
    await message.hover();
    await message.getByRole('button', { name: 'Remove embeds' }).click();
    await expect.poll(() => card.count()).toBe(0);
  });
});
