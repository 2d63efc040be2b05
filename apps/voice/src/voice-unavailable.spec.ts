import { PERMISSIONS, type VoiceStatus } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalingClient, VoiceTestApp } from './testing/voice-test-app';

const MEMBER = PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.CONNECT | PERMISSIONS.SPEAK;
const MODERATOR = MEMBER | PERMISSIONS.MOVE_MEMBERS;
const HOW_TO_BUILD =
  /node tools\/mediasoup\/install-worker\.mjs.*README\.md|README\.md.*node tools\/mediasoup\/install-worker\.mjs/;

// Standalone needs no server (in-memory stores, in-process bus) and, here, no worker: runs anywhere.
describe('voice without the mediasoup worker binary (standalone shape)', () => {
  let app: VoiceTestApp;
  const [alice, mod] = ['1001', '1002'];
  const [guildId, channelId, otherChannelId] = ['2001', '3001', '3002'];

  beforeAll(async () => {
    app = await VoiceTestApp.start({
      BONFIRE_MODE: 'standalone',
      MEDIASOUP_WORKER_BIN: '/nonexistent/mediasoup-worker',
    });
    for (const id of [channelId, otherChannelId]) {
      app.chat.channels.set(id, {
        guildId,
        type: 'voice',
        userLimit: null,
        permissions: new Map([
          [alice, MEMBER],
          [mod, MODERATOR],
        ]),
      });
    }
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('boots ready, with no worker started', async () => {
    const ready = await app.call<{ status: string; checks: Record<string, unknown> }>('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('up');
    expect(ready.body.checks).not.toHaveProperty('mediasoup-workers');
    expect(app.workers.slots).toEqual([]);
    expect(app.workers.unavailable).toMatch(HOW_TO_BUILD);
  });

  it('tells clients voice is unavailable, and how to build the worker', async () => {
    const status = await app.call<VoiceStatus>('GET', '/api/v1/voice/status', { as: alice });
    expect(status.status).toBe(200);
    expect(status.body.available).toBe(false);
    expect(status.body.message).toMatch(HOW_TO_BUILD);
  });

  it('answers joins 503 VOICE_UNAVAILABLE with how to build the worker, and records no state', async () => {
    const join = await app.call<{ error: { code: string; message: string } }>(
      'POST',
      `/api/v1/channels/${channelId}/voice`,
      { as: alice, body: {} },
    );
    expect(join.status).toBe(503);
    expect(join.body.error.code).toBe('VOICE_UNAVAILABLE');
    expect(join.body.error.message).toMatch(HOW_TO_BUILD);
    expect(join.body.error.message).toMatch(/apt-get install .*libsrtp2-dev/);
    expect(join.body.error.message).not.toContain('/nonexistent');

    const states = await app.call('GET', `/api/v1/channels/${channelId}/voice-states`, { as: alice });
    expect(states).toMatchObject({ status: 200, body: [] });
    const leave = await app.call('DELETE', '/api/v1/users/@me/voice-state', { as: alice });
    expect(leave.status).toBe(404);
  });

  it('still refuses what it refused before looking for a node (permissions, unknown channels)', async () => {
    const unknown = await app.call('POST', '/api/v1/channels/3999/voice', { as: alice, body: {} });
    expect(unknown.status).toBe(404);
    const guild = await app.call('GET', `/api/v1/guilds/${guildId}/voice-states`, { as: mod });
    expect(guild).toMatchObject({ status: 200, body: [] });
  });

  it('answers the signaling path 503 VOICE_UNAVAILABLE (polling and WebSocket)', async () => {
    const polling = await fetch(`${app.signalingUrl}/voice/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(503);
    const body = (await polling.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('VOICE_UNAVAILABLE');
    expect(body.error.message).toMatch(HOW_TO_BUILD);

    // A working node would refuse this token in the handshake (TOKEN_INVALID); this one refuses the upgrade.
    const refused = (await SignalingClient.connect(app.signalingUrl, 'any-token').then(
      () => null,
      (error: unknown) => error,
    )) as { message: string; description?: { message?: string } } | null;
    expect(refused?.message).toBe('websocket error');
    expect(refused?.description?.message).toBe('Unexpected server response: 503');

    // The rest of the signaling listener is untouched by the refusal: not found, as on a working node.
    const other = await fetch(`${app.signalingUrl}/voice/socket.iox`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    // And the internal port serves no signaling at all.
    const internal = await fetch(`${app.service.url}/voice/socket.io/?EIO=4&transport=polling`);
    expect(internal.status).toBe(404);
  });
});
