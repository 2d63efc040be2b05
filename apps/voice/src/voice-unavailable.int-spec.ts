import { randomBytes } from 'node:crypto';
import { PERMISSIONS, type VoiceJoinResponse, type VoiceStatus } from '@bonfire/contracts';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChat } from './testing/fake-chat';
import { SignalingClient, VoiceTestApp } from './testing/voice-test-app';

const MEMBER = PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.CONNECT | PERMISSIONS.SPEAK;

describe('a voice node without the mediasoup worker binary among nodes sharing Redis', () => {
  let chat: FakeChat;
  let bare: VoiceTestApp;
  let media: VoiceTestApp | undefined;
  const clients: SignalingClient[] = [];
  const prefix = `voice-test-bare-${randomBytes(4).toString('hex')}`;
  const [alice, bob] = ['4001', '4002'];
  const channelId = String(BigInt(Date.now()) * 4_194_304n);

  beforeAll(async () => {
    chat = await FakeChat.start(process.env['INTERNAL_IDENTITY_SECRET']!);
    chat.channels.set(channelId, {
      guildId: '5001',
      type: 'voice',
      userLimit: null,
      permissions: new Map([
        [alice, MEMBER],
        [bob, MEMBER],
      ]),
    });
    bare = await VoiceTestApp.start(
      {
        VOICE_KEY_PREFIX: prefix,
        VOICE_NODE_ID: 'bare',
        MEDIASOUP_WORKER_BIN: '/nonexistent/mediasoup-worker',
      },
      { chat },
    );
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await bare?.stop({ keepKeys: media !== undefined });
    await media?.stop();
    await chat?.stop();
  });

  const status = async () =>
    (await bare.call<VoiceStatus>('GET', '/api/v1/voice/status', { as: alice })).body;

  it('is ready, does not register as a voice node, and answers joins 503 while it is alone', async () => {
    expect((await bare.call('GET', '/health/ready')).status).toBe(200);
    expect(await status()).toMatchObject({
      available: false,
      message: expect.stringContaining('install-worker.mjs'),
    });
    const join = await bare.call<{ error: { code: string } }>('POST', `/api/v1/channels/${channelId}/voice`, {
      as: alice,
      body: {},
    });
    expect(join.status).toBe(503);
    expect(join.body.error.code).toBe('VOICE_UNAVAILABLE');
  });

  it('places joins on a node with media once one is live', async () => {
    media = await VoiceTestApp.start(
      { VOICE_KEY_PREFIX: prefix, VOICE_NODE_ID: 'media', VOICE_WORKERS: '1' },
      { chat },
    );
    await until(async () => (await status()).available, 10_000);
    expect(await status()).toEqual({ available: true, message: null });

    const join = await bare.call<VoiceJoinResponse>('POST', `/api/v1/channels/${channelId}/voice`, {
      as: bob,
      body: {},
    });
    expect(join.status).toBe(200);
    expect(join.body.endpoint).toBe(media.signalingUrl);
    const { client, welcome } = await SignalingClient.connect(join.body.endpoint, join.body.token);
    clients.push(client);
    expect(welcome.channelId).toBe(channelId);

    // The bare node's signaling path still refuses: it hosts no room.
    const polling = await fetch(`${bare.signalingUrl}/voice/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(503);
  });
});
