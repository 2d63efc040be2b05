import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import { type Person, registerThroughPage, useWebStack, type WebStack } from './web-stack';

const tag = () => randomBytes(3).toString('hex');

/**
 * The admin page in a real browser (issue 21 item 5): the stack's first account is the instance admin; it
 * suspends a user (whose open page is signed out at once), switches registration to invite only and hands
 * out a code the register screen asks for, then closes registration.
 */
describe('instance administration in a real browser', () => {
  let web: WebStack;
  let admin: Person;
  let bob: Person;
  const people: Person[] = [];

  useWebStack(
    'web-admin',
    () => people,
    (started) => (web = started),
  );

  it('the first account sees the admin page: statistics, users; suspending signs the user out', async () => {
    admin = await registerThroughPage(web, `root_${tag()}`);
    people.push(admin);
    bob = await registerThroughPage(web, `bob_${tag()}`);
    people.push(bob);
    await expect(bob.page.getByRole('button', { name: 'Instance administration' }).count()).resolves.toBe(0);

    const page = admin.page;
    await page.getByRole('button', { name: 'Instance administration' }).click();
    await page.getByRole('heading', { name: 'Instance administration' }).waitFor();
    const stats = page.getByRole('region', { name: 'Statistics' });
    await expect.poll(() => stats.textContent()).toContain('People');

    const users = page.getByRole('region', { name: 'Users' });
    await users.getByLabel('Username or email').fill(bob.username);
    await users.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => users.getByRole('table', { name: 'Users' }).textContent())
      .toContain(bob.username);
    await expect.poll(() => users.getByRole('row').count()).toBe(2);
    page.once('dialog', (dialog) => void dialog.accept('spam'));
    await users.getByRole('button', { name: `Suspend @${bob.username}` }).click();
    await users.getByRole('button', { name: `Unsuspend @${bob.username}` }).waitFor();
    await bob.page.getByRole('heading', { name: 'Welcome back!' }).waitFor();
    await page.screenshot({ path: artifactPath('web-admin-users.png'), fullPage: true });
  }, 120_000);

  it('invite only: the register screen asks for the code an admin made; closed: it says so', async () => {
    const page = admin.page;
    const registration = page.getByRole('region', { name: 'Registration' });
    await registration.getByLabel(/^Invite only/).check();
    await expect.poll(() => registration.textContent()).toContain('Registration mode saved.');

    const invites = page.getByRole('region', { name: 'Instance invites' });
    await invites.getByLabel('Uses (0: unlimited)').fill('1');
    await invites.getByRole('button', { name: 'Create invite' }).click();
    const code = (await invites
      .getByRole('table', { name: 'Instance invites' })
      .locator('code')
      .first()
      .textContent())!;
    expect(code).toMatch(/^[\w-]{16}$/);

    const { page: guest, context } = await web.newPage();
    const name = `carol_${tag()}`;
    await guest.goto(`${web.url}/register?invite=${code}`);
    await expect.poll(() => guest.getByLabel('Invite code').inputValue()).toBe(code);
    await guest.getByLabel('Email').fill(`${name}@example.test`);
    await guest.getByLabel('Username').fill(name);
    await guest.getByLabel('Password').fill('a long enough password');
    await guest.getByRole('button', { name: 'Create account' }).click();
    await guest.getByRole('region', { name: 'Your account' }).waitFor();
    await context.close();

    await registration.getByLabel(/^Closed/).check();
    await expect.poll(() => registration.getByLabel(/^Closed/).isChecked()).toBe(true);
    const { page: late, context: lateContext } = await web.newPage();
    await late.goto(`${web.url}/register`);
    await late.getByText('Registration is closed on this instance.').waitFor();
    expect(await late.getByRole('button', { name: 'Create account' }).isDisabled()).toBe(true);
    await late.screenshot({ path: artifactPath('web-admin-register-closed.png') });
    await lateContext.close();
  }, 120_000);
});
