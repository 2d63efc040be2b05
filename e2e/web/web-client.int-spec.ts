import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import { eventually } from '../support/eventually';
import {
  createServer,
  inviteLink,
  type Person,
  registerThroughPage,
  WebStack,
  useWebStack,
} from './web-stack';

const tag = () => randomBytes(3).toString('hex');

function messageList(page: Page) {
  return page.getByRole('list', { name: /^Messages in/ });
}

/** The message whose own text (not a reply preview quoting it) contains `text`. */
function messageWith(page: Page, text: string) {
  return messageList(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.content', { hasText: text }) });
}

/** Types into the composer and sends with Enter, as a person would. */
async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: /^Message / });
  await composer.fill(text);
  await composer.press('Enter');
}

describe('web client in real browsers (built services, gateway serving apps/web/dist)', () => {
  let web: WebStack;
  let alice: Person;
  let bob: Person;
  let guildUrl: string;
  const people = () => [alice, bob].filter(Boolean);

  useWebStack('web-client', people, (started) => (web = started));

  it('registers two people through the login screens', async () => {
    const { page, context } = await web.newPage();
    await page.goto(`${web.url}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome back!' }).isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('web-login.png') });
    // A wrong password is refused in plain words.
    await page.getByLabel('Email or username').fill('nobody_here');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/do not match|invalid/i);
    await context.close();

    alice = await registerThroughPage(web, `alice_${tag()}`);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    expect(await alice.page.getByRole('region', { name: 'Your account' }).textContent()).toContain('Alice_');
  });

  it('creates a guild and brings the second person in with an invite link', async () => {
    const page = alice.page;
    guildUrl = await createServer(page, 'Campfire');
    const inviteUrl = await inviteLink(page);

    await bob.page.goto(inviteUrl);
    await expect.poll(() => bob.page.getByRole('heading', { name: 'Campfire' }).isVisible()).toBe(true);
    await bob.page.getByRole('button', { name: 'Accept invite' }).click();
    await bob.page.getByRole('heading', { name: /# general/i }).waitFor();
    expect(bob.page.url()).toContain('/channels/');
  });

  it('lets two people chat live, with typing, replies, reactions and edits', async () => {
    await alice.page.goto(guildUrl);
    await messageList(alice.page).waitFor();
    const hello = `Hello from Alice **bold** ${tag()} https://example.com/path`;
    await send(alice.page, hello);

    const bobList = messageList(bob.page);
    const received = messageWith(bob.page, 'Hello from Alice');
    await received.waitFor();
    expect(await received.locator('strong').textContent()).toBe('bold');
    expect(
      await received.getByRole('link', { name: 'https://example.com/path' }).getAttribute('rel'),
    ).toContain('noopener');

    // Typing shows on the other screen.
    await bob.page.getByRole('textbox', { name: /^Message / }).pressSequentially('typing…', { delay: 20 });
    await expect
      .poll(() => alice.page.locator('.typing-indicator').textContent(), { timeout: 10_000 })
      .toMatch(/is typing/);
    await bob.page.getByRole('textbox', { name: /^Message / }).fill('');

    // Reply, then react to Alice's message.
    await received.hover();
    await received.getByRole('button', { name: 'Reply' }).click();
    await send(bob.page, `Hi Alice, reply ${tag()} <@mention-free>`);
    const reply = messageList(alice.page).getByRole('listitem').filter({ hasText: 'Hi Alice, reply' });
    await reply.waitFor();
    expect(await reply.locator('.reply-preview').textContent()).toContain('Hello from Alice');

    await received.hover();
    await received.getByRole('button', { name: 'Add reaction' }).click();
    await received.getByRole('button', { name: 'React with 👍' }).click();
    const aliceCopy = messageWith(alice.page, 'Hello from Alice');
    await aliceCopy.getByRole('button', { name: /👍 1 reaction/ }).waitFor();

    // Alice edits her message; Bob sees the edit.
    const helloId = await aliceCopy.getAttribute('data-message-id');
    const aliceRow = alice.page.locator(`article[data-message-id="${helloId}"]`);
    await aliceRow.hover();
    await aliceRow.getByRole('button', { name: 'Edit message' }).click();
    const editBox = aliceRow.getByRole('textbox', { name: 'Edit message' });
    await editBox.fill('Hello from Alice, edited');
    await editBox.press('Enter');
    await messageWith(bob.page, 'Hello from Alice, edited').waitFor();
    expect(await messageWith(bob.page, 'Hello from Alice, edited').textContent()).toContain('(edited)');

    // Bob deletes a message of his after confirming; it disappears from Alice's screen.
    const oops = `oops, wrong channel ${tag()}`;
    await send(bob.page, oops);
    await messageWith(alice.page, oops).waitFor();
    const bobOops = messageWith(bob.page, oops);
    await bobOops.hover();
    await bobOops.getByRole('button', { name: 'Delete message' }).click();
    await bob.page
      .getByRole('dialog', { name: 'Delete message' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(() => messageWith(alice.page, oops).count(), { timeout: 10_000 }).toBe(0);

    // @mention autocomplete turns @bob into a mention Bob is notified of.
    const composer = alice.page.getByRole('textbox', { name: /^Message / });
    await composer.fill('');
    await composer.pressSequentially(`hey @${bob.username.slice(0, 4)}`);
    await alice.page.getByRole('option', { name: new RegExp(bob.username) }).waitFor();
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe(`hey @${bob.username} `);
    await composer.pressSequentially('look at this');
    await composer.press('Enter');
    const mention = bobList.getByRole('listitem').filter({ hasText: 'look at this' });
    await mention.waitFor();
    // The chip shows the user's name once their profile is in the store (fetched on first sight).
    await expect.poll(() => mention.locator('.mention-chip').textContent()).toMatch(/^@Bob_/);
    expect(await mention.getAttribute('class')).toContain('mentioned');

    // How long a message takes from Enter in one browser to the screen of the other (printed, not asserted).
    const latencies: number[] = [];
    for (let index = 0; index < 10; index++) {
      const text = `latency probe ${index} ${tag()}`;
      const started = Date.now();
      await send(alice.page, text);
      await messageWith(bob.page, text).waitFor();
      latencies.push(Date.now() - started);
    }
    latencies.sort((a, b) => a - b);
    process.stderr.write(
      `web: Enter → other browser shows it, 10 messages: p50 ${latencies[4]} ms, max ${latencies[9]} ms\n`,
    );

    await alice.page.screenshot({ path: artifactPath('web-guild-messages.png') });
  });

  it('uploads an image that the other person sees as a preview', async () => {
    const png = await sharp({
      create: { width: 320, height: 200, channels: 3, background: { r: 240, g: 120, b: 40 } },
    })
      .png()
      .toBuffer();
    const picker = alice.page.getByLabel('Choose files to upload');
    await picker.setInputFiles({ name: 'campfire.png', mimeType: 'image/png', buffer: png });
    await alice.page.getByRole('img', { name: 'Preview of campfire.png' }).waitFor();
    await expect
      .poll(() => alice.page.getByText('Ready to send').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await alice.page.screenshot({ path: artifactPath('web-upload-preview.png') });
    await send(alice.page, 'our campfire');

    const image = messageList(bob.page).getByRole('img', { name: 'campfire.png' });
    await image.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await bob.page.screenshot({ path: artifactPath('web-upload-received.png') });
  });

  it('finds a message with the search panel', async () => {
    const word = `findme${tag()}`;
    await send(alice.page, `a needle called ${word} in the haystack`);
    await messageList(bob.page).getByRole('listitem').filter({ hasText: word }).waitFor();

    await bob.page.getByRole('button', { name: 'Search messages' }).click();
    const panel = bob.page.getByRole('complementary', { name: 'Search' });
    await panel.getByRole('searchbox', { name: 'Search messages' }).fill(word);
    await eventually(async () => {
      await panel.getByRole('button', { name: 'Search', exact: true }).click();
      const results = panel.getByRole('list', { name: 'Search results' });
      await results.getByRole('listitem').first().waitFor({ timeout: 1_500 });
      expect(await results.textContent()).toContain(word);
    }, 20_000);
    expect(await panel.locator('mark').first().textContent()).toBe(word);
    await bob.page.screenshot({ path: artifactPath('web-search.png') });
    // Opening a result brings the message into view and focuses it.
    await panel.getByRole('button', { name: new RegExp(`^Open message from .*${word}`) }).click();
    await expect
      .poll(() => bob.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain(word);
    await panel.getByRole('button', { name: 'Close search' }).click();
  });

  it('opens a direct message from the member list and delivers it', async () => {
    await alice.page.getByRole('button', { name: 'Show members' }).click();
    const members = alice.page.getByRole('complementary', { name: 'Members' });
    await members.getByRole('button', { name: new RegExp(`^Message ${bob.username}`, 'i') }).click();
    await alice.page.getByRole('heading', { name: /^@ Bob_/ }).waitFor();
    const secret = `just between us ${tag()}`;
    await send(alice.page, secret);

    // Bob, still in the guild, sees the unread conversation on the home button before opening it.
    await bob.page.getByRole('button', { name: 'Direct messages, 1 unread' }).click();
    await bob.page.getByRole('button', { name: new RegExp(`^${alice.username}`, 'i') }).click();
    await messageList(bob.page).getByRole('listitem').filter({ hasText: secret }).waitFor();
    await bob.page.screenshot({ path: artifactPath('web-dm.png') });
    // Her own message leaves nothing unread for Alice.
    await alice.page.getByRole('button', { name: 'Direct messages', exact: true }).waitFor();
  });

  it('keeps history intact, without duplicates, across a dropped connection', async () => {
    await alice.page.goto(guildUrl);
    await messageList(alice.page).waitFor();
    await bob.page.goto(guildUrl);
    await messageList(bob.page).waitFor();
    await bob.context.setOffline(true);
    await bob.page.getByText(/Connection lost/).waitFor({ timeout: 15_000 });

    const missed = [`missed one ${tag()}`, `missed two ${tag()}`, `missed three ${tag()}`];
    for (const text of missed) {
      await send(alice.page, text);
      await messageList(alice.page).getByRole('listitem').filter({ hasText: text }).waitFor();
    }
    // Bob writes while offline: it shows as not sent, and a retry after reconnecting delivers it once.
    const offlineText = `sent while offline ${tag()}`;
    await send(bob.page, offlineText);
    const unsent = messageList(bob.page).getByRole('listitem').filter({ hasText: offlineText });
    await unsent.getByRole('button', { name: 'Retry' }).waitFor({ timeout: 20_000 });

    await bob.context.setOffline(false);
    await expect.poll(() => bob.page.getByText(/Connection lost/).count(), { timeout: 30_000 }).toBe(0);
    await unsent.getByRole('button', { name: 'Retry' }).click();

    const bobList = messageList(bob.page);
    for (const text of [...missed, offlineText]) {
      await bobList.getByRole('listitem').filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
    }
    // Reloading the history from the server shows the same messages exactly once each.
    for (const page of [bob.page, alice.page]) {
      for (const text of [...missed, offlineText]) {
        await messageList(page).getByRole('listitem').filter({ hasText: text }).first().waitFor();
        expect(await messageList(page).getByRole('listitem').filter({ hasText: text }).count(), text).toBe(1);
      }
    }
    await bob.page.reload();
    for (const text of [...missed, offlineText]) {
      await messageList(bob.page).getByRole('listitem').filter({ hasText: text }).first().waitFor();
      expect(await messageList(bob.page).getByRole('listitem').filter({ hasText: text }).count()).toBe(1);
    }
  });

  it('scrolls back through history page by page', async () => {
    for (let index = 0; index < 60; index++) {
      await send(alice.page, `history line ${String(index).padStart(3, '0')}`);
    }
    await messageList(alice.page).getByRole('listitem').filter({ hasText: 'history line 059' }).waitFor();
    await bob.page.reload();
    const list = messageList(bob.page);
    await list.getByRole('listitem').filter({ hasText: 'history line 059' }).waitFor();
    // Virtualised: far fewer rows in the DOM than messages loaded.
    expect(await list.getByRole('listitem').count()).toBeLessThan(60);

    // A search hit older than the loaded page: opening it loads back to it and focuses it.
    await bob.page.getByRole('button', { name: 'Search messages' }).click();
    const panel = bob.page.getByRole('complementary', { name: 'Search' });
    await panel.getByRole('searchbox', { name: 'Search messages' }).fill('"history line 000"');
    await eventually(async () => {
      await panel.getByRole('button', { name: 'Search', exact: true }).click();
      await panel
        .getByRole('button', { name: /^Open message from .*history line 000/ })
        .waitFor({ timeout: 1_500 });
    }, 20_000);
    await panel.getByRole('button', { name: /^Open message from .*history line 000/ }).click();
    await expect
      .poll(() => bob.page.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: 15_000 })
      .toContain('history line 000');
    await panel.getByRole('button', { name: 'Close search' }).click();

    await eventually(async () => {
      await list.evaluate((element) => element.scrollTo({ top: 0 }));
      await messageWith(bob.page, 'Hello from Alice').waitFor({ timeout: 1_000 });
    }, 20_000);
    await eventually(async () => {
      await list.evaluate((element) => element.scrollTo({ top: 0 }));
      await list.getByText(/This is the beginning of/).waitFor({ timeout: 1_000 });
    }, 20_000);
  }, 120_000);

  it('is usable from the keyboard alone', async () => {
    const page = alice.page;
    await page.goto(guildUrl);
    await messageList(page).getByRole('listitem').first().waitFor();
    // The skip link is the first stop in the tab order and jumps past the navigation.
    const firstStop = await page.evaluate(
      () =>
        document.querySelector<HTMLElement>('a[href], button, input, textarea, select, [tabindex="0"]')
          ?.textContent,
    );
    expect(firstStop).toBe('Skip to messages');
    await page.getByRole('link', { name: 'Skip to messages' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    // Arrow keys walk the messages; R replies to the focused one. The list is virtualized and settles
    // (first page, scroll to the bottom) after the page shows: try again if a re-render moved the rows.
    await expect.poll(() => messageList(page).getAttribute('aria-busy')).toBe('false');
    await eventually(async () => {
      await messageList(page).focus();
      const last = messageList(page).getByRole('listitem').last();
      await last.focus();
      const lastIndex = Number(await last.getAttribute('data-index'));
      await page.keyboard.press('ArrowUp');
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index']), {
          timeout: 2_000,
        })
        .toBe(String(lastIndex - 1));
    }, 20_000);
    await page.keyboard.press('r');
    await page.getByText(/^Replying to/).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Message #general');
    expect(await page.getByRole('textbox', { name: 'Message #general' }).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByText(/^Replying to/).count()).toBe(0);
    // Dialogs take focus and give it back on Escape.
    await page.getByRole('button', { name: 'Create channel' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create channel' });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Create channel');
  });

  it('groups channels under categories that collapse', async () => {
    const page = alice.page;
    const createChannel = async (type: 'Text' | 'Category', name: string, category?: string) => {
      await page.getByRole('button', { name: 'Create channel' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create channel' });
      await dialog.getByRole('radio', { name: type }).check();
      await dialog.getByLabel('Channel name').fill(name);
      if (category)
        await dialog.getByRole('combobox', { name: 'Category' }).selectOption({ label: category });
      await dialog.getByRole('button', { name: 'Create channel' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await createChannel('Category', 'Campfire stories');
    await createChannel('Text', 'ghost stories', 'Campfire stories');
    await page.getByRole('heading', { name: '# ghost-stories' }).waitFor();

    // Bob's channel list shows the new channel under its category, live.
    const toggle = bob.page.getByRole('button', { name: 'Campfire stories' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await bob.page.getByRole('button', { name: /^ghost-stories, text channel/ }).waitFor();
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await bob.page.getByRole('button', { name: /^ghost-stories, text channel/ }).count()).toBe(0);
    await toggle.click();
    await bob.page.getByRole('button', { name: /^ghost-stories, text channel/ }).waitFor();
  });

  it('sets profile and status in settings', async () => {
    await alice.page.getByRole('button', { name: 'User settings' }).click();
    await alice.page.getByLabel('Display name').fill('Alice Campfire');
    await alice.page.getByRole('button', { name: 'Save profile' }).click();
    await alice.page.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor();
    await alice.page.getByRole('radio', { name: 'Do not disturb' }).check();
    await alice.page.getByRole('status').filter({ hasText: 'Status set to Do not disturb.' }).waitFor();
    await alice.page.getByLabel('Custom status').fill('roasting marshmallows');
    await alice.page.getByRole('button', { name: 'Save custom status' }).click();
    await alice.page.getByRole('status').filter({ hasText: 'Custom status saved.' }).waitFor();
    await alice.page.screenshot({ path: artifactPath('web-settings.png') });

    // Bob sees the new status in the member list.
    await bob.page.goto(guildUrl);
    await bob.page.getByRole('button', { name: 'Show members' }).click();
    await bob.page
      .getByRole('complementary', { name: 'Members' })
      .getByRole('listitem', { name: /Alice Campfire, Do not disturb, roasting marshmallows/ })
      .waitFor({ timeout: 15_000 });
  });

  it('works at phone width with the navigation in a drawer', async () => {
    const phone = await web.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.page.goto(`${web.url}/login`);
    await phone.page.getByLabel('Email or username').fill(alice.username);
    await phone.page.getByLabel('Password').fill(alice.password);
    await phone.page.getByRole('button', { name: 'Log in' }).click();
    // At phone width the account panel sits in the closed drawer: the signed-in page is the sign.
    await phone.page.waitForURL(/\/channels\/@me$/);
    await phone.page.goto(guildUrl);
    await messageList(phone.page).getByRole('listitem').first().waitFor();
    expect(await phone.page.getByRole('navigation', { name: 'Servers' }).isVisible()).toBe(false);
    await phone.page.screenshot({ path: artifactPath('web-phone.png') });
    await phone.page.getByRole('button', { name: 'Open navigation' }).click();
    await phone.page.getByRole('button', { name: /^general, text channel/ }).waitFor();
    await phone.page.screenshot({ path: artifactPath('web-phone-navigation.png') });
    await phone.context.close();
  });

  it('logs out', async () => {
    await bob.page.getByRole('button', { name: 'User settings' }).click();
    await bob.page.getByRole('button', { name: 'Log out' }).click();
    await bob.page.getByRole('heading', { name: 'Welcome back!' }).waitFor();
    await bob.page.reload();
    await bob.page.getByRole('heading', { name: 'Welcome back!' }).waitFor();
    expect(bob.errors.filter((error) => /Uncaught|TypeError|ReferenceError/.test(error))).toEqual([]);
    expect(alice.errors.filter((error) => /Uncaught|TypeError|ReferenceError/.test(error))).toEqual([]);
  });
});
