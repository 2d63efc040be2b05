import { writeFileSync } from 'node:fs';
import { PERMISSIONS } from '@bonfire/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, screenshotPath } from '../support/browser';
import { eventually } from '../support/eventually';
import { logInAt, type Member, registerMember, speechLikeWav } from './voice-pages';
import { WebStack } from './web-stack';

const frames: string[][] = [];

const errors: string[][] = [];

async function logIn(web: WebStack, who: Member, path: string): Promise<Page> {
  const { page, frames: pageFrames, errors: pageErrors } = await logInAt(web, who, path);
  frames.push(pageFrames);
  errors.push(pageErrors);
  return page;
}

/**
 * Frames decoded so far by the video elements `selector` matches (the sum; -1 when none is there).
 * getVideoPlaybackQuality counts what the decoder produced for the element: it only grows while real
 * frames arrive over WebRTC.
 */
async function decodedFrames(page: Page, selector: string): Promise<number> {
  return page.evaluate((css) => {
    const videos = Array.from(document.querySelectorAll<HTMLVideoElement>(css));
    if (videos.length === 0) return -1;
    return videos.reduce((sum, video) => sum + video.getVideoPlaybackQuality().totalVideoFrames, 0);
  }, selector);
}

/** Waits until the videos of `selector` show at least 20 newly decoded frames. */
async function expectFramesGrow(page: Page, selector: string): Promise<void> {
  let first = -1;
  await eventually(async () => {
    first = await decodedFrames(page, selector);
    expect(first).toBeGreaterThan(0);
  }, 30_000);
  await eventually(async () => {
    expect(await decodedFrames(page, selector)).toBeGreaterThan(first + 20);
  }, 30_000);
}

const REMOTE_CAMERA = '.stage-tile.person video[data-remote]';
const REMOTE_SCREEN = '.stage-tile.screen video[data-remote]';

describe('video and screen share in the web client (built services incl. voice; fake camera and screen)', () => {
  let web: WebStack;
  let alice: Member;
  let bob: Member;
  let guildPath: string;

  beforeAll(async () => {
    web = await WebStack.start({
      voice: true,
      // The fake screen capture is picked without a dialog.
      browserArgs: [
        '--auto-select-desktop-capture-source=Entire screen',
        '--enable-usermedia-screen-capturing',
        `--use-file-for-fake-audio-capture=${speechLikeWav()}`,
      ],
    });
    [alice, bob] = await Promise.all([registerMember(web), registerMember(web)]);
    let guildId = '';
    // Chat learns new users from auth's events: retry until it knows them.
    await eventually(async () => {
      const created = await alice.api.post<{ id: string }>('/api/v1/guilds', { name: 'Video camp' });
      expect(created.status).toBe(201);
      guildId = created.body.id;
    }, 30_000);
    const studio = await alice.api.post(`/api/v1/guilds/${guildId}/channels`, {
      name: 'Studio',
      type: 'voice',
    });
    expect(studio.status).toBe(201);
    // Everyone may talk here but not stream.
    const quiet = await alice.api.post(`/api/v1/guilds/${guildId}/channels`, {
      name: 'Quiet room',
      type: 'voice',
      permissionOverwrites: [{ id: guildId, type: 'role', deny: PERMISSIONS.STREAM.toString() }],
    });
    expect(quiet.status).toBe(201);
    const invite = await alice.api.post<{ code: string }>(`/api/v1/guilds/${guildId}/invites`, {});
    await eventually(async () => {
      expect((await bob.api.post(`/api/v1/invites/${invite.body.code}`)).status).toBeLessThan(300);
    }, 30_000);
    guildPath = `/channels/${guildId}`;
  }, 180_000);

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    frames.forEach((list, index) =>
      writeFileSync(artifactPath(`web-video-failure-${index}.frames.txt`), list.join('\n')),
    );
    errors.forEach((list, index) =>
      writeFileSync(artifactPath(`web-video-failure-${index}.errors.txt`), list.join('\n')),
    );
    writeFileSync(artifactPath('web-video-failure-voice.log'), web.stack.service('voice').logs());
  });

  afterAll(async () => {
    await web?.stop();
  });

  it('both cameras reach the other page and decode; a screen share is received and focused; moderation and STREAM', async () => {
    const [alicePage, bobPage] = await Promise.all([
      logIn(web, alice, guildPath),
      logIn(web, bob, guildPath),
    ]);

    for (const page of [alicePage, bobPage]) {
      await page.getByRole('button', { name: /^Studio, voice channel/ }).click();
      await page
        .getByRole('region', { name: 'Voice connection' })
        .getByText('Voice connected')
        .waitFor({ timeout: 30_000 });
      // Joining opens the stage: one tile per person once both are in.
      await page.getByRole('main', { name: 'Voice stage' }).waitFor();
    }
    for (const page of [alicePage, bobPage]) {
      await eventually(async () => {
        expect(await page.locator('.stage-tile.person').count()).toBe(2);
      }, 20_000);
    }

    // The speaking ring: the other person's tile is marked speaking (their fake microphone talks).
    for (const page of [alicePage, bobPage]) {
      await page
        .locator('.stage-tile.person[data-speaking="true"]')
        .filter({ hasNot: page.getByText('(you)') })
        .first()
        .waitFor({ timeout: 30_000 });
    }

    // Each turns the camera on; each page decodes the other's camera.
    for (const page of [alicePage, bobPage]) {
      await page.getByRole('button', { name: 'Turn on camera' }).click();
      await page.getByRole('button', { name: 'Turn off camera', pressed: true }).waitFor({ timeout: 15_000 });
    }
    await Promise.all([expectFramesGrow(alicePage, REMOTE_CAMERA), expectFramesGrow(bobPage, REMOTE_CAMERA)]);
    expect(await alicePage.locator(REMOTE_CAMERA).count()).toBe(1);
    expect(await bobPage.locator(REMOTE_CAMERA).count()).toBe(1);

    // Alice shares her screen: Bob receives it, decodes it, and the stage focuses it.
    await alicePage.getByRole('button', { name: 'Share your screen' }).click();
    await alicePage
      .getByRole('button', { name: 'Stop sharing your screen', pressed: true })
      .waitFor({ timeout: 15_000 });
    await expectFramesGrow(bobPage, REMOTE_SCREEN);
    await bobPage.locator('.stage-focus .stage-tile.screen.focused').waitFor({ timeout: 15_000 });
    // The camera keeps decoding beside the shared screen (separate producers).
    await expectFramesGrow(bobPage, REMOTE_CAMERA);
    await bobPage.screenshot({ path: screenshotPath('web-video.png') });

    // Back to the grid on Bob's page: the screen is one tile among the others.
    await bobPage.getByRole('button', { name: /^Leave focus on/ }).click();
    await bobPage.locator('.stage-grid .stage-tile.screen').waitFor();
    expect(await bobPage.locator('.stage-tile').count()).toBe(3);

    // Alice stops sharing: the screen tile goes away on Bob's page.
    await alicePage.getByRole('button', { name: 'Stop sharing your screen' }).click();
    await eventually(async () => {
      expect(await bobPage.locator('.stage-tile.screen').count()).toBe(0);
    }, 15_000);

    // Alice (the owner) server-mutes Bob from his tile's voice menu; both pages show it.
    const stage = (page: Page) => page.getByRole('main', { name: 'Voice stage' });
    await stage(alicePage)
      .getByRole('button', { name: /^Voice options for / })
      .click();
    await alicePage.getByRole('menuitem', { name: 'Server mute' }).click();
    for (const page of [alicePage, bobPage]) {
      await page.getByRole('img', { name: 'server muted' }).first().waitFor({ timeout: 15_000 });
    }
    // The same menu on Bob's entry under the channel in the sidebar: server deafen.
    const inStudio = (page: Page) => page.getByRole('list', { name: 'In Studio' });
    await inStudio(alicePage)
      .getByRole('listitem')
      .filter({ hasText: bob.username })
      .getByRole('button', { name: /^Voice options for / })
      .click();
    await alicePage.getByRole('menuitem', { name: 'Server deafen' }).click();
    for (const page of [alicePage, bobPage]) {
      await page.getByRole('img', { name: 'server deafened' }).first().waitFor({ timeout: 15_000 });
    }
    // Bob is no moderator: no voice menu on his page.
    expect(await bobPage.getByRole('button', { name: /^Voice options for / }).count()).toBe(0);

    // In a channel without STREAM, Bob's camera stops and the controls are disabled.
    await bobPage.getByRole('button', { name: /^Quiet room, voice channel/ }).click();
    await bobPage
      .getByRole('region', { name: 'Voice connection' })
      .getByText('Quiet room')
      .waitFor({ timeout: 15_000 });
    await bobPage
      .getByRole('button', { name: 'Turn on camera', disabled: true })
      .waitFor({ timeout: 30_000 });
    expect(await bobPage.getByRole('button', { name: 'Share your screen', disabled: true }).count()).toBe(1);
    // Alice no longer receives a camera from Bob.
    await eventually(async () => {
      expect(await alicePage.locator(REMOTE_CAMERA).count()).toBe(0);
    }, 15_000);
  }, 240_000);
});
