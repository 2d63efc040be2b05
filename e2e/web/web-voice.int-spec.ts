import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import { eventually } from '../support/eventually';
import { logInAt, type Member, registerMember, speechLikeWav } from './voice-pages';
import { WebStack } from './web-stack';

const frames: string[][] = [];

async function logIn(web: WebStack, who: Member, path: string): Promise<Page> {
  const { page, frames: pageFrames } = await logInAt(web, who, path);
  frames.push(pageFrames);
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
    [alice, bob] = await Promise.all([registerMember(web), registerMember(web)]);
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
