import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { artifactPath } from '../support/browser';
import { type Person, registerThroughPage, useWebStack, type WebStack } from './web-stack';

const tag = () => randomBytes(3).toString('hex');

describe('account deletion in a real browser', () => {
  let web: WebStack;
  let alice: Person;

  useWebStack(
    'web-account-deletion',
    () => [alice].filter(Boolean),
    (started) => (web = started),
  );

  it('deletes the account from the danger zone with the password, then says goodbye', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    const page = alice.page;
    await page.getByRole('button', { name: 'User settings' }).click();
    const danger = page.getByRole('region', { name: 'Danger zone' });
    await danger.waitFor();
    await danger.getByRole('button', { name: 'Delete account' }).click();

    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByLabel('Password').fill('not my password');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByLabel('Password').fill(alice.password);
    await page.screenshot({ path: artifactPath('web-account-deletion-confirm.png') });
    await dialog.getByRole('button', { name: 'Delete my account' }).click();

    await page.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
    await page.screenshot({ path: artifactPath('web-account-deletion-goodbye.png') });
    await page.getByRole('button', { name: 'Back to the start page' }).click();
    await page.getByRole('heading', { name: 'Welcome back!' }).waitFor();

    const login = await new Api(web.url).post('/api/v1/auth/login', {
      login: alice.username,
      password: alice.password,
    });
    expect(login.status).toBe(401);
  }, 120_000);
});
