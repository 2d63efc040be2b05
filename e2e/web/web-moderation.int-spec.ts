import { PERMISSIONS } from '@bonfire/contracts';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Api, type AuthResult } from '../support/api';
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
 * Issue 19 items 3 and 4 in the web client: the audit log panel in the server settings (only for
 * VIEW_AUDIT_LOG holders) and the webhooks of a channel (create, URL shown once, delete), through the real
 * stack in Chromium. A webhook post made by a program (fetch from the test) shows in the channel live.
 */

const tag = () => randomBytes(3).toString('hex');
const displayName = (person: Person) => person.username[0]!.toUpperCase() + person.username.slice(1);

function serverSettings(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Server settings/ });
}

async function openServerSettings(page: Page, tab: string): Promise<Locator> {
  if (!(await serverSettings(page).isVisible())) {
    await page.getByRole('button', { name: 'Server settings', exact: true }).click();
  }
  const layer = serverSettings(page);
  await layer.getByRole('tab', { name: tab, exact: true }).click();
  return layer;
}

/** The entries of the audit log (not the changed fields listed inside an entry). */
function auditEntries(layer: Locator): Locator {
  return layer.getByRole('list', { name: 'Audit log entries' }).locator(':scope > li');
}

async function closeLayer(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.settings-layer').count()).toBe(0);
}

async function logInByApi(web: WebStack, person: Person): Promise<{ api: Api; userId: string }> {
  const api = new Api(web.url);
  const reply = await api.post<AuthResult>('/api/v1/auth/login', {
    login: person.username,
    password: person.password,
  });
  expect(reply.status).toBe(200);
  return { api: api.withToken(reply.body.accessToken), userId: reply.body.user.id };
}

describe('audit log and webhooks in the web client', () => {
  let web: WebStack;
  let alice: Person; // the owner
  let bob: Person; // a moderator who may kick but not read the audit log (at first)
  let carol: Person; // kicked with a reason
  let owner: Api;
  let guildId: string;
  const people = () => [alice, bob, carol].filter(Boolean);

  useWebStack('web-moderation', people, (started) => (web = started));

  it('the owner kicks a member with a reason and reads it in the audit log', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    carol = await registerThroughPage(web, `carol_${tag()}`);
    const guildUrl = await createServer(alice.page, `Watchtower ${tag()}`);
    guildId = new URL(guildUrl).pathname.split('/')[2]!;
    const inviteUrl = await inviteLink(alice.page);
    for (const person of [bob, carol]) {
      await person.page.goto(inviteUrl);
      await person.page.getByRole('button', { name: 'Accept invite' }).click();
      await person.page.getByRole('heading', { name: /# general/i }).waitFor();
    }
    const ownerLogin = await logInByApi(web, alice);
    owner = ownerLogin.api;
    const carolId = (await logInByApi(web, carol)).userId;

    const reason = 'spamming links — “last warning” ✓';
    const kicked = await owner.request('DELETE', `/api/v1/guilds/${guildId}/members/${carolId}`, undefined, {
      'X-Audit-Log-Reason': encodeURIComponent(reason),
    });
    expect(kicked.status).toBe(204);

    const layer = await openServerSettings(alice.page, 'Audit log');
    const entries = auditEntries(layer);
    const kick = entries.filter({ hasText: `${displayName(alice)} kicked ${displayName(carol)}` });
    await kick.waitFor();
    expect(await kick.textContent()).toContain(`Reason: ${reason}`);
    // Creating the server's invite is in the log too, newest first: the kick is above it.
    await entries
      .filter({ hasText: `${displayName(alice)} created invite` })
      .first()
      .waitFor();
    expect(await entries.first().textContent()).toContain('kicked');
    await alice.page.screenshot({ path: screenshotPath('web-server-settings-audit-log.png') });

    // More than a page (50) of newer entries: the kick is on the second page, behind "Load more".
    for (let i = 1; i <= 55; i++) {
      const edited = await owner.patch(`/api/v1/guilds/${guildId}`, { description: `Update ${i}` });
      expect(edited.status).toBe(200);
    }
    await layer.getByRole('button', { name: 'Refresh' }).click();
    await entries.filter({ hasText: 'description Update 54 → Update 55' }).waitFor();
    await expect.poll(() => entries.count()).toBe(50);
    expect(await kick.count()).toBe(0);
    await layer.getByRole('button', { name: 'Load more' }).click();
    await kick.waitFor();
    expect(await entries.count()).toBeGreaterThan(50);
    await expect.poll(() => layer.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    // Filters: by action, then by a user who did nothing.
    await layer.getByLabel('Filter by action').selectOption({ label: 'Create invite' });
    await expect.poll(() => entries.filter({ hasText: 'kicked' }).count()).toBe(0);
    await entries.filter({ hasText: 'created invite' }).first().waitFor();
    await layer.getByLabel('Filter by action').selectOption({ label: 'All actions' });
    await layer.getByLabel('Filter by user').selectOption({ label: displayName(bob) });
    await layer.getByText('No entries match these filters.').waitFor();
    expect(await entries.count()).toBe(0);
    await closeLayer(alice.page);
  }, 120_000);

  it('a moderator without VIEW_AUDIT_LOG does not see the tab; granting it shows it live', async () => {
    const { api: bobApi, userId: bobId } = await logInByApi(web, bob);
    const role = await owner.post<{ id: string }>(`/api/v1/guilds/${guildId}/roles`, {
      name: 'Mods',
      permissions: String(PERMISSIONS.KICK_MEMBERS),
    });
    expect(role.status).toBe(201);
    const assigned = await owner.patch(`/api/v1/guilds/${guildId}/members/${bobId}`, {
      roleIds: [role.body.id],
    });
    expect(assigned.status).toBe(200);

    const layer = await openServerSettings(bob.page, 'Members');
    expect(await layer.getByRole('tab', { name: 'Audit log', exact: true }).count()).toBe(0);
    // The server refuses him too.
    expect((await bobApi.get(`/api/v1/guilds/${guildId}/audit-log`)).status).toBe(403);

    const granted = await owner.patch(`/api/v1/guilds/${guildId}/roles/${role.body.id}`, {
      permissions: String(PERMISSIONS.KICK_MEMBERS | PERMISSIONS.VIEW_AUDIT_LOG),
    });
    expect(granted.status).toBe(200);
    await layer.getByRole('tab', { name: 'Audit log', exact: true }).click();
    await auditEntries(layer)
      .filter({ hasText: `${displayName(alice)} gave ${displayName(bob)} Mods` })
      .waitFor();
    await closeLayer(bob.page);
  }, 60_000);

  it('creates a webhook in the channel settings, shows its URL once, and its post appears live', async () => {
    const page = alice.page;
    await page.getByRole('button', { name: 'Edit channel general', exact: true }).click();
    const layer = page.getByRole('dialog', { name: /^Channel settings/ });
    await layer.getByRole('tab', { name: 'Webhooks', exact: true }).click();
    await layer.getByText('This channel has no webhooks.').waitFor();
    const hookName = `Deploys ${tag()}`;
    await layer.getByLabel('Webhook name').fill(hookName);
    await layer.getByRole('button', { name: 'Create webhook' }).click();
    const urlField = layer.getByRole('textbox', { name: `URL of webhook ${hookName}` });
    await expect.poll(() => urlField.inputValue()).toMatch(/\/api\/v1\/webhooks\/\d+\/\S+$/);
    const url = await urlField.inputValue();
    await layer.getByText('you will not see it again').waitFor();
    const listed = layer.getByRole('list', { name: 'Webhooks of #general' }).getByRole('listitem');
    await listed
      .filter({ hasText: hookName })
      .filter({ hasText: `created by ${displayName(alice)}` })
      .waitFor();
    await page.screenshot({ path: screenshotPath('web-channel-settings-webhooks.png') });
    await layer.getByRole('button', { name: 'I have copied it' }).click();
    expect(await layer.getByRole('textbox', { name: `URL of webhook ${hookName}` }).count()).toBe(0);
    await closeLayer(page);

    // Opened again: the webhook is listed, its URL is not shown any more.
    await page.getByRole('button', { name: 'Edit channel general', exact: true }).click();
    await layer.getByRole('tab', { name: 'Webhooks', exact: true }).click();
    await listed.filter({ hasText: hookName }).waitFor();
    expect(await layer.getByRole('textbox', { name: /^URL of webhook/ }).count()).toBe(0);
    await closeLayer(page);

    // A program posts with the URL (no account): the message shows in the channel under the webhook's name.
    const words = `build ${tag()} is green`;
    const posted = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: words }),
    });
    expect(posted.status).toBe(204);
    for (const person of [alice, bob]) {
      const message = person.page
        .getByRole('list', { name: /^Messages in/ })
        .getByRole('listitem')
        .filter({ hasText: words });
      await message.waitFor();
      await message.getByRole('button', { name: `${hookName} (bot)` }).waitFor();
    }

    // The server's Webhooks tab lists it with its channel; deleting it there revokes the URL.
    const serverLayer = await openServerSettings(page, 'Webhooks');
    const row = serverLayer
      .getByRole('list', { name: 'Webhooks of this server' })
      .getByRole('listitem')
      .filter({ hasText: hookName });
    await row.filter({ hasText: '#general' }).waitFor();
    await row.getByRole('button', { name: `Delete webhook ${hookName}` }).click();
    await page
      .getByRole('dialog', { name: `Delete webhook ${hookName}` })
      .getByRole('button', { name: 'Delete webhook' })
      .click();
    await serverLayer.getByText('This server has no webhooks.').waitFor();
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'too late' }),
    });
    expect(refused.status).toBe(404);

    // Both show up in the audit log.
    const audit = await openServerSettings(page, 'Audit log');
    const entries = auditEntries(audit);
    await entries
      .filter({ hasText: `${displayName(alice)} created webhook ${hookName} in #general` })
      .waitFor();
    await entries.filter({ hasText: `${displayName(alice)} deleted webhook ${hookName}` }).waitFor();
    await closeLayer(page);
  }, 120_000);
});
