import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { type Person, registerThroughPage, WebStack } from './web-stack';

/**
 * An automated accessibility check (axe-core, WCAG 2.1 A/AA rules) of the web client's main screens in
 * Debian Chromium: no serious or critical violation. Lesser findings are printed, not failed.
 */

const AXE_SCRIPT = createRequire(__filename).resolve('axe-core/axe.min.js');
const tag = () => randomBytes(3).toString('hex');
/** The client's CSP allows no inline script; the audit injects axe, so its pages bypass the CSP. */
const AUDITED = { bypassCSP: true };

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe's violations on the page as it is now. */
async function audit(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.slice(0, 5).map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
}

const findings: string[] = [];

/** Audits the screen: serious and critical violations fail the test, the others are reported. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await audit(page);
  for (const violation of violations) {
    findings.push(
      `${screen}: ${violation.impact} ${violation.id} (${violation.nodes.length} node(s)) ${violation.help}`,
    );
  }
  const blocking = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    blocking.map((violation) => ({
      screen,
      rule: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    })),
  ).toEqual([]);
}

describe('accessibility of the main screens (axe-core)', () => {
  let web: WebStack;
  let alice: Person;
  let bob: Person;

  beforeAll(async () => {
    web = await WebStack.start();
  }, 120_000);

  afterAll(async () => {
    if (findings.length > 0)
      process.stderr.write(`axe findings (not blocking):\n  ${findings.join('\n  ')}\n`);
    await web?.stop();
  });

  it('sign-in and registration screens', async () => {
    const { page, context } = await web.newPage(AUDITED);
    await page.goto(`${web.url}/login`);
    await page.getByRole('button', { name: /sign in|log in/i }).waitFor();
    await expectAccessible(page, 'login');
    await page.goto(`${web.url}/register`);
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    await expectAccessible(page, 'register');
    await context.close();
  });

  it('a server with messages, the member list and the emoji picker', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`, AUDITED);
    bob = await registerThroughPage(web, `bob_${tag()}`, AUDITED);
    const page = alice.page;
    await expectAccessible(page, 'home (no server yet)');
    await page.getByRole('button', { name: 'Create a server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a server' });
    await dialog.getByLabel('Server name').fill(`Campfire ${tag()}`);
    await expectAccessible(page, 'create-server dialog');
    await eventually(async () => {
      if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('heading', { name: /# general/i }).waitFor({ timeout: 2_000 });
    }, 15_000);
    await page.getByRole('button', { name: 'Invite people' }).click();
    const link = page.getByRole('dialog', { name: 'Invite friends' }).getByLabel('Invite link');
    await expect.poll(() => link.inputValue()).toMatch(/\/invite\/\S+$/);
    await expectAccessible(page, 'invite dialog');
    const inviteUrl = await link.inputValue();
    await page.getByRole('button', { name: 'Done' }).click();
    await bob.page.goto(inviteUrl);
    await expectAccessible(bob.page, 'invite page');
    await bob.page.getByRole('button', { name: 'Accept invite' }).click();
    await bob.page.getByRole('heading', { name: /# general/i }).waitFor();

    const composer = page.getByRole('textbox', { name: /^Message / });
    for (const text of ['Hello **there**', '> a quote\n\n- a list\n- of two', '```ts\nconst a = 1;\n```']) {
      await composer.fill(text);
      await composer.press('Enter');
    }
    await bob.page.getByText('const a = 1;').first().waitFor();
    await expectAccessible(bob.page, 'channel with messages');

    const message = bob.page.getByRole('listitem').filter({ hasText: 'Hello' }).first();
    await message.hover();
    await message.getByRole('button', { name: 'Add reaction' }).click();
    await bob.page.getByRole('dialog', { name: 'Pick a reaction' }).waitFor();
    await expectAccessible(bob.page, 'emoji picker');
    await bob.page.keyboard.press('Escape');

    // A thread from a message: the create dialog, the thread panel beside the channel, the thread list.
    const starter = page.getByRole('listitem').filter({ hasText: 'Hello' }).first();
    await starter.hover();
    await starter.getByRole('button', { name: 'Create thread' }).click();
    await page.getByRole('dialog', { name: 'Create thread' }).waitFor();
    await expectAccessible(page, 'create-thread dialog');
    await page
      .getByRole('dialog', { name: 'Create thread' })
      .getByRole('button', { name: 'Create thread' })
      .click();
    const panel = page.getByRole('complementary', { name: /Hello/ });
    await panel.getByRole('textbox', { name: /^Message / }).fill('In the thread');
    await panel.getByRole('textbox', { name: /^Message / }).press('Enter');
    await panel.locator('.content', { hasText: 'In the thread' }).waitFor();
    await starter.getByRole('button', { name: /1 reply/ }).waitFor();
    await expectAccessible(page, 'thread panel');
    await page.getByRole('button', { name: 'Threads', exact: true }).click();
    await page.getByRole('list', { name: 'Active threads' }).waitFor();
    await expectAccessible(page, 'thread list');
    await page.getByRole('button', { name: 'Close threads' }).click();
  }, 120_000);

  it('server settings, channel settings and user settings', async () => {
    const page = alice.page;
    await page.getByRole('button', { name: 'Server settings', exact: true }).click();
    const layer = page.getByRole('dialog', { name: /^Server settings/ });
    for (const tab of ['Overview', 'Roles', 'Members', 'Invites', 'Emoji', 'Webhooks', 'Audit log']) {
      await layer.getByRole('tab', { name: tab, exact: true }).click();
      await expectAccessible(page, `server settings: ${tab}`);
    }
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Edit channel general', exact: true }).click();
    const channelLayer = page.getByRole('dialog', { name: /^Channel settings/ });
    await channelLayer.waitFor();
    await expectAccessible(page, 'channel settings');
    await channelLayer.getByRole('tab', { name: 'Webhooks', exact: true }).click();
    await channelLayer.getByLabel('Webhook name').fill('Deploys');
    await channelLayer.getByRole('button', { name: 'Create webhook' }).click();
    await channelLayer.getByRole('textbox', { name: 'URL of webhook Deploys' }).waitFor();
    await expectAccessible(page, 'channel settings: Webhooks (a new webhook)');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'User settings' }).click();
    await page.getByLabel('Custom status').waitFor();
    await expectAccessible(page, 'user settings');
  }, 120_000);

  it('developer settings (an application, its token) and the authorise page', async () => {
    const page = alice.page;
    const developer = page.getByRole('region', { name: 'Developer' });
    if (!(await developer.isVisible())) await page.getByRole('button', { name: 'User settings' }).click();
    const appName = `Helper ${tag()}`;
    await developer.getByLabel('Application name').fill(appName);
    await developer.getByRole('button', { name: 'Create application' }).click();
    const panel = developer.getByRole('region', { name: appName });
    await panel.getByRole('button', { name: 'Reset token' }).click();
    await panel.getByRole('textbox', { name: `Token of ${appName}` }).waitFor();
    await panel.getByRole('checkbox', { name: 'Send messages', exact: true }).check();
    await expectAccessible(page, 'user settings: Developer (an application and its token)');
    const link = await panel.getByRole('textbox', { name: 'Invite link' }).inputValue();
    await page.goto(link);
    await page.getByRole('heading', { name: `Add ${appName} to a server` }).waitFor();
    await page.getByRole('list', { name: 'It asks for these permissions' }).waitFor();
    await expectAccessible(page, 'authorise page');
  }, 120_000);
});
