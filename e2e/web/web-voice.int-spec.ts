import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from '../support/api';
import { artifactPath } from '../support/browser';
import { eventually } from '../support/eventually';
import { WebStack } from './web-stack';

interface Member {
  username: string;
  password: string;
  api: Api;
}

async function member(web: WebStack): Promise<Member> {
  const api = new Api(web.url);
  const registered = await registerUser(api);
  return {
    username: registered.user.username,
    password: registered.password,
    api: api.withToken(registered.accessToken),
  };
}

const frames: string[][] = [];

/**
 * A WAV file the fake microphone plays in a loop: a 220 Hz tone swelling and fading four times a second,
 * loud enough and unsteady enough to count as speech (Chromium's default fake device only beeps briefly
 * once a second, which averages out to silence over the SFU's speaking interval).
 */
function speechLikeWav(): string {
  const rate = 48_000;
  const seconds = 2;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
    const value = Math.sin(2 * Math.PI * 220 * t) * envelope * 0.8;
    data.writeInt16LE(Math.round(value * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const path = join(tmpdir(), `bonfire-web-voice-${process.pid}.wav`);
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}

async function logIn(web: WebStack, who: Member, path: string): Promise<Page> {
  const { page, frames: pageFrames } = await web.newPage();
  frames.push(pageFrames);
  await page.goto(`${web.url}/login`);
  await page.getByLabel('Email or username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('region', { name: 'Your account' }).waitFor();
  await page.goto(`${web.url}${path}`);
  await page.getByRole('region', { name: 'Your account' }).waitFor();
  return page;
}

describe('voice in the web client (built services incl. voice; fake microphones beep)', () => {
  let web: WebStack;
  let alice: Member;
  let bob: Member;
  let guildPath: string;

  beforeAll(async () => {
    web = await WebStack.start({
      voice: true,
      browserArgs: [`--use-file-for-fake-audio-capture=${speechLikeWav()}`],
    });
    [alice, bob] = await Promise.all([member(web), member(web)]);
    let guildId = '';
    // Chat learns new users from auth's events: retry until it knows them.
    await eventually(async () => {
      const created = await alice.api.post<{ id: string }>('/api/v1/guilds', { name: 'Voice camp' });
      expect(created.status).toBe(201);
      guildId = created.body.id;
    }, 30_000);
    const lounge = await alice.api.post<{ id: string }>(`/api/v1/guilds/${guildId}/channels`, {
      name: 'Lounge',
      type: 'voice',
    });
    expect(lounge.status).toBe(201);
    const invite = await alice.api.post<{ code: string }>(`/api/v1/guilds/${guildId}/invites`, {});
    await eventually(async () => {
      expect((await bob.api.post(`/api/v1/invites/${invite.body.code}`)).status).toBeLessThan(300);
    }, 30_000);
    guildPath = `/channels/${guildId}`;
  }, 180_000);

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    frames.forEach((list, index) =>
      writeFileSync(artifactPath(`web-voice-failure-${index}.frames.txt`), list.join('\n')),
    );
    writeFileSync(artifactPath('web-voice-failure-voice.log'), web.stack.service('voice').logs());
  });

  afterAll(async () => {
    await web?.stop();
  });

  it('joins a voice channel, shows who is speaking, mutes and leaves', async () => {
    const [alicePage, bobPage] = await Promise.all([
      logIn(web, alice, guildPath),
      logIn(web, bob, guildPath),
    ]);

    for (const page of [alicePage, bobPage]) {
      await page.getByRole('button', { name: /^Lounge, voice channel/ }).click();
      await page
        .getByRole('region', { name: 'Voice connection' })
        .getByText('Voice connected')
        .waitFor({ timeout: 30_000 });
    }

    // Both see both in the channel, and the beeping fake microphone makes them speak.
    const inLounge = (page: Page) => page.getByRole('list', { name: 'In Lounge' });
    for (const page of [alicePage, bobPage]) {
      await eventually(async () => {
        expect(await inLounge(page).getByRole('listitem').count()).toBe(2);
      }, 20_000);
    }
    const bobSpeakingOnAlicesScreen = inLounge(alicePage)
      .getByRole('listitem')
      .filter({ hasText: bob.username })
      .filter({ hasText: 'speaking' });
    await bobSpeakingOnAlicesScreen.waitFor({ timeout: 30_000 });
    await alicePage.screenshot({ path: artifactPath('web-voice.png') });

    // Muting shows on the button and, through the voice state, on the other screen.
    const mute = alicePage.getByRole('button', { name: 'Mute' });
    await mute.click();
    await alicePage.getByRole('button', { name: 'Unmute', pressed: true }).waitFor();
    await inLounge(bobPage)
      .getByRole('listitem')
      .filter({ hasText: alice.username })
      .getByRole('img', { name: 'muted' })
      .waitFor({ timeout: 15_000 });

    await alicePage.getByRole('button', { name: 'Deafen' }).click();
    await alicePage.getByRole('button', { name: 'Undeafen', pressed: true }).waitFor();

    await bobPage.getByRole('button', { name: 'Leave voice' }).click();
    await eventually(async () => {
      expect(await inLounge(alicePage).getByRole('listitem').count()).toBe(1);
    }, 20_000);
    expect(await bobPage.getByRole('region', { name: 'Voice connection' }).count()).toBe(0);
  }, 180_000);
});
