import {
  VOICE_SIGNALING_NAMESPACE,
  VOICE_SIGNALING_PATH,
  type VoiceJoinResponse,
  type VoiceState,
  type VoiceWelcome,
} from '@bonfire/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stack } from '../support/stack';
import { until } from '@bonfire/platform/testing';
import { person, type Person, RealtimeClient, voiceGuild } from './voice-fixture';

/**
 * Voice end to end: auth, chat, voice and the gateway as processes on the real servers. Joins go through
 * the gateway's REST routes; voice.state.updated reaches the guild's realtime sockets through Kafka; a
 * kicked member is disconnected from voice (chat.members → voice).
 */
describe('voice (auth + chat + voice + gateway)', () => {
  let stack: Stack;
  let alice: Person;
  let bob: Person;
  let guildId: string;
  let channelId: string;
  const realtime: RealtimeClient[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'chat', 'voice', 'gateway'] });
    [alice, bob] = [await person(stack), await person(stack)];
    ({ guildId, channelId } = await voiceGuild(alice, [bob], { userLimit: 5 }));
  }, 120_000);

  afterAll(async () => {
    for (const client of realtime) client.close();
    for (const socket of sockets) socket.close();
    await stack?.stop();
  });

  it('joins through the gateway; the guild sees voice.state.updated; signaling admits the token', async () => {
    const watcher = await RealtimeClient.open(stack.gateway.url, bob.token);
    realtime.push(watcher);

    const joined = await alice.api.post<VoiceJoinResponse>(`/api/v1/channels/${channelId}/voice`, {
      selfMute: true,
    });
    expect(joined.status).toBe(200);
    // Clients are sent to the voice node's public signaling port, never its internal one (REST, /metrics).
    expect(joined.body.endpoint).toBe(stack.voiceSignalingUrl);
    expect(joined.body.endpoint).not.toBe(stack.service('voice').url);
    expect(joined.body.state).toMatchObject({ userId: alice.id, guildId, channelId, selfMute: true });

    await until(() =>
      watcher
        .of<VoiceState>('voice.state.updated')
        .some((s) => s.userId === alice.id && s.channelId === channelId),
    );

    const socket = io(`${joined.body.endpoint}${VOICE_SIGNALING_NAMESPACE}`, {
      path: VOICE_SIGNALING_PATH,
      transports: ['websocket'],
      auth: { token: joined.body.token },
      reconnection: false,
    });
    sockets.push(socket);
    const welcome = await new Promise<VoiceWelcome>((resolve, reject) => {
      socket.once('welcome', resolve);
      socket.once('connect_error', reject);
    });
    expect(welcome.channelId).toBe(channelId);

    const listed = await bob.api.get<VoiceState[]>(`/api/v1/guilds/${guildId}/voice-states`);
    expect(listed.body.map((state) => [state.userId, state.channelId])).toEqual([[alice.id, channelId]]);
    const unmuted = await alice.api.patch<VoiceState>('/api/v1/users/@me/voice-state', { selfMute: false });
    expect(unmuted.body.selfMute).toBe(false);
    await until(() =>
      watcher.of<VoiceState>('voice.state.updated').some((s) => s.userId === alice.id && !s.selfMute),
    );
  });

  it('serves signaling only on the published signaling port: no REST API or /metrics there', async () => {
    const signaling = stack.voiceSignalingUrl!;
    const internal = stack.service('voice').url;
    for (const path of [
      '/metrics',
      '/health/ready',
      '/api/v1/voice/status',
      `/api/v1/channels/${channelId}/voice-states`,
    ]) {
      const response = await fetch(`${signaling}${path}`);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code, path).toBe('NOT_FOUND');
    }
    const metrics = await fetch(`${internal}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('http_requests_total');
    expect((await fetch(`${internal}/voice/socket.io/?EIO=4&transport=polling`)).status).toBe(404);
    expect((await fetch(`${signaling}/voice/socket.io/?EIO=4&transport=polling`)).status).toBe(200);
  });

  it('refuses a text channel and strangers with the right codes, through the gateway', async () => {
    const text = await alice.api.post<{ id: string }>(`/api/v1/guilds/${guildId}/channels`, {
      name: 'chatter',
    });
    const reply = await alice.api.post<{ error: { code: string } }>(
      `/api/v1/channels/${text.body.id}/voice`,
      {},
    );
    expect([reply.status, reply.body.error.code]).toEqual([400, 'NOT_VOICE_CHANNEL']);
    const stranger = await person(stack);
    await until(
      async () => (await stranger.api.post(`/api/v1/channels/${channelId}/voice`, {})).status === 404,
    );
    expect((await stranger.api.get(`/api/v1/guilds/${guildId}/voice-states`)).status).toBe(404);
  });

  it('a member kicked from the guild is disconnected from its voice channel', async () => {
    const watcher = await RealtimeClient.open(stack.gateway.url, alice.token);
    realtime.push(watcher);
    const joined = await bob.api.post<VoiceJoinResponse>(`/api/v1/channels/${channelId}/voice`, {});
    expect(joined.status).toBe(200);
    expect((await alice.api.delete(`/api/v1/guilds/${guildId}/members/${bob.id}`)).status).toBe(204);
    await until(
      () =>
        watcher
          .of<VoiceState>('voice.state.updated')
          .some((s) => s.userId === bob.id && s.channelId === null),
      20_000,
    );
    const listed = await alice.api.get<VoiceState[]>(`/api/v1/channels/${channelId}/voice-states`);
    expect(listed.body.map((state) => state.userId)).toEqual([alice.id]);
  }, 30_000);
});
