import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import {
  createServer,
  inviteLink,
  type Person,
  registerThroughPage,
  WebStack,
  useWebStack,
} from './web-stack';

/**
 * Issue 20 item 3 in the web client: the server settings' Emoji tab (upload an animated GIF, rename,
 * delete), the picker showing the server's emoji first (composer and reactions), `<a:name:id>` shown as an
 * inline image that animates on hover, and a custom emoji reaction seen by the other member — through the
 * real stack in Chromium.
 */

const tag = () => randomBytes(3).toString('hex');

function messageWith(page: Page, text: string): Locator {
  return page
    .getByRole('list', { name: /^Messages in #/ })
    .getByRole('listitem')
    .filter({ has: page.locator('.content', { hasText: text }) });
}

async function animatedGif(): Promise<Buffer> {
  const colours = ['#ff0000', '#00ff00', '#0000ff'];
  const frames = await Promise.all(
    colours.map((background) =>
      sharp({ create: { width: 48, height: 48, channels: 4, background } })
        .raw()
        .toBuffer(),
    ),
  );
  return sharp(Buffer.concat(frames), { raw: { width: 48, height: 144, channels: 4, pageHeight: 48 } })
    .gif({ delay: [100, 100, 100], loop: 0 })
    .toBuffer();
}

describe('custom emoji in the web client', () => {
  let web: WebStack;
  let alice: Person; // the owner: uploads the emoji
  let bob: Person; // a member: reacts with it
  const people = () => [alice, bob].filter(Boolean);

  useWebStack('web-emoji', people, (started) => (web = started));

  it('uploads an emoji in the server settings, writes it, reacts with it; renames and deletes it', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    await createServer(alice.page, `Emoji ${tag()}`);
    const invite = await inviteLink(alice.page);
    await bob.page.goto(invite);
    await bob.page.getByRole('button', { name: 'Accept invite' }).click();
    await bob.page.getByRole('heading', { name: /# general/i }).waitFor();

    // The owner uploads an animated GIF in the Emoji tab.
    const page = alice.page;
    await page.getByRole('button', { name: 'Server settings', exact: true }).click();
    const layer = page.getByRole('dialog', { name: /^Server settings/ });
    await layer.getByRole('tab', { name: 'Emoji', exact: true }).click();
    await layer.getByLabel('Image').setInputFiles({
      name: 'campfire.gif',
      mimeType: 'image/gif',
      buffer: await animatedGif(),
    });
    await expect.poll(() => layer.getByLabel('Name', { exact: true }).inputValue()).toBe('campfire');
    await layer.getByLabel('Name', { exact: true }).fill('camp_fire');
    await layer.getByRole('button', { name: 'Upload emoji' }).click();
    await layer.getByRole('status').filter({ hasText: 'Emoji :camp_fire: added.' }).waitFor();
    const list = layer.getByRole('list', { name: 'Emoji of this server' });
    await list.getByRole('img', { name: ':camp_fire:' }).waitFor();
    await page.screenshot({ path: artifactPath('web-emoji-settings.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.settings-layer').count()).toBe(0);

    // The composer's picker lists the server's emoji first and writes <a:name:id>.
    const text = `Look ${tag()}`;
    const composer = page.getByRole('textbox', { name: /^Message / });
    await composer.fill(`${text} `);
    await page.getByRole('button', { name: 'Insert emoji' }).click();
    const insert = page.getByRole('dialog', { name: 'Insert an emoji' });
    await insert
      .getByRole('region', { name: 'This server’s emoji' })
      .getByRole('button', { name: ':camp_fire:' })
      .click();
    await expect.poll(() => composer.inputValue()).toMatch(new RegExp(`^${text} <a:camp_fire:\\d+>$`));
    await composer.press('Enter');

    // Bob sees it as an image: the still frame, animated while hovered.
    const theirs = messageWith(bob.page, text);
    const image = theirs.locator('.content').getByRole('img', { name: ':camp_fire:' });
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/\/api\/v1\/files\/\d+\?size=small$/);
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await image.hover();
    await expect.poll(() => image.getAttribute('src')).toMatch(/\/api\/v1\/files\/\d+$/);

    // Bob reacts with it from the reaction picker; Alice sees the reaction live, as the image.
    await theirs.hover();
    await theirs.getByRole('button', { name: 'Add reaction' }).click();
    const picker = bob.page.getByRole('dialog', { name: 'Pick a reaction' });
    await picker
      .getByRole('region', { name: 'This server’s emoji' })
      .getByRole('button', { name: ':camp_fire:' })
      .click();
    const mine = messageWith(page, text);
    const reaction = mine.getByRole('button', { name: /^:camp_fire: 1 reaction/ });
    await reaction.waitFor();
    expect(await reaction.locator('img.custom-emoji').count()).toBe(1);
    await bob.page.screenshot({ path: artifactPath('web-emoji-reaction.png') });

    // Renamed, then deleted: the message and the reaction stay readable.
    await page.getByRole('button', { name: 'Server settings', exact: true }).click();
    await layer.getByRole('tab', { name: 'Emoji', exact: true }).click();
    await list.getByLabel('Name of :camp_fire:').fill('bonfire');
    await list.getByRole('button', { name: 'Rename' }).click();
    await layer.getByRole('status').filter({ hasText: 'Emoji renamed to :bonfire:.' }).waitFor();
    await list.getByRole('button', { name: 'Delete :bonfire:' }).click();
    await page
      .getByRole('dialog', { name: 'Delete :bonfire:' })
      .getByRole('button', { name: 'Delete emoji' })
      .click();
    await layer.getByRole('status').filter({ hasText: 'Emoji :bonfire: deleted.' }).waitFor();
    await page.keyboard.press('Escape');
    await messageWith(bob.page, text)
      .getByRole('button', { name: /1 reaction/ })
      .waitFor();
    expect(await messageWith(bob.page, text).locator('.content').textContent()).toContain(text);
  }, 120_000);
});
