import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { artifactPath, screenshotPath } from '../support/browser';
import {
  createServer,
  inviteLink,
  type Person,
  registerThroughPage,
  WebStack,
  useWebStack,
} from './web-stack';

const tag = () => randomBytes(3).toString('hex');

function rail(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Servers' });
}

function channelButton(page: Page, name: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^${name}, (text|voice) channel`) });
}

function serverSettings(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Server settings/ });
}

function channelSettings(page: Page): Locator {
  return page.getByRole('dialog', { name: /^(Channel|Category) settings/ });
}

async function openServerSettings(page: Page, tab: string): Promise<Locator> {
  if (!(await serverSettings(page).isVisible())) {
    await page.getByRole('button', { name: 'Server settings', exact: true }).click();
  }
  const layer = serverSettings(page);
  await layer.getByRole('tab', { name: tab, exact: true }).click();
  return layer;
}

async function closeLayer(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.settings-layer').count()).toBe(0);
}

/** Opens the "Manage …" dialog of a member from the Members tab (searching by username). */
async function manageMember(page: Page, person: Person): Promise<Locator> {
  const layer = await openServerSettings(page, 'Members');
  await layer.getByLabel('Search members').fill(person.username);
  const row = layer.getByRole('listitem', { name: new RegExp(`^${person.username}`, 'i') });
  await row.getByRole('button', { name: /^Manage / }).click();
  const dialog = page.getByRole('dialog', { name: /^Manage / });
  await dialog.waitFor();
  return dialog;
}

describe('server and channel settings in real browsers', () => {
  let web: WebStack;
  let alice: Person; // the owner
  let bob: Person; // a plain member, later given the role, then kicked
  let carol: Person; // has the role from the start, later banned
  let dave: Person; // takes over the server at the end
  let guildUrl: string;
  let guildName: string;
  const people = () => [alice, bob, carol, dave].filter(Boolean);

  useWebStack('web-settings', people, (started) => (web = started));

  it('brings four people into a new server; only the owner sees the settings', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    carol = await registerThroughPage(web, `carol_${tag()}`);
    dave = await registerThroughPage(web, `dave_${tag()}`);
    guildName = `Campfire ${tag()}`;
    const page = alice.page;
    guildUrl = await createServer(page, guildName);
    const inviteUrl = await inviteLink(page);
    for (const person of [bob, carol, dave]) {
      await person.page.goto(inviteUrl);
      await person.page.getByRole('button', { name: 'Accept invite' }).click();
      await person.page.getByRole('heading', { name: /# general/i }).waitFor();
    }

    await page.getByRole('button', { name: 'Server settings', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit channel general', exact: true }).waitFor();
    // A plain member has neither the server settings nor the channel gear.
    await channelButton(bob.page, 'general').waitFor();
    expect(await bob.page.getByRole('button', { name: 'Server settings', exact: true }).count()).toBe(0);
    expect(await bob.page.getByRole('button', { name: /^Edit channel/ }).count()).toBe(0);
  }, 120_000);

  it('creates, edits and reorders roles (drag and keyboard), permissions as switches', async () => {
    const page = alice.page;
    const layer = await openServerSettings(page, 'Roles');
    const roleList = layer.getByRole('list', { name: 'Roles, highest first' });
    const order = async () =>
      (await roleList.getByRole('listitem').allTextContents()).map((text) =>
        text.replace(/[⠿▲▼]/g, '').trim(),
      );

    for (const name of ['Crew', 'Elders']) {
      await layer.getByRole('button', { name: 'Create role' }).click();
      const editor = layer.getByRole('form', { name: 'Edit role new role' });
      await editor.getByLabel('Role name').fill(name);
      if (name === 'Crew') {
        await editor.getByLabel('Role colour').fill('#e67e22');
        await editor.getByRole('switch', { name: 'Manage messages', exact: true }).check();
        await editor.getByRole('switch', { name: 'Allow anyone to @mention this role' }).check();
      }
      await editor.getByRole('button', { name: 'Save changes' }).click();
      await layer
        .getByRole('status')
        .filter({ hasText: `Role ${name} saved.` })
        .waitFor();
    }
    // New roles go to the bottom: Elders (newest) below Crew.
    await expect.poll(order).toEqual(['Crew', 'Elders', '@everyone']);
    await layer.getByRole('button', { name: 'Move Elders up' }).click();
    await expect.poll(order).toEqual(['Elders', 'Crew', '@everyone']);
    await roleList
      .getByRole('listitem')
      .filter({ hasText: 'Crew' })
      .dragTo(roleList.getByRole('listitem').first());
    await expect.poll(order).toEqual(['Crew', 'Elders', '@everyone']);

    // The saved permissions are what the switches showed; every permission has its explanation.
    await roleList.getByRole('button', { name: 'Crew', exact: true }).click();
    const crew = layer.getByRole('form', { name: 'Edit role Crew' });
    expect(await crew.getByRole('switch', { name: 'Manage messages', exact: true }).isChecked()).toBe(true);
    expect(await crew.getByRole('switch', { name: 'Ban members', exact: true }).isChecked()).toBe(false);
    expect(await crew.getByRole('switch').count()).toBeGreaterThanOrEqual(24);
    await page.screenshot({ path: screenshotPath('web-server-settings-roles.png') });
  });

  it('gives a role from the member list', async () => {
    const dialog = await manageMember(alice.page, carol);
    await dialog.getByRole('checkbox', { name: 'Crew', exact: true }).check();
    await dialog
      .getByRole('status')
      .filter({ hasText: /^Gave Crew to/ })
      .waitFor();
    await alice.page.screenshot({ path: screenshotPath('web-server-settings-member.png') });
    await dialog.getByRole('button', { name: 'Done' }).click();
    const layer = serverSettings(alice.page);
    await layer.getByLabel('Search members').fill('');
    await layer
      .getByRole('listitem', { name: new RegExp(`^${carol.username}`, 'i') })
      .getByText('Crew')
      .waitFor();
    await alice.page.screenshot({ path: screenshotPath('web-server-settings-members.png') });
    await closeLayer(alice.page);
  });

  it('makes a channel private in two clicks: only the role sees it, live', async () => {
    const page = alice.page;
    await page.getByRole('button', { name: 'Create channel' }).click();
    const create = page.getByRole('dialog', { name: 'Create channel' });
    await create.getByLabel('Channel name').fill('secret');
    await create.getByRole('button', { name: 'Create channel' }).click();
    await page.getByRole('heading', { name: '# secret' }).waitFor();
    for (const person of [bob, carol]) await channelButton(person.page, 'secret').waitFor();

    await page.getByRole('button', { name: 'Edit channel secret' }).click();
    const layer = channelSettings(page);
    await layer.getByRole('tab', { name: 'Permissions' }).click();
    await layer.getByRole('switch', { name: 'Private channel' }).check(); // click one
    await layer.getByRole('checkbox', { name: 'Crew', exact: true }).check(); // click two
    await expect
      .poll(() => layer.getByRole('checkbox', { name: 'Crew', exact: true }).isChecked())
      .toBe(true);

    // The advanced editor shows the same as allow / neutral / deny, and sets any permission.
    const radio = (permission: string, state: string) =>
      layer.getByRole('group', { name: permission, exact: true }).getByRole('radio', { name: state });
    await expect.poll(() => radio('View channels', 'Deny').isChecked()).toBe(true);
    const targets = layer.getByRole('list', { name: 'Roles and members with overwrites' });
    await targets.getByRole('button', { name: 'Crew' }).click();
    await expect.poll(() => radio('View channels', 'Allow').isChecked()).toBe(true);
    expect(await radio('Attach files', 'Neutral').isChecked()).toBe(true);
    await radio('Attach files', 'Deny').check();
    await layer.locator('.settings-panel').evaluate((panel) => panel.scrollTo({ top: 0 }));
    await page.screenshot({ path: screenshotPath('web-channel-settings-permissions.png') });
    await closeLayer(page);
    // Saved: the settings opened again show the same.
    await page.getByRole('button', { name: 'Edit channel secret' }).click();
    await layer.getByRole('tab', { name: 'Permissions' }).click();
    expect(await layer.getByRole('switch', { name: 'Private channel' }).isChecked()).toBe(true);
    await targets.getByRole('button', { name: 'Crew' }).click();
    await expect.poll(() => radio('Attach files', 'Deny').isChecked()).toBe(true);
    await closeLayer(page);
    const secretUrl = page.url();
    const words = `for the crew only ${tag()}`;
    const composer = page.getByRole('textbox', { name: 'Message #secret' });
    await composer.fill(words);
    await composer.press('Enter');

    // Bob (no role) loses the channel at once and cannot open it; Carol (Crew) and the owner keep it.
    await expect.poll(() => channelButton(bob.page, 'secret').count()).toBe(0);
    await expect.poll(() => channelButton(dave.page, 'secret').count()).toBe(0);
    await bob.page.goto(secretUrl);
    await bob.page.getByText('This channel does not exist or you cannot see it.').waitFor();
    await channelButton(carol.page, 'secret').click();
    await carol.page
      .getByRole('list', { name: /^Messages in/ })
      .getByText(words)
      .waitFor();

    // Giving Bob the role in the UI shows him the channel without a reload, history included.
    await bob.page.goto(guildUrl);
    await channelButton(bob.page, 'general').waitFor();
    expect(await channelButton(bob.page, 'secret').count()).toBe(0);
    const dialog = await manageMember(alice.page, bob);
    await dialog.getByRole('checkbox', { name: 'Crew', exact: true }).check();
    await dialog
      .getByRole('status')
      .filter({ hasText: /^Gave Crew to/ })
      .waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await closeLayer(alice.page);
    await channelButton(bob.page, 'secret').click();
    await bob.page
      .getByRole('list', { name: /^Messages in/ })
      .getByText(words)
      .waitFor();
  }, 90_000);

  it('edits a channel and moves it into a category by drag', async () => {
    const page = alice.page;
    await page.getByRole('button', { name: 'Create channel' }).click();
    const create = page.getByRole('dialog', { name: 'Create channel' });
    await create.getByRole('radio', { name: 'Category' }).check();
    await create.getByLabel('Channel name').fill('Lounge');
    await create.getByRole('button', { name: 'Create channel' }).click();
    await create.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Edit channel secret' }).click();
    const layer = channelSettings(page);
    await layer.getByLabel('Topic').fill('Crew business');
    await layer.getByLabel('Slowmode').selectOption({ label: '10 seconds' });
    await layer.getByRole('button', { name: 'Save changes' }).click();
    await layer.getByRole('status').filter({ hasText: 'Channel saved.' }).waitFor();
    await page.screenshot({ path: screenshotPath('web-channel-settings-overview.png') });
    await closeLayer(page);
    await page.locator('.main-header .topic', { hasText: 'Crew business' }).waitFor();

    // Drag #secret onto the Lounge category: it moves there, for Carol too.
    await channelButton(page, 'secret').dragTo(page.getByRole('button', { name: 'Lounge', exact: true }));
    const inLounge = (who: Page) =>
      who
        .locator('section.channel-category', { hasText: 'Lounge' })
        .getByRole('button', { name: /^secret, text channel/ });
    await inLounge(page).waitFor();
    await inLounge(carol.page).waitFor();
    // And back out with the keyboard-friendly settings: category "No category".
    await page.getByRole('button', { name: 'Edit channel secret' }).click();
    await channelSettings(page).getByLabel('Category').selectOption({ label: 'No category' });
    await channelSettings(page).getByRole('button', { name: 'Save changes' }).click();
    await channelSettings(page).getByRole('status').filter({ hasText: 'Channel saved.' }).waitFor();
    await closeLayer(page);
    await expect.poll(() => inLounge(carol.page).count()).toBe(0);
  });

  it('kicks and bans from the UI; the member loses the server live; bans are listed and lifted', async () => {
    const onRail = (person: Person) =>
      rail(person.page).getByRole('button', { name: new RegExp(`^${guildName}`) });
    await onRail(bob).waitFor();
    let dialog = await manageMember(alice.page, bob);
    await dialog.getByRole('button', { name: 'Kick' }).click();
    const kick = alice.page.getByRole('dialog', { name: /^Kick / });
    await kick.getByRole('button', { name: 'Kick', exact: true }).click();
    await serverSettings(alice.page)
      .getByRole('status')
      .filter({ hasText: /was kicked\.$/ })
      .waitFor();
    await expect.poll(() => onRail(bob).count()).toBe(0);

    dialog = await manageMember(alice.page, carol);
    await dialog.getByRole('button', { name: 'Ban' }).click();
    const ban = alice.page.getByRole('dialog', { name: /^Ban / });
    await ban.getByLabel('Reason (optional)').fill('spoilers for the next season');
    await ban.getByRole('button', { name: 'Ban', exact: true }).click();
    await serverSettings(alice.page)
      .getByRole('status')
      .filter({ hasText: /was banned\.$/ })
      .waitFor();
    await expect.poll(() => onRail(carol).count()).toBe(0);

    const layer = await openServerSettings(alice.page, 'Bans');
    const banned = layer.getByRole('list', { name: 'Banned users' }).getByRole('listitem');
    await banned.filter({ hasText: 'Reason: spoilers for the next season' }).waitFor();
    expect(await banned.count()).toBe(1);
    await alice.page.screenshot({ path: screenshotPath('web-server-settings-bans.png') });
    await banned.getByRole('button', { name: /^Lift the ban on/ }).click();
    await layer.getByText('Nobody is banned from this server.').waitFor();
  });

  it('lists, creates and revokes invites with uses and expiry', async () => {
    const layer = await openServerSettings(alice.page, 'Invites');
    const invites = layer.getByRole('list', { name: 'Active invites' }).getByRole('listitem');
    // The invite the others came in with: three uses, no limit.
    await invites.filter({ hasText: '3 uses, no limit' }).waitFor();
    await layer.getByLabel('Expire after').selectOption({ label: '1 day' });
    await layer.getByLabel('Max number of uses').selectOption({ label: '5 uses' });
    await layer.getByRole('button', { name: 'Create invite' }).click();
    const limited = invites.filter({ hasText: '0 of 5 uses' });
    await limited.waitFor();
    expect(await limited.textContent()).toMatch(/expires /);
    await alice.page.screenshot({ path: screenshotPath('web-server-settings-invites.png') });
    await limited.getByRole('button', { name: /^Revoke invite/ }).click();
    await expect.poll(() => invites.filter({ hasText: '0 of 5 uses' }).count()).toBe(0);
  });

  it('renames the server, sets its icon, transfers it, and the new owner deletes it', async () => {
    const layer = await openServerSettings(alice.page, 'Overview');
    const icon = artifactPath('web-settings-icon.png');
    await sharp({ create: { width: 128, height: 128, channels: 3, background: '#e67e22' } })
      .png()
      .toFile(icon);
    await layer.getByLabel('Upload icon').setInputFiles(icon);
    await layer.getByRole('status').filter({ hasText: 'Icon updated.' }).waitFor({ timeout: 30_000 });
    const renamed = `${guildName} HQ`;
    await layer.getByLabel('Server name').fill(renamed);
    await layer.getByLabel('Description').fill('Stories by the fire.');
    await layer.getByRole('button', { name: 'Save changes' }).click();
    await layer.getByRole('status').filter({ hasText: 'Server saved.' }).waitFor();
    await alice.page.screenshot({ path: screenshotPath('web-server-settings-overview.png') });
    // Dave sees the new name and icon live.
    await rail(dave.page).getByRole('button', { name: renamed }).locator('img').waitFor();
    guildName = renamed;

    await layer
      .getByLabel('Transfer ownership to')
      .selectOption({ label: dave.username[0]!.toUpperCase() + dave.username.slice(1) });
    await layer.getByRole('button', { name: 'Transfer ownership' }).click();
    await alice.page
      .getByRole('dialog', { name: 'Transfer ownership' })
      .getByRole('button', { name: 'Transfer' })
      .click();
    // Alice holds no role: without ownership nothing in the settings is hers any more.
    await expect.poll(() => alice.page.locator('.settings-layer').count()).toBe(0);
    await expect
      .poll(() => alice.page.getByRole('button', { name: 'Server settings', exact: true }).count())
      .toBe(0);

    const daveLayer = await openServerSettings(dave.page, 'Overview');
    await daveLayer.getByRole('button', { name: 'Delete server' }).click();
    const confirm = dave.page.getByRole('dialog', { name: `Delete ${renamed}` });
    const button = confirm.getByRole('button', { name: 'Delete server' });
    expect(await button.isDisabled()).toBe(true);
    await confirm.getByLabel(`Type ${renamed} to confirm`).fill(renamed);
    await button.click();
    for (const person of [alice, dave]) {
      await expect.poll(() => rail(person.page).getByRole('button', { name: renamed }).count()).toBe(0);
    }
  });
});
