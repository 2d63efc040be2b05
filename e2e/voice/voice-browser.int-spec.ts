import type { Server } from 'node:http';
import type { VoiceJoinResponse } from '@bonfire/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../support/browser';
import { Stack } from '../support/stack';
import { serveHarness, toneWav } from './harness/serve-harness';
import type { VoiceHarness } from './harness/voice-harness';
import { until } from '@bonfire/platform/testing';
import { person, type Person, voiceGuild } from './voice-fixture';

/**
 * Two Chromium pages (two users of one guild) join the same voice channel through the gateway and hear
 * each other through the SFU: real WebRTC (ICE, DTLS, SRTP) with Chromium's fake microphone. The harness
 * page (mediasoup-client + socket.io-client, bundled here with esbuild) is served from 127.0.0.1.
 */

const bytes = (page: Page) =>
  page.evaluate(() => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.bytesReceived());

/** Whether the page's received audio grows over `ms`. */
async function growth(page: Page, ms = 1_500): Promise<number> {
  const before = await bytes(page);
  await new Promise((done) => setTimeout(done, ms));
  return (await bytes(page)) - before;
}

describe('voice in the browser (two Chromium pages through the gateway and the SFU)', () => {
  let stack: Stack;
  let browser: Browser;
  let harness: { server: Server; url: string };
  let alice: Person;
  let bob: Person;
  let channelId: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    [stack, harness, browser] = await Promise.all([
      Stack.start({ services: ['auth', 'chat', 'voice', 'gateway'] }),
      serveHarness(),
      launchChromium({
        args: ['--allow-loopback-in-peer-connection', `--use-file-for-fake-audio-capture=${toneWav()}`],
      }),
    ]);
    [alice, bob] = [await person(stack), await person(stack)];
    ({ channelId } = await voiceGuild(alice, [bob]));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    harness?.server.close();
    await stack?.stop();
  });

  async function openVoice(who: Person): Promise<Page> {
    const joined = await who.api.post<VoiceJoinResponse>(`/api/v1/channels/${channelId}/voice`, {});
    expect(joined.status).toBe(200);
    const page = await browser.newPage();
    pages.push(page);
    await page.goto(harness.url);
    await page.waitForFunction(() => 'voiceHarness' in window);
    const started = page
      .evaluate(
        ([endpoint, token]) =>
          (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.start(endpoint!, token!),
        [joined.body.endpoint, joined.body.token],
      )
      .catch(async (error: unknown) => {
        const log = await page.evaluate(
          () => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.log,
        );
        throw new Error(
          `${String(error)}\npage: ${log.join(', ')}\nvoice: ${stack.service('voice').logs().slice(-3000)}`,
        );
      });
    await Promise.race([
      started,
      new Promise((_, reject) =>
        setTimeout(async () => {
          const log = await page.evaluate(
            () => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.log,
          );
          reject(
            new Error(
              `voice start hangs; page: ${log.join(', ')}; voice: ${stack.service('voice').logs().slice(-3000)}`,
            ),
          );
        }, 20_000),
      ),
    ]);
    return page;
  }

  const metric = async (name: string) => {
    const text = await (await fetch(`${stack.service('voice').url}/metrics`)).text();
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'm').exec(text);
    return Number(match?.[1] ?? NaN);
  };

  it('each page receives the other one audio; self-mute stops it; leaving frees the consumers', async () => {
    const alicePage = await openVoice(alice);
    const bobJoinedAt = Date.now();
    const bobPage = await openVoice(bob);
    const logs = async () =>
      JSON.stringify(
        await Promise.all(
          pages.map((p) =>
            p.evaluate(() => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.log),
          ),
        ),
      );

    // Both directions flow: inbound-rtp bytesReceived keeps growing on each side.
    await until(async () => (await bytes(alicePage)) > 0 && (await bytes(bobPage)) > 0, 20_000).catch(
      async (error) => {
        throw new Error(`${error}: ${await logs()}`);
      },
    );
    // A figure, not a pass/fail bound: Bob's join (REST through the gateway) → audio at both pages.
    process.stdout.write(`voice join → first audio bytes both ways: ${Date.now() - bobJoinedAt} ms\n`);
    expect(await growth(alicePage)).toBeGreaterThan(1_000);
    expect(await growth(bobPage)).toBeGreaterThan(1_000);
    expect(await metric('voice_consumers')).toBe(2);
    // The room's AudioLevelObserver hears both tones: each page is told the other one speaks.
    const events = (page: Page) =>
      page.evaluate(() => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.log);
    await until(async () => (await events(alicePage)).includes(`speaking ${bob.id} true`), 10_000).catch(
      async (error: unknown) => {
        throw new Error(`${String(error)}: ${(await events(alicePage)).join(', ')}`);
      },
    );
    await until(async () => (await events(bobPage)).includes(`speaking ${alice.id} true`), 10_000);
    await alicePage.screenshot({ path: artifactPath('voice-two-pages.png') });

    // Alice mutes herself: producer paused on her side and on the server, selfMute set through the gateway.
    await alicePage.evaluate(() => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.mute());
    expect((await alice.api.patch('/api/v1/users/@me/voice-state', { selfMute: true })).status).toBe(200);
    await new Promise((done) => setTimeout(done, 500));
    expect(await growth(bobPage)).toBe(0);
    expect(await growth(alicePage)).toBeGreaterThan(1_000); // Bob still talks
    await until(async () => (await events(bobPage)).includes(`speaking ${alice.id} false`), 10_000);

    // Bob leaves: his consumer and Alice's consumer of him are freed on the server.
    await bobPage.evaluate(() => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.leave());
    await until(async () => (await metric('voice_consumers')) === 0, 10_000);
    await until(
      async () =>
        (await alicePage.evaluate(() =>
          (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.consumerCount(),
        )) === 0,
    );
    expect(
      await alicePage.evaluate(() => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.log),
    ).toContain('event peer.left');
    await bobPage.screenshot({ path: artifactPath('voice-after-leave.png') });
  }, 90_000);
});
