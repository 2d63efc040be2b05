import { BOT_TOKEN_PATTERN, PERMISSIONS } from '@bonfire/contracts';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser';
import { createServer, type Person, registerThroughPage, WebStack, useWebStack } from './web-stack';

/**
 * Issue 19 item 2 in the web client: an application made in user settings → Developer, its bot token shown
 * once, an authorise link built from ticked permissions, and the authorise page that adds the bot to a
 * server, where the member list marks it with a BOT tag. Through the real stack in Chromium.
 */

const tag = () => randomBytes(3).toString('hex');

describe('bot applications and the authorise page in the web client', () => {
  let web: WebStack;
  let alice: Person; // owns the server and the application
  let bob: Person; // manages no server
  const people = () => [alice, bob].filter(Boolean);

  useWebStack('web-bots', people, (started) => (web = started));

  it('alice creates an application, resets its token, builds an invite link and adds the bot', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    const page = alice.page;
    const serverName = `Botyard ${tag()}`;
    const guildUrl = await createServer(page, serverName);
    const guildId = new URL(guildUrl).pathname.split('/')[2]!;

    // User settings → Developer: create the application.
    const appName = `Pinger ${tag()}`;
    await page.getByRole('button', { name: 'User settings' }).click();
    const developer = page.getByRole('region', { name: 'Developer' });
    await developer.getByText('You have no applications yet.').waitFor();
    await developer.getByLabel('Application name').fill(appName);
    await developer.getByLabel('Description (optional)').fill('Answers !ping');
    await developer.getByRole('button', { name: 'Create application' }).click();
    await developer
      .getByRole('status')
      .filter({ hasText: `Application ${appName} created.` })
      .waitFor();
    await developer.getByRole('list', { name: 'My applications' }).getByText(appName).waitFor();
    const panel = developer.getByRole('region', { name: appName });
    await panel.waitFor();

    // Reset token: shown once, with the warning; it authenticates the bot.
    await panel.getByRole('button', { name: 'Reset token' }).click();
    const tokenBox = panel.getByRole('textbox', { name: `Token of ${appName}` });
    await tokenBox.waitFor();
    const token = await tokenBox.inputValue();
    expect(token).toMatch(BOT_TOKEN_PATTERN);
    await panel.getByText('you will not see it again', { exact: false }).waitFor();
    const asBot = await fetch(`${web.url}/api/v1/users/@me`, { headers: { Authorization: `Bot ${token}` } });
    expect(asBot.status).toBe(200);
    const botUser = (await asBot.json()) as { id: string; bot: boolean };
    expect(botUser.bot).toBe(true);
    // Closing and reopening the application does not show the token again.
    await developer.getByRole('button', { name: `Close application ${appName}` }).click();
    await developer.getByRole('button', { name: `Open application ${appName}` }).click();
    await panel.getByRole('button', { name: 'Reset token' }).waitFor();
    expect(await panel.getByRole('textbox', { name: `Token of ${appName}` }).count()).toBe(0);

    // The invite link asks for the two ticked permissions.
    await panel.getByRole('checkbox', { name: 'Send messages', exact: true }).check();
    await panel.getByRole('checkbox', { name: 'Add reactions', exact: true }).check();
    const bits = PERMISSIONS.SEND_MESSAGES | PERMISSIONS.ADD_REACTIONS;
    const linkBox = panel.getByRole('textbox', { name: 'Invite link' });
    await expect
      .poll(() => linkBox.inputValue())
      .toBe(`${web.url}/oauth2/authorize?client_id=${botUser.id}&permissions=${bits.toString()}`);
    const link = await linkBox.inputValue();
    await page.screenshot({ path: screenshotPath('web-settings-developer.png') });

    // A person who manages no server sees the bot but has nowhere to add it.
    bob = await registerThroughPage(web, `bob_${tag()}`);
    await bob.page.goto(link);
    await bob.page.getByRole('heading', { name: `Add ${appName} to a server` }).waitFor();
    await bob.page.getByText('You do not manage any server.', { exact: false }).waitFor();
    expect(await bob.page.getByRole('button', { name: 'Authorise' }).isDisabled()).toBe(true);

    // The authorise page: the application, the permissions by name, the server picker.
    await page.goto(link);
    await page.getByRole('heading', { name: `Add ${appName} to a server` }).waitFor();
    const asked = page.getByRole('list', { name: 'It asks for these permissions' });
    await asked.getByText('Send messages', { exact: true }).waitFor();
    await asked.getByText('Add reactions', { exact: true }).waitFor();
    expect(await asked.locator(':scope > li').count()).toBe(2);
    await page.getByLabel('Server', { exact: true }).selectOption({ label: serverName });
    await page.screenshot({ path: screenshotPath('web-oauth2-authorize.png') });
    await page.getByRole('button', { name: 'Authorise' }).click();

    // Back in the server: the bot is in the member list with its BOT tag.
    await page.waitForURL((url) => url.pathname.startsWith(`/channels/${guildId}`));
    const members = page.getByRole('complementary', { name: 'Members' });
    const botRow = members.getByRole('listitem', { name: /\(bot\)/ });
    await botRow.waitFor();
    expect(await botRow.locator('.bot-tag').textContent()).toBe('BOT');
    expect(
      await members
        .getByRole('listitem')
        .filter({ hasText: /^Alice/ })
        .locator('.bot-tag')
        .count(),
    ).toBe(0);

    // The bot posts with its token: its message shows the BOT tag, and so does its profile.
    await page.waitForURL((url) => url.pathname.split('/').length === 4);
    const channelId = new URL(page.url()).pathname.split('/')[3]!;
    const posted = await fetch(`${web.url}/api/v1/channels/${channelId}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bot ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: 'pong from the bot' }),
    });
    expect(posted.status).toBe(201);
    const botMessage = page.getByRole('listitem').filter({ hasText: 'pong from the bot' });
    await botMessage.waitFor();
    expect(await botMessage.locator('.bot-tag').textContent()).toBe('BOT');
    await botMessage.getByRole('button', { name: /\(bot\), show profile$/ }).click();
    const profile = page.getByRole('dialog', { name: /\(bot\)$/ });
    await profile.waitFor();
    expect(await profile.locator('.bot-tag').textContent()).toBe('BOT');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: screenshotPath('web-bot-member-and-message.png') });
  }, 120_000);
});
