import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
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

const tag = () => randomBytes(3).toString('hex');

function messageList(page: Page): Locator {
  return page.getByRole('list', { name: /^Messages in/ });
}

/** The message whose own text (not a reply preview quoting it) contains `text`. */
function messageWith(page: Page, text: string): Locator {
  return messageList(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.content', { hasText: text }) });
}

async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: /^Message / });
  await composer.fill(text);
  await composer.press('Enter');
}

function displayName(person: Person): string {
  return person.username[0]!.toUpperCase() + person.username.slice(1);
}

function dmButton(page: Page, name: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^${name}`) });
}

async function openDirectMessages(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Servers' })
    .getByRole('button', { name: /^Direct messages/ })
    .click();
}

describe('web client: pins, reactions, markdown, group DMs, profiles, account security', () => {
  let web: WebStack;
  let alice: Person; // owns the server
  let bob: Person; // a plain member
  let carol: Person; // a plain member, removed from the group DM
  let guildUrl: string;
  const people = () => [alice, bob, carol].filter(Boolean);

  useWebStack('web-messages', people, (started) => (web = started));

  it('brings three people into a server', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    carol = await registerThroughPage(web, `carol_${tag()}`);
    const page = alice.page;
    guildUrl = await createServer(page, `Pins ${tag()}`);
    const inviteUrl = await inviteLink(page);
    for (const person of [bob, carol]) {
      await person.page.goto(inviteUrl);
      await person.page.getByRole('button', { name: 'Accept invite' }).click();
      await person.page.getByRole('heading', { name: /# general/i }).waitFor();
    }
  });

  it('renders headings, quotes, lists, spoilers, masked links and highlighted code as elements', async () => {
    const marker = `Notes ${tag()}`;
    await send(
      alice.page,
      [
        `# ${marker}`,
        '> quoted <b>not html</b>',
        '- first item',
        '- second item',
        'the answer is ||forty-two|| says [the docs](https://example.com/docs)',
        '```ts',
        'const answer = 42; // yes',
        '```',
      ].join('\n'),
    );
    const message = messageWith(bob.page, marker);
    await message.waitFor();
    expect(await message.locator('.md-heading').textContent()).toBe(marker);
    expect(await message.locator('blockquote').textContent()).toBe('quoted <b>not html</b>');
    expect(await message.locator('blockquote b').count()).toBe(0);
    expect(await message.locator('ul.md-list > li').allTextContents()).toEqual(['first item', 'second item']);
    const spoiler = message.getByRole('button', { name: 'Spoiler, activate to reveal' });
    await spoiler.click();
    expect(await message.locator('.md-spoiler.revealed').textContent()).toBe('forty-two');
    const docs = message.getByRole('link', { name: 'the docs' });
    expect(await docs.getAttribute('href')).toBe('https://example.com/docs');
    expect(await docs.getAttribute('title')).toBe('https://example.com/docs');
    expect(await message.locator('pre .tok-keyword').first().textContent()).toBe('const');
    expect(await message.locator('pre .tok-number').first().textContent()).toBe('42');
    expect(await message.locator('pre .tok-comment').first().textContent()).toBe('// yes');
    await bob.page.screenshot({ path: artifactPath('web-markdown.png') });
  });

  it('pins a message for the owner; a plain member sees it in the pinned panel but cannot pin or delete', async () => {
    const text = `Pin me ${tag()}`;
    await send(alice.page, text);
    const mine = messageWith(alice.page, text);
    await mine.waitFor();
    await mine.hover();
    await mine.getByRole('button', { name: 'Pin message' }).click();
    await expect.poll(() => mine.locator('.edited', { hasText: '(pinned)' }).count()).toBe(1);

    const theirs = messageWith(bob.page, text);
    await theirs.waitFor();
    await expect.poll(() => theirs.locator('.edited', { hasText: '(pinned)' }).count()).toBe(1);
    await theirs.hover();
    await theirs.getByRole('button', { name: 'Reply' }).waitFor();
    expect(await theirs.getByRole('button', { name: /^(Pin|Unpin) message$/ }).count()).toBe(0);
    expect(await theirs.getByRole('button', { name: 'Delete message' }).count()).toBe(0);

    await bob.page.getByRole('button', { name: 'Pinned messages' }).click();
    const panel = bob.page.getByRole('complementary', { name: 'Pinned messages' });
    await panel.getByRole('listitem').filter({ hasText: text }).waitFor();
    expect(await panel.getByRole('button', { name: 'Unpin' }).count()).toBe(0);
    await bob.page.screenshot({ path: artifactPath('web-pinned-panel.png') });
    await panel.getByRole('button', { name: 'Close pinned messages' }).click();

    // The owner (every permission, MANAGE_MESSAGES among them) may delete anyone's message.
    await send(bob.page, `Bob's note ${tag()}`);
    const bobsNote = messageWith(alice.page, "Bob's note");
    await bobsNote.waitFor();
    await bobsNote.hover();
    await bobsNote.getByRole('button', { name: 'Delete message' }).waitFor();
  });

  it('reacts through the emoji search and shows who reacted', async () => {
    const text = `React to me ${tag()}`;
    await send(alice.page, text);
    const theirs = messageWith(bob.page, text);
    await theirs.waitFor();
    await theirs.hover();
    await theirs.getByRole('button', { name: 'Add reaction' }).click();
    const picker = bob.page.getByRole('dialog', { name: 'Pick a reaction' });
    await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('fire');
    await picker.getByRole('button', { name: 'fire' }).waitFor();
    await bob.page.screenshot({ path: artifactPath('web-emoji-picker.png') });
    await picker.getByRole('searchbox', { name: 'Search emoji' }).press('Enter');

    const mine = messageWith(alice.page, text);
    await mine.getByRole('button', { name: /🔥 1 reaction/ }).waitFor();
    await mine.hover();
    await mine.getByRole('button', { name: 'Who reacted' }).click();
    const dialog = alice.page.getByRole('dialog', { name: 'Reactions' });
    await dialog
      .getByRole('list', { name: 'People who reacted with 🔥' })
      .getByText(displayName(bob))
      .waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The emoji just used comes first under "Recently used" next time.
    await theirs.hover();
    await theirs.getByRole('button', { name: 'Add reaction' }).click();
    await picker
      .getByRole('region', { name: 'Recently used' })
      .getByRole('button', { name: 'fire' })
      .waitFor();
    await bob.page.keyboard.press('Escape');
    await expect.poll(() => picker.count()).toBe(0);

    // The composer's picker puts the emoji at the caret.
    const composer = alice.page.getByRole('textbox', { name: /^Message / });
    await composer.fill('Launch ');
    await alice.page.getByRole('button', { name: 'Insert emoji' }).click();
    const insert = alice.page.getByRole('dialog', { name: 'Insert an emoji' });
    await insert.getByRole('searchbox', { name: 'Search emoji' }).fill('rocket');
    await insert.getByRole('button', { name: 'rocket' }).click();
    await expect.poll(() => composer.inputValue()).toBe('Launch 🚀');
    await composer.press('Enter');
    await messageWith(bob.page, 'Launch 🚀').waitFor();
  });

  it("opens a member's profile with roles and status, and messages them from it", async () => {
    await alice.page.getByRole('button', { name: 'User settings' }).click();
    await alice.page.getByLabel('Custom status').fill('Pinning things');
    await alice.page.getByRole('button', { name: 'Save custom status' }).click();
    await alice.page.getByRole('status').filter({ hasText: 'Custom status saved.' }).waitFor();
    await alice.page.goto(guildUrl);

    const message = messageWith(bob.page, 'React to me');
    await message.getByRole('button', { name: `${displayName(alice)}, show profile` }).click();
    const card = bob.page.getByRole('dialog', { name: displayName(alice) });
    await card.getByText(`@${alice.username}`).waitFor();
    await card.getByRole('region', { name: 'Roles' }).waitFor();
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Pinning things');
    await bob.page.screenshot({ path: artifactPath('web-profile-popover.png') });
    await card.getByRole('button', { name: `Message ${displayName(alice)}` }).click();
    await bob.page.getByRole('heading', { name: `@ ${displayName(alice)}` }).waitFor();
  });

  it('makes a group DM of three; a removed member loses it, a member renames it and leaves', async () => {
    const groupName = `Trio ${tag()}`;
    await openDirectMessages(alice.page);
    await alice.page.getByRole('button', { name: 'New direct message' }).click();
    const dialog = alice.page.getByRole('dialog', { name: 'New conversation' });
    await dialog.getByRole('checkbox', { name: new RegExp(bob.username) }).check();
    await dialog.getByRole('checkbox', { name: new RegExp(carol.username) }).check();
    await dialog.getByLabel('Group name (optional)').fill(groupName);
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await alice.page.getByRole('heading', { name: `@ ${groupName}` }).waitFor();
    const hello = `Hello trio ${tag()}`;
    await send(alice.page, hello);

    for (const person of [bob, carol]) {
      await openDirectMessages(person.page);
      await dmButton(person.page, groupName).click();
      await messageWith(person.page, hello).waitFor();
    }

    // Alice removes Carol: Carol's list no longer has the conversation, and its page is gone.
    await alice.page.getByRole('button', { name: 'Group settings' }).click();
    const settings = alice.page.getByRole('dialog', { name: 'Group settings' });
    await settings.getByText('Members — 3').waitFor();
    await alice.page.screenshot({ path: artifactPath('web-group-dm-settings.png') });
    await settings.getByRole('button', { name: `Remove ${displayName(carol)} from the group` }).click();
    await settings.getByText('Members — 2').waitFor();
    await expect.poll(() => dmButton(carol.page, groupName).count(), { timeout: 10_000 }).toBe(0);
    await carol.page.getByRole('heading', { name: 'Unknown channel' }).waitFor();
    await settings.getByRole('button', { name: 'Close' }).click();

    // Bob still gets messages, then leaves.
    const after = `Still here ${tag()}`;
    await send(alice.page, after);
    await messageWith(bob.page, after).waitFor();
    await bob.page.getByRole('button', { name: 'Group settings' }).click();
    const bobSettings = bob.page.getByRole('dialog', { name: 'Group settings' });
    // Bob (not the owner) renames the group: Alice sees the new name live.
    const renamed = `Duo ${tag()}`;
    await bobSettings.getByLabel('Group name', { exact: true }).fill(renamed);
    const [renameReply] = await Promise.all([
      bob.page.waitForResponse(
        (response) => response.request().method() === 'PATCH' && response.url().includes('/api/v1/channels/'),
      ),
      bobSettings.getByRole('button', { name: 'Rename' }).click(),
    ]);
    expect(renameReply.status()).toBe(200);
    await alice.page.getByRole('heading', { name: `@ ${renamed}` }).waitFor();
    await dmButton(alice.page, renamed).waitFor();
    await bobSettings.getByRole('button', { name: 'Leave group' }).click();
    await bob.page
      .getByRole('dialog', { name: 'Leave group' })
      .getByRole('button', { name: 'Leave group' })
      .click();
    await expect.poll(() => dmButton(bob.page, renamed).count(), { timeout: 10_000 }).toBe(0);
    await alice.page.getByRole('button', { name: 'Group settings' }).click();
    await alice.page.getByRole('dialog', { name: 'Group settings' }).getByText('Members — 1').waitFor();
    await alice.page.keyboard.press('Escape');
  });

  it('revokes another session and changes the password from the settings page', async () => {
    // A second device for Carol.
    const other = await web.newPage();
    await other.page.goto(`${web.url}/login`);
    await other.page.getByLabel('Email or username').fill(carol.username);
    await other.page.getByLabel('Password').fill(carol.password);
    await other.page.getByRole('button', { name: 'Log in' }).click();
    await other.page.waitForURL(/\/channels\//);

    const page = carol.page;
    await page.getByRole('button', { name: 'User settings' }).click();
    const devices = page.getByRole('list', { name: 'Devices' });
    await expect.poll(() => devices.getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    await devices.getByRole('button', { name: /^Revoke session/ }).click();
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(1);
    expect(await devices.textContent()).toContain('(this device)');

    const newPassword = `new-${randomBytes(8).toString('hex')}`;
    await page.getByLabel('Current password').fill('wrong-password');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /password/i })
      .waitFor();

    await page.getByLabel('Current password').fill(carol.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
    await page.screenshot({ path: artifactPath('web-account-security.png') });

    // The new password logs in on a fresh device.
    await other.page.goto(`${web.url}/login`);
    await other.page.context().clearCookies();
    await other.page.evaluate(() => localStorage.clear());
    await other.page.goto(`${web.url}/login`);
    await other.page.getByLabel('Email or username').fill(carol.username);
    await other.page.getByLabel('Password').fill(newPassword);
    await other.page.getByRole('button', { name: 'Log in' }).click();
    await other.page.waitForURL(/\/channels\//);
    await other.context.close();

    for (const person of people()) {
      expect(person.errors.filter((error) => /Uncaught|TypeError|ReferenceError/.test(error))).toEqual([]);
    }
  });
});
