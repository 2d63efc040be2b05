import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linkToken, mailpit, waitForMail } from '../support/mail';
import { type Person, registerThroughPage, useWebStack, type WebStack } from './web-stack';

const tag = () => randomBytes(3).toString('hex');

/**
 * The mailed-link screens in Chromium: the verification link from the registration mail, "Forgot your
 * password?" through to signing in with the new password, and the email section of user settings. The
 * links are read from the mail Mailpit received.
 */
describe('mailed links in the web client', () => {
  let web: WebStack;
  const people: Person[] = [];
  useWebStack(
    'web-account-email',
    () => people,
    (started) => (web = started),
  );
  // Distributed shape only (not in STANDALONE_E2E): e2e/auth/account-email covers the mail folder.
  const mailbox = () => mailpit();

  it('confirms the address from the mailed link and shows it in settings', async () => {
    const ann = await registerThroughPage(web, `ann_${tag()}`);
    people.push(ann);
    const email = `${ann.username}@example.test`;
    const { page } = ann;
    await page.getByRole('button', { name: 'User settings' }).click();
    const section = page.getByRole('region', { name: 'Email' });
    await expect.poll(() => section.textContent()).toContain('(not confirmed yet)');

    const token = linkToken(
      await waitForMail(mailbox(), email, 'Confirm your email address'),
      '/verify-email',
    );
    await page.goto(`${web.url}/verify-email?token=${token}`);
    await page.getByText('Your email address is confirmed. Thank you!').waitFor();
    await page.getByRole('link', { name: 'Continue to Bonfire' }).click();
    await page.getByRole('button', { name: 'User settings' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Email' }).textContent())
      .toContain('(confirmed)');

    // Changing the address: a link to the new one; the address changes once it is opened.
    const newEmail = `new-${email}`;
    const emailSection = page.getByRole('region', { name: 'Email' });
    await emailSection.getByLabel('New email').fill(newEmail);
    await emailSection.getByLabel('Your password').fill(ann.password);
    await emailSection.getByRole('button', { name: 'Change email' }).click();
    await emailSection.getByText(`We mailed a link to ${newEmail}`).waitFor();
    const change = linkToken(
      await waitForMail(mailbox(), newEmail, 'Confirm your new email address'),
      '/confirm-email',
    );
    await page.goto(`${web.url}/confirm-email?token=${change}`);
    await page.getByText('Your account now uses this email address.').waitFor();
    await page.getByRole('link', { name: 'Continue to Bonfire' }).click();
    await page.getByRole('button', { name: 'User settings' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Email' }).textContent()).toContain(newEmail);

    // A used link says so, and offers a new one.
    await page.goto(`${web.url}/verify-email?token=${token}`);
    await page.getByText('This link is invalid, already used or expired.').waitFor();
    await page.getByRole('button', { name: 'Send a new link' }).waitFor();
  });

  it('resets a forgotten password from the login screen', async () => {
    const ben = await registerThroughPage(web, `ben_${tag()}`);
    people.push(ben);
    const email = `${ben.username}@example.test`;
    const { page: other } = await web.newPage();
    await other.goto(`${web.url}/login`);
    await other.getByRole('link', { name: 'Forgot your password?' }).click();
    await other.getByLabel('Email').fill(email);
    await other.getByRole('button', { name: 'Send me a link' }).click();
    await other.getByText(/If an account uses that address/).waitFor();

    const token = linkToken(await waitForMail(mailbox(), email, 'Reset your password'), '/reset-password');
    await other.goto(`${web.url}/reset-password?token=${token}`);
    const password = `new-${randomBytes(6).toString('hex')}`;
    await other.getByLabel('New password', { exact: true }).fill(password);
    await other.getByLabel('Confirm new password').fill(password);
    await other.getByRole('button', { name: 'Set password' }).click();
    await other.getByText(/Your password is changed/).waitFor();

    // Ben's first browser was signed out by the reset.
    await ben.page.getByRole('heading', { name: 'Welcome back!' }).waitFor({ timeout: 20_000 });
    await other.getByRole('link', { name: 'Go to log in' }).click();
    await other.getByLabel('Email or username').fill(ben.username);
    await other.getByLabel('Password').fill(password);
    await other.getByRole('button', { name: 'Log in' }).click();
    await other.getByRole('region', { name: 'Your account' }).waitFor();
  });
});
