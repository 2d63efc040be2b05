import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import { totpCode } from '../support/totp';
import { type Person, registerThroughPage, useWebStack, type WebStack } from './web-stack';

const tag = () => randomBytes(3).toString('hex');

async function openSecurity(page: Page) {
  await page.getByRole('button', { name: 'User settings' }).click();
  const section = page.getByRole('region', { name: 'Security' });
  await section.waitFor();
  return section;
}

async function logOut(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Log out' });
  if (!(await button.isVisible())) await page.getByRole('button', { name: 'User settings' }).click();
  await button.click();
  await page.getByRole('heading', { name: 'Welcome back!' }).waitFor();
  // A fresh page load, as after closing the tab: signing in again within the same page load is not
  // what these tests are about.
  await page.reload();
  await page.getByRole('heading', { name: 'Welcome back!' }).waitFor();
}

async function enterPassword(page: Page, person: Person): Promise<void> {
  await page.getByLabel('Email or username').fill(person.username);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('two-factor authentication in a real browser', () => {
  let web: WebStack;
  let alice: Person;
  let secret = '';
  let recoveryCodes: string[] = [];

  useWebStack(
    'web-two-factor',
    () => [alice].filter(Boolean),
    (started) => (web = started),
  );

  it('turns two-factor on in settings: QR code and key, a code from the app, recovery codes once', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    const page = alice.page;
    const security = await openSecurity(page);
    await expect.poll(() => security.textContent()).toContain('Two-factor authentication is off');
    await security.getByLabel('Password (to turn two-factor on)').fill(alice.password);
    await security.getByRole('button', { name: 'Enable two-factor authentication' }).click();

    const qr = security.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(
      true,
    );
    secret = (await security.getByLabel('Secret key').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    await security.getByLabel('Code from the app').fill(totpCode(secret));
    await security.getByRole('button', { name: 'Confirm and turn on' }).click();

    const list = security.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      security.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bonfire-recovery-codes.txt');
    const saved = artifactPath('web-two-factor-recovery-codes.txt');
    await download.saveAs(saved);
    await page.screenshot({ path: artifactPath('web-two-factor-settings.png') });
    await security.getByRole('button', { name: 'I saved them' }).click();
    expect(await list.count()).toBe(0); // shown once
    await expect.poll(() => security.textContent()).toContain('Two-factor authentication is on');
  }, 120_000);

  it('asks for the code at sign-in; a wrong one is refused, the app’s code signs in', async () => {
    const page = alice.page;
    await logOut(page);
    await enterPassword(page, alice);
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.screenshot({ path: artifactPath('web-two-factor-login.png') });
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /code is wrong/i })
      .waitFor();
    // The next step's code: the one of enrolment's step was used already.
    await page.getByLabel('Authentication code').fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('region', { name: 'Your account' }).waitFor();
  }, 60_000);

  it('signs in with a recovery code instead', async () => {
    const page = alice.page;
    await logOut(page);
    await enterPassword(page, alice);
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('region', { name: 'Your account' }).waitFor();
  }, 60_000);

  it('turns two-factor off with a code; sign-in asks only for the password again', async () => {
    const page = alice.page;
    const security = await openSecurity(page);
    await expect.poll(() => security.textContent()).toContain('9 recovery codes left');
    await security.getByLabel('Authentication code or recovery code').fill(recoveryCodes[1]!);
    await security.getByRole('button', { name: 'Disable two-factor authentication' }).click();
    await security.getByRole('status').filter({ hasText: 'Two-factor authentication is off.' }).waitFor();
    await logOut(page);
    await enterPassword(page, alice);
    await page.getByRole('region', { name: 'Your account' }).waitFor();
  }, 60_000);
});
