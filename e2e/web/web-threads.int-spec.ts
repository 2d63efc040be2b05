import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser';
import {
  createServer,
  inviteLink,
  type Person,
  registerThroughPage,
  WebStack,
  useWebStack,
} from './web-stack';

/**
 * Issue 19 item 1 in the web client: a thread started from a message ("Create thread"), "N replies" under
 * the starter message updated live, the thread panel beside the channel (messages both ways, live), the
 * channel's thread list, and archiving — through the real stack in Chromium.
 */

const tag = () => randomBytes(3).toString('hex');

/** The channel's own message list (not the thread panel's). */
function channelMessages(page: Page): Locator {
  return page.getByRole('list', { name: /^Messages in #/ });
}

function threadPanel(page: Page, name: string): Locator {
  return page.getByRole('complementary', { name: new RegExp(name) });
}

async function send(scope: Locator, text: string): Promise<void> {
  const composer = scope.getByRole('textbox', { name: /^Message / });
  await composer.fill(text);
  await composer.press('Enter');
}

describe('threads in the web client', () => {
  let web: WebStack;
  let alice: Person;
  let bob: Person;
  const people = () => [alice, bob].filter(Boolean);

  useWebStack('web-threads', people, (started) => (web = started));

  it('a thread from a message: live reply count, panel both ways, archive', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    await createServer(alice.page, `Threadbare ${tag()}`);
    const inviteUrl = await inviteLink(alice.page);
    await bob.page.goto(inviteUrl);
    await bob.page.getByRole('button', { name: 'Accept invite' }).click();
    await bob.page.getByRole('heading', { name: /# general/i }).waitFor();

    // Bob's first page of history is in (a message arriving before it is fetched by that page).
    await expect.poll(() => channelMessages(bob.page).getAttribute('aria-busy')).toBe('false');

    const topic = `Release plan ${tag()}`;
    const main = alice.page.getByRole('main');
    await send(main, topic);
    const starter = channelMessages(alice.page)
      .getByRole('listitem')
      .filter({ has: alice.page.locator('.content', { hasText: topic }) });
    await expect.poll(() => starter.getAttribute('data-message-id')).toMatch(/^\d+$/);
    const bobStarter = channelMessages(bob.page)
      .getByRole('listitem')
      .filter({ has: bob.page.locator('.content', { hasText: topic }) });
    await bobStarter.waitFor();

    // Alice starts a thread from her message; the name defaults to the message's start.
    await starter.hover();
    await starter.getByRole('button', { name: 'Create thread' }).click();
    const dialog = alice.page.getByRole('dialog', { name: 'Create thread' });
    expect(await dialog.getByLabel('Thread name').inputValue()).toBe(topic);
    await dialog.getByRole('button', { name: 'Create thread' }).click();
    const alicePanel = threadPanel(alice.page, topic);
    await alicePanel.getByRole('heading', { name: new RegExp(topic) }).waitFor();
    await starter.getByRole('button', { name: /0 replies/ }).waitFor();
    await bobStarter.getByRole('button', { name: /0 replies/ }).waitFor();

    // Alice replies in the thread: Bob sees "1 reply" appear live, opens the thread and answers.
    await send(alicePanel, 'First step: freeze the branch');
    await alicePanel.locator('.content', { hasText: 'First step: freeze the branch' }).waitFor();
    const bobSummary = bobStarter.getByRole('button', { name: /1 reply/ });
    await bobSummary.waitFor({ timeout: 15_000 });
    await bobSummary.click();
    const bobPanel = threadPanel(bob.page, topic);
    await bobPanel.locator('.content', { hasText: 'First step: freeze the branch' }).waitFor();
    await send(bobPanel, 'Agreed, I will tag it');
    await alicePanel.locator('.content', { hasText: 'Agreed, I will tag it' }).waitFor({ timeout: 15_000 });
    await starter.getByRole('button', { name: /2 replies/ }).waitFor();
    // The thread's messages stay out of the channel.
    expect(await channelMessages(alice.page).locator('.content', { hasText: 'Agreed' }).count()).toBe(0);
    await alice.page.screenshot({ path: screenshotPath('web-thread-panel.png') });

    // The channel's thread list shows it as active.
    await bob.page.getByRole('button', { name: 'Threads', exact: true }).click();
    const bobList = bob.page.getByRole('complementary', { name: 'Threads' });
    await bobList
      .getByRole('list', { name: 'Active threads' })
      .getByRole('button', { name: new RegExp(topic) })
      .waitFor();

    // The owner archives it: both see it archived (Bob's list moves it to the archived ones).
    await alicePanel.getByRole('button', { name: 'Archive', exact: true }).click();
    await alicePanel.getByRole('button', { name: 'Unarchive' }).waitFor();
    await starter.getByRole('button', { name: /Archived/ }).waitFor();
    await bobStarter.getByRole('button', { name: /2 replies.*Archived/ }).waitFor({ timeout: 15_000 });
    await bob.page.getByRole('button', { name: 'Threads', exact: true }).click();
    await bob.page.getByRole('button', { name: 'Threads', exact: true }).click();
    await bobList
      .getByRole('list', { name: 'Archived threads' })
      .getByRole('button', { name: new RegExp(topic) })
      .waitFor();
  }, 180_000);
});
