import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createServer,
  inviteLink,
  type Person,
  registerThroughPage,
  WebStack,
  useWebStack,
} from './web-stack';

/**
 * Issue 20 item 4 in the web client: the Friends page (add by username, accept, tabs Online / All /
 * Pending / Blocked with presence), blocking collapses the blocked user's messages in a shared server
 * ("1 blocked message — Show"), unblocking, and the privacy settings — through the real stack in Chromium.
 */

const tag = () => randomBytes(3).toString('hex');

function channelMessages(page: Page): Locator {
  return page.getByRole('list', { name: /^Messages in #/ });
}

async function openFriends(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Direct messages/ }).click();
  await page.getByRole('button', { name: /^Friends/ }).click();
  await page.getByRole('heading', { name: 'Friends', level: 1 }).waitFor();
}

function friendRow(page: Page, username: string): Locator {
  return page
    .getByRole('tabpanel')
    .getByRole('listitem')
    .filter({ hasText: `@${username}` });
}

describe('friends in the web client', () => {
  let web: WebStack;
  let alice: Person;
  let bob: Person;
  const people = () => [alice, bob].filter(Boolean);

  useWebStack('web-friends', people, (started) => (web = started));

  it('adds a friend, accepts, shows presence, blocks (messages collapsed), unblocks; privacy settings', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    const serverUrl = await createServer(alice.page, `Friendly ${tag()}`);
    const invite = await inviteLink(alice.page);
    await bob.page.goto(invite);
    await bob.page.getByRole('button', { name: 'Accept invite' }).click();
    await bob.page.getByRole('heading', { name: /# general/i }).waitFor();

    // Alice asks Bob by username.
    await openFriends(alice.page);
    await alice.page.getByLabel('Username', { exact: true }).fill(bob.username);
    await alice.page.getByRole('button', { name: 'Send friend request' }).click();
    await alice.page
      .getByRole('status')
      .filter({ hasText: `Friend request sent to ${bob.username}` })
      .waitFor();
    await alice.page.getByRole('tab', { name: /Pending/ }).click();
    await friendRow(alice.page, bob.username).getByText('Outgoing friend request').waitFor();

    // Bob sees it live under Pending and accepts.
    await openFriends(bob.page);
    await bob.page.getByRole('tab', { name: /Pending/ }).click();
    const request = friendRow(bob.page, alice.username);
    await request.getByText('Incoming friend request').waitFor();
    await request.getByRole('button', { name: /^Accept/ }).click();
    await bob.page.getByRole('tab', { name: 'All' }).click();
    await friendRow(bob.page, alice.username).waitFor();

    // Alice's Online tab shows Bob, online, live.
    await alice.page.getByRole('tab', { name: 'Online' }).click();
    const bobRow = friendRow(alice.page, bob.username);
    await bobRow.getByText('Online', { exact: false }).waitFor();
    await expect.poll(() => bobRow.locator('.presence-dot').getAttribute('class')).toContain('online');

    // Bob writes in the shared server; Alice blocks him: his message collapses.
    await bob.page.goto(serverUrl);
    await bob.page.getByRole('heading', { name: /# general/i }).waitFor();
    await expect.poll(() => channelMessages(bob.page).getAttribute('aria-busy')).toBe('false');
    const said = `hello from bob ${tag()}`;
    const composer = bob.page.getByRole('textbox', { name: /^Message / });
    await composer.fill(said);
    await composer.press('Enter');

    await alice.page.getByRole('tab', { name: 'All' }).click();
    await friendRow(alice.page, bob.username)
      .getByRole('button', { name: /^Block/ })
      .click();
    await alice.page.getByRole('tab', { name: 'Blocked' }).click();
    await friendRow(alice.page, bob.username).getByText('Blocked').first().waitFor();
    await alice.page.goto(serverUrl);
    await alice.page.getByRole('heading', { name: /# general/i }).waitFor();
    const collapsed = channelMessages(alice.page)
      .getByRole('listitem')
      .filter({ hasText: '1 blocked message' });
    await collapsed.first().waitFor();
    expect(await channelMessages(alice.page).getByText(said).count()).toBe(0);
    await collapsed.first().getByRole('button', { name: /Show/ }).click();
    await channelMessages(alice.page).getByText(said).waitFor();

    // Unblock from the Blocked tab.
    await openFriends(alice.page);
    await alice.page.getByRole('tab', { name: 'Blocked' }).click();
    await friendRow(alice.page, bob.username)
      .getByRole('button', { name: /^Unblock/ })
      .click();
    await alice.page.getByText('You have not blocked anyone.').waitFor();

    // Blocking from a profile card, no friendship needed: the message collapses again.
    await alice.page.goto(serverUrl);
    const bobName = bob.username[0]!.toUpperCase() + bob.username.slice(1);
    const bobMessage = channelMessages(alice.page).getByRole('listitem').filter({ hasText: said });
    await bobMessage.getByRole('button', { name: `${bobName}, show profile` }).click();
    await alice.page.getByRole('dialog', { name: bobName }).getByRole('button', { name: 'Block' }).click();
    await channelMessages(alice.page)
      .getByRole('listitem')
      .filter({ hasText: '1 blocked message' })
      .first()
      .waitFor();

    // Privacy settings.
    await alice.page.getByRole('button', { name: 'User settings' }).click();
    const dmsFrom = alice.page.getByLabel('Who can send me direct messages');
    await dmsFrom.selectOption('friends');
    await alice.page.getByRole('status').filter({ hasText: 'Privacy settings saved.' }).waitFor();
    await alice.page.reload();
    await expect
      .poll(() => alice.page.getByLabel('Who can send me direct messages').inputValue())
      .toBe('friends');
  });
});
