import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from '../support/api';
import { launchChromium } from '../support/browser';
import { eventually } from '../support/eventually';
import { Stack } from '../support/stack';

/**
 * A machine without the C++ build tools has no mediasoup worker: the standalone platform still starts and
 * is ready, the API says voice is unavailable and why, and the web client shows voice channels as such
 * instead of trying to connect.
 */
describe('standalone without the mediasoup worker', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let api: Api;
  const voiceRequests: string[] = [];

  beforeAll(async () => {
    stack = await Stack.start({
      shape: 'standalone',
      services: ['auth', 'chat', 'presence', 'file', 'search', 'voice', 'gateway'],
      env: { MEDIASOUP_WORKER_BIN: '/nonexistent/mediasoup-worker' },
    });
    const owner = await registerUser(new Api(stack.gateway.url));
    api = new Api(stack.gateway.url).withToken(owner.accessToken);
    let guildId = '';
    await eventually(async () => {
      const created = await api.post<{ id: string }>('/api/v1/guilds', { name: 'Quiet camp' });
      expect(created.status).toBe(201);
      guildId = created.body.id;
    });
    expect(
      (await api.post(`/api/v1/guilds/${guildId}/channels`, { name: 'Lounge', type: 'voice' })).status,
    ).toBe(201);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('request', (request) => {
      if (request.url().includes('/voice/socket.io')) voiceRequests.push(request.url());
    });
    await page.goto(`${stack.gateway.url}/login`);
    await page.getByLabel('Email or username').fill(owner.user.username);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('region', { name: 'Your account' }).waitFor();
    await page.goto(`${stack.gateway.url}/channels/${guildId}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('is ready, and the API says voice is unavailable and how to build the worker', async () => {
    expect((await fetch(`${stack.gateway.url}/health/ready`)).status).toBe(200);
    const status = await api.get<{ available: boolean; message: string | null }>('/api/v1/voice/status');
    expect(status.status).toBe(200);
    expect(status.body.available).toBe(false);
    expect(status.body.message).toMatch(/install-worker\.mjs/);
  });

  it('shows the voice channel as unavailable and explains instead of connecting', async () => {
    const lounge = page.getByRole('button', { name: /Lounge.*unavailable/i });
    await lounge.waitFor();
    expect(await lounge.getAttribute('aria-disabled')).toBe('true');
    expect(await lounge.getAttribute('title')).toMatch(/install-worker\.mjs/);
    // aria-disabled keeps it focusable; a keyboard user activates it and learns why it is unavailable.
    await lounge.focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Could not join Lounge/).waitFor();
    expect(await page.locator('section[aria-label="Voice connection"]').count()).toBe(0);
    expect(voiceRequests).toEqual([]);
  });
});
