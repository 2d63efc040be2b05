import { request as httpRequest } from 'node:http';
import { PERMISSIONS, type VoiceJoinResponse } from '@bonfire/contracts';
import { ServiceTestClient } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalingClient, VoiceTestApp } from '../testing/voice-test-app';

const MEMBER = PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.CONNECT | PERMISSIONS.SPEAK;
const [alice, guildId, channelId] = ['4101', '4201', '4301'];

interface ErrorBody {
  error: { code: string; message: string };
}

/** A raw request (any method, no body), to see exactly what a listener answers. */
function raw(url: string, method: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(url, { method }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

// The voice node's public listener (VOICE_SIGNALING_PORT) serves socket.io signaling and nothing else;
// its REST API, health and /metrics stay on the internal one (VOICE_PORT), which serves no signaling.
describe('voice signaling on its own public port (standalone shape, real mediasoup worker)', () => {
  let app: VoiceTestApp;
  let client: SignalingClient | undefined;

  beforeAll(async () => {
    app = await VoiceTestApp.start({ BONFIRE_MODE: 'standalone', VOICE_WORKERS: '1' });
    app.chat.channels.set(channelId, {
      guildId,
      type: 'voice',
      userLimit: null,
      permissions: new Map([[alice, MEMBER]]),
    });
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await app?.stop();
  });

  it('listens on two different ports', () => {
    expect(new URL(app.signalingUrl).port).not.toBe(new URL(app.service.url).port);
  });

  it('hands clients the signaling port, where signaling works', async () => {
    const joined = await app.call<VoiceJoinResponse>('POST', `/api/v1/channels/${channelId}/voice`, {
      as: alice,
      body: {},
    });
    expect(joined.status).toBe(200);
    expect(joined.body.endpoint).toBe(app.signalingUrl);
    const connected = await SignalingClient.connect(joined.body.endpoint, joined.body.token);
    client = connected.client;
    expect(connected.welcome.channelId).toBe(channelId);
    const ack = await client.ok('join', { rtpCapabilities: connected.welcome.routerRtpCapabilities });
    expect(ack).toEqual({});
    // socket.io's long-polling transport opens on it too.
    const polling = await fetch(`${app.signalingUrl}/voice/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(200);
  });

  it('serves no REST, health, readiness, metrics or API document on the signaling port (404)', async () => {
    // Called as the gateway would (signed identity): the signaling port still serves none of it.
    const signaling = new ServiceTestClient(app.signalingUrl, process.env['INTERNAL_IDENTITY_SECRET']!);
    const calls: [string, string][] = [
      ['GET', '/metrics'],
      ['GET', '/health/live'],
      ['GET', '/health/ready'],
      ['GET', '/openapi.json'],
      ['GET', '/api/v1/voice/status'],
      ['GET', `/api/v1/channels/${channelId}/voice-states`],
      ['POST', `/api/v1/channels/${channelId}/voice`],
      ['DELETE', '/api/v1/users/@me/voice-state'],
      ['GET', '/'],
    ];
    for (const [method, path] of calls) {
      const reply = await signaling.call<ErrorBody>(method, path, { as: alice });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(reply.body.error.code, `${method} ${path}`).toBe('NOT_FOUND');
    }
    const head = await raw(`${app.signalingUrl}/metrics`, 'HEAD');
    expect(head).toMatchObject({ status: 404, body: '' });
  });

  it('refuses methods socket.io does not take on the signaling path with 405', async () => {
    const put = await raw(`${app.signalingUrl}/voice/socket.io/?EIO=4&transport=polling`, 'PUT');
    expect(put.status).toBe(405);
    expect((JSON.parse(put.body) as ErrorBody).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('keeps REST, health and /metrics on the internal port, which serves no signaling', async () => {
    const metrics = await fetch(`${app.service.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('voice_');
    expect((await fetch(`${app.service.url}/health/ready`)).status).toBe(200);
    const status = await app.call('GET', '/api/v1/voice/status', { as: alice });
    expect(status.status).toBe(200);
    const polling = await fetch(`${app.service.url}/voice/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(404);
    await expect(
      SignalingClient.connect(app.service.url, 'any-token').then(() => 'connected'),
    ).rejects.toThrow();
  });
});
