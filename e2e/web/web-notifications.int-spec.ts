import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createServer,
  inviteLink,
  type Person,
  registerThroughPage,
  WebStack,
  useWebStack,
} from './web-stack';

const tag = () => randomBytes(3).toString('hex');

/**
 * Replaces the page's Notification API with a recorder (permission granted): the test sees exactly what
 * the app asked the browser to show, and nothing reaches the desktop.
 */
const STUB_NOTIFICATIONS = `
  window.__shownNotifications = [];
  class RecordingNotification {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) {
      window.__shownNotifications.push({ title, body: options && options.body, tag: options && options.tag });
    }
    close() {}
  }
  window.Notification = RecordingNotification;
`;

interface Shown {
  title: string;
  body: string;
  tag: string;
}

function shown(page: Page): Promise<Shown[]> {
  return page.evaluate(() => (window as unknown as { __shownNotifications: Shown[] }).__shownNotifications);
}

async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: /^Message / });
  await composer.fill(text);
  await composer.press('Enter');
}

describe('browser notifications in a real browser', () => {
  let web: WebStack;
  let alice: Person; // the owner; gets the notifications
  let bob: Person; // mentions her
  const people = () => [alice, bob].filter(Boolean);

  useWebStack('web-notifications', people, (started) => (web = started));

  it('shows a notification for a mention in another channel, and none for a muted level', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    await alice.context.addInitScript(STUB_NOTIFICATIONS);
    const page = alice.page;
    await createServer(page, `Campfire ${tag()}`);
    const invite = await inviteLink(page);
    await bob.page.goto(invite);
    await bob.page.getByRole('button', { name: 'Accept invite' }).click();
    await bob.page.getByRole('heading', { name: /# general/i }).waitFor();

    // A second channel, where bob will talk; alice stays on #general (reloaded: the stub is in place).
    await page.getByRole('button', { name: 'Create channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create channel' });
    await dialog.getByLabel('Channel name').fill('random');
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^general, text channel/ }).click();
    await page.reload();
    await page.getByRole('heading', { name: /# general/i }).waitFor();
    expect(await shown(page)).toEqual([]);

    await bob.page.getByRole('button', { name: /^random, text channel/ }).click();
    await bob.page.getByRole('heading', { name: /# random/i }).waitFor();
    await send(bob.page, `@${alice.username} the fire is lit`);

    await expect.poll(() => shown(page), { timeout: 20_000 }).toHaveLength(1);
    const [notification] = await shown(page);
    expect(notification!.title).toMatch(/^Bob_\w+ in #random \(Campfire \w+\)$/);
    expect(notification!.body).toMatch(/^<@\d+> the fire is lit$/);

    // Nothing level for the server: a mention no longer notifies (the settings dialog, from the bell).
    await page.getByRole('button', { name: 'Notification settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: /^Notification settings for Campfire/ });
    await settings.getByRole('radio', { name: 'Nothing' }).check();
    await settings.getByRole('status').filter({ hasText: 'Server notifications saved.' }).waitFor();
    // Mute #random from its own dialog: the sidebar shows it muted.
    await settings.getByRole('button', { name: 'Done' }).click();
    await send(bob.page, `@${alice.username} still there?`);
    await bob.page.getByText('still there?').waitFor();
    await page.waitForTimeout(1_500);
    expect(await shown(page)).toHaveLength(1);

    await page.getByRole('button', { name: /^random, text channel/ }).click();
    await page.getByRole('button', { name: 'Notification settings for this channel' }).click();
    const channelDialog = page.getByRole('dialog', { name: 'Notification settings for #random' });
    await channelDialog.getByLabel('Mute the channel').selectOption('forever');
    await channelDialog.getByRole('status').filter({ hasText: '#random notifications saved.' }).waitFor();
    await channelDialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: /^random, text channel, muted/ }).waitFor();

    // The service worker that shows pushes while no window is focused is served with the app.
    const worker = await page.request.get(`${web.url}/sw.js`);
    expect(worker.status()).toBe(200);
    expect(worker.headers()['content-type']).toMatch(/javascript/);
    expect(await worker.text()).toContain("addEventListener('push'");
  }, 120_000);
});
