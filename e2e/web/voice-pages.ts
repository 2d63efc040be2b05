import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Api, registerUser } from '../support/api';
import type { WebStack } from './web-stack';

/** What the voice and video browser tests share: people registered by API, logged in through the page. */
export interface Member {
  username: string;
  password: string;
  api: Api;
}

export async function registerMember(web: WebStack): Promise<Member> {
  const api = new Api(web.url);
  const registered = await registerUser(api);
  return {
    username: registered.user.username,
    password: registered.password,
    api: api.withToken(registered.accessToken),
  };
}

/** Logs in through the login screen, then opens `path`; the page with its recorded frames and errors. */
export async function logInAt(
  web: WebStack,
  who: Member,
  path: string,
): Promise<{ page: Page; frames: string[]; errors: string[] }> {
  const opened = await web.newPage();
  const { page } = opened;
  await page.goto(`${web.url}/login`);
  await page.getByLabel('Email or username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('region', { name: 'Your account' }).waitFor();
  await page.goto(`${web.url}${path}`);
  await page.getByRole('region', { name: 'Your account' }).waitFor();
  return opened;
}

/**
 * A WAV file the fake microphone plays in a loop: a 220 Hz tone swelling and fading four times a second,
 * loud enough and unsteady enough to count as speech (Chromium's default fake device only beeps briefly
 * once a second, which averages out to silence over the SFU's speaking interval).
 */
export function speechLikeWav(): string {
  const rate = 48_000;
  const samples = rate * 2;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
    data.writeInt16LE(Math.round(Math.sin(2 * Math.PI * 220 * t) * envelope * 0.8 * 32767), i * 2);
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
  const path = join(tmpdir(), `bonfire-web-speech-${process.pid}.wav`);
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}
