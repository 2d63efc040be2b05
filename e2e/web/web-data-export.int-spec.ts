import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import { type Person, registerThroughPage, useWebStack, type WebStack } from './web-stack';

const tag = () => randomBytes(3).toString('hex');

describe('data export in a real browser', () => {
  let web: WebStack;
  let alice: Person;

  useWebStack(
    'web-data-export',
    () => [alice].filter(Boolean),
    (started) => (web = started),
  );

  it('requests an export in settings, sees it become ready with its expiry, and downloads the ZIP', async () => {
    alice = await registerThroughPage(web, `alice_${tag()}`);
    const page = alice.page;
    await page.getByRole('button', { name: 'User settings' }).click();
    const section = page.getByRole('region', { name: 'Export my data' });
    await section.waitFor();
    const request = section.getByRole('button', { name: 'Request an export' });
    await expect.poll(() => request.isEnabled()).toBe(true);
    await request.click();

    const download = section.getByRole('button', { name: /^Download the archive/ });
    await download.waitFor({ timeout: 60_000 });
    await expect.poll(() => section.textContent()).toContain('available until');
    // One export a day: asking again is refused, and the page says so.
    await request.click();
    await section.getByRole('alert').waitFor();
    expect(await section.getByRole('alert').textContent()).toMatch(/one export every/i);

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^bonfire-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const saved = artifactPath('web-data-export.zip');
    await file.saveAs(saved);
    expect(execFileSync('unzip', ['-tq', saved]).toString()).toContain('No errors detected');
    expect(execFileSync('unzip', ['-Z1', saved]).toString()).toContain('profile.json');
    await page.screenshot({ path: artifactPath('web-data-export-settings.png') });
  }, 120_000);
});
