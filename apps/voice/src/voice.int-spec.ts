import { until } from '@bonfire/platform/testing';
import {
  type AnyEvent,
  type EventType,
  PERMISSIONS,
  type VoiceJoinResponse,
  type VoiceState,
} from '@bonfire/contracts';
import { createEvent } from '@bonfire/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatEventsHandlers } from './voice-states/chat-events.handlers';
import {
  fakeDtlsParameters,
  opusRtpParameters,
  SignalingClient,
  VoiceTestApp,
} from './testing/voice-test-app';
import { FakeChat } from './testing/fake-chat';

let sequence = 0n;
function snowflake(): string {
  sequence += 1n;
  return String(BigInt(Date.now()) * 4_194_304n + sequence);
}

const MEMBER = PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.CONNECT | PERMISSIONS.SPEAK;
const MODERATOR = MEMBER | PERMISSIONS.MUTE_MEMBERS | PERMISSIONS.DEAFEN_MEMBERS | PERMISSIONS.MOVE_MEMBERS;

/** A voice-channel fixture in the fake chat: a guild, voice channels, members with permissions. */
function guildFixture(app: VoiceTestApp, users: Record<string, bigint>, userLimit: number | null = null) {
  const guildId = snowflake();
  const channel = (type: 'voice' | 'text' = 'voice', limit = userLimit) => {
    const id = snowflake();
    app.chat.channels.set(id, {
      guildId,
      type,
      userLimit: limit,
      permissions: new Map(Object.entries(users)),
    });
    return id;
  };
  return { guildId, channel };
}

/** A chat event as the consumer receives it (only the fields voice reads need to be real). */
function chatEvent(type: EventType, key: string, data: unknown): AnyEvent {
  return createEvent(type, key, data as never, 'chat') as AnyEvent;
}

interface Joined {
  join: VoiceJoinResponse;
  client: SignalingClient;
  welcome: Awaited<ReturnType<typeof SignalingClient.connect>>['welcome'];
}

// Distributed: Redis and Kafka; standalone: in-memory stores and the in-process event bus. Both on real
// mediasoup workers.
describe.each(['distributed', 'standalone'] as const)('voice service, %s shape (fake chat)', (mode) => {
  let app: VoiceTestApp;
  const clients: SignalingClient[] = [];

  beforeAll(async () => {
    app = await VoiceTestApp.start({
      BONFIRE_MODE: mode,
      VOICE_RECONNECT_GRACE_SECONDS: '1',
      VOICE_SWEEP_INTERVAL_MS: '200',
    });
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await app?.stop();
  });

  const join = (userId: string, channelId: string, body: Record<string, unknown> = {}) =>
    app.call<VoiceJoinResponse & { error?: { code: string } }>(
      'POST',
      `/api/v1/channels/${channelId}/voice`,
      {
        as: userId,
        body,
      },
    );

  async function connect(
    userId: string,
    channelId: string,
    body: Record<string, unknown> = {},
  ): Promise<Joined> {
    const reply = await join(userId, channelId, body);
    expect(reply.status).toBe(200);
    const { client, welcome } = await SignalingClient.connect(reply.body.endpoint, reply.body.token);
    clients.push(client);
    await client.ok('join', { rtpCapabilities: welcome.routerRtpCapabilities });
    return { join: reply.body, client, welcome };
  }

  async function sendAudio(client: SignalingClient): Promise<{ transportId: string; producerId: string }> {
    const transport = await client.ok('transport.create', { direction: 'send' });
    await client.ok('transport.connect', { transportId: transport.id, dtlsParameters: fakeDtlsParameters() });
    const { producerId } = await client.ok('produce', {
      transportId: transport.id,
      kind: 'audio',
      rtpParameters: opusRtpParameters(),
      source: 'microphone',
    });
    return { transportId: transport.id, producerId };
  }

  async function receiver(client: SignalingClient): Promise<string> {
    const transport = await client.ok('transport.create', { direction: 'recv' });
    await client.ok('transport.connect', { transportId: transport.id, dtlsParameters: fakeDtlsParameters() });
    return transport.id;
  }

  it('runs the whole signaling flow: join, transports, produce, consume (paused), resume', async () => {
    const [alice, bob] = [snowflake(), snowflake()];
    const { guildId, channel } = guildFixture(app, { [alice]: MEMBER, [bob]: MEMBER });
    const channelId = channel();

    const a = await connect(alice, channelId);
    expect(a.join).toMatchObject({ expiresInSeconds: 60, state: { userId: alice, guildId, channelId } });
    expect(a.join.endpoint).toBe(app.signalingUrl);
    expect(a.welcome).toMatchObject({ channelId, peers: [] });
    expect(
      (a.welcome.routerRtpCapabilities as { codecs: { mimeType: string }[] }).codecs.map((c) => c.mimeType),
    ).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));

    const sent = await sendAudio(a.client);
    const transport = await a.client.ok('transport.create', { direction: 'send' });
    expect(transport.iceCandidates.length).toBeGreaterThan(0);
    expect(transport.iceCandidates[0]).toMatchObject({ ip: '127.0.0.1' });

    const b = await connect(bob, channelId);
    expect(b.welcome.peers).toEqual([
      expect.objectContaining({
        userId: alice,
        producers: [
          expect.objectContaining({ producerId: sent.producerId, source: 'microphone', paused: false }),
        ],
      }),
    ]);
    await a.client.next('peer.joined', (peer) => peer.userId === bob);

    const recvId = await receiver(b.client);
    const consumer = await b.client.ok('consume', { transportId: recvId, producerId: sent.producerId });
    expect(consumer).toMatchObject({
      producerId: sent.producerId,
      userId: alice,
      kind: 'audio',
      source: 'microphone',
      paused: true,
    });
    await b.client.ok('consumer.resume', { consumerId: consumer.consumerId });

    // Bob starts sending too: Alice hears of the new producer.
    const bobSent = await sendAudio(b.client);
    const added = await a.client.next('producer.added', (info) => info.producerId === bobSent.producerId);
    expect(added).toMatchObject({ userId: bob, kind: 'audio' });

    const metrics = await app.call<string>('GET', '/metrics');
    expect(metrics.body).toMatch(/voice_consumers\{[^}]*\} 1/);
    expect(metrics.body).toMatch(/voice_producers\{[^}]*\} 2/);
    const ready = await app.call<{ checks: Record<string, { status: string }> }>('GET', '/health/ready');
    expect(ready.body.checks['mediasoup-workers']?.status).toBe('up');

    // Closing Alice's producer closes Bob's consumer and tells him.
    await a.client.ok('producer.close', { producerId: sent.producerId });
    expect(await b.client.next('consumer.closed')).toEqual({ consumerId: consumer.consumerId });
  });

  it('answers bad requests with machine-readable codes', async () => {
    const alice = snowflake();
    const { channel } = guildFixture(app, { [alice]: MEMBER });
    const { client } = await connect(alice, channel());
    const bad = await client.request('transport.create', { direction: 'sideways' });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(
      await client.request('transport.connect', { transportId: 'nope', dtlsParameters: {} }),
    ).toMatchObject({
      ok: false,
      code: 'UNKNOWN_TRANSPORT',
    });
    const send = await client.ok('transport.create', { direction: 'send' });
    expect(
      await client.request('produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters: { codecs: 'x' },
        source: 'microphone',
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(
      await client.request('produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters: opusRtpParameters(),
        source: 'camera',
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(
      await client.request('produce', {
        transportId: send.id,
        kind: 'video',
        rtpParameters: opusRtpParameters(),
        source: 'camera',
      }),
    ).toMatchObject({ ok: false, code: 'MISSING_PERMISSION' });
    expect(await client.request('consume', { transportId: send.id, producerId: 'unknown' })).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
    });
    expect(await client.request('consumer.resume', { consumerId: 'unknown' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_CONSUMER',
    });
  });

  it('refuses handshakes without a valid token for a current session', async () => {
    const alice = snowflake();
    const { channel } = guildFixture(app, { [alice]: MEMBER });
    const channelId = channel();
    await expect(SignalingClient.connect(app.signalingUrl, undefined)).rejects.toThrow('TOKEN_MISSING');
    await expect(SignalingClient.connect(app.signalingUrl, 'not.a.token')).rejects.toThrow('TOKEN_INVALID');
    const first = await join(alice, channelId);
    const second = await join(alice, channelId);
    // A new join replaced the first session: its token no longer admits.
    await expect(SignalingClient.connect(first.body.endpoint, first.body.token)).rejects.toThrow(
      'NOT_IN_CHANNEL',
    );
    expect((await app.call('DELETE', '/api/v1/users/@me/voice-state', { as: alice })).status).toBe(204);
    await expect(SignalingClient.connect(second.body.endpoint, second.body.token)).rejects.toThrow(
      'NOT_IN_CHANNEL',
    );
  });

  it('refuses joins: unknown channel 404, text channel 400, no CONNECT 403, channel full 403 unless MOVE_MEMBERS', async () => {
    const [alice, bob, carol, mod, outsider] = [
      snowflake(),
      snowflake(),
      snowflake(),
      snowflake(),
      snowflake(),
    ];
    const { channel } = guildFixture(
      app,
      { [alice]: MEMBER, [bob]: MEMBER, [carol]: PERMISSIONS.VIEW_CHANNEL, [mod]: MODERATOR },
      2,
    );
    const small = channel();
    const text = channel('text');
    expect((await join(outsider, small)).body.error?.code).toBe('UNKNOWN_CHANNEL');
    expect((await join(alice, 'abc')).status).toBe(404);
    const textReply = await join(alice, text);
    expect([textReply.status, textReply.body.error?.code]).toEqual([400, 'NOT_VOICE_CHANNEL']);
    const noConnect = await join(carol, small);
    expect([noConnect.status, noConnect.body.error?.code]).toEqual([403, 'MISSING_PERMISSION']);
    expect((await join(alice, small)).status).toBe(200);
    expect((await join(bob, small)).status).toBe(200);
    expect((await join(alice, small)).status).toBe(200); // rejoining does not count twice
    const full = await join(snowflake(), small);
    expect(full.status).toBe(404); // not a member at all
    app.chat.channels.get(small)!.permissions.set(carol, MEMBER);
    const carolFull = await join(carol, small);
    expect([carolFull.status, carolFull.body.error?.code]).toEqual([403, 'VOICE_CHANNEL_FULL']);
    expect((await join(mod, small)).status).toBe(200);
    const invalid = await join(alice, small, { selfMute: 'yes' });
    expect([invalid.status, (invalid.body as { error?: { code: string } }).error?.code]).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    const listed = await app.call<VoiceState[]>('GET', `/api/v1/channels/${small}/voice-states`, { as: bob });
    expect(listed.body.map((state) => state.userId).sort()).toEqual([alice, bob, mod].sort());
  });

  it('gives the last seat of a limited channel to exactly one of several simultaneous joins', async () => {
    const members = Array.from({ length: 6 }, () => snowflake());
    const { channel } = guildFixture(app, Object.fromEntries(members.map((id) => [id, MEMBER])), 2);
    const lounge = channel();
    const replies = await Promise.all(members.map((member) => join(member, lounge)));
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(2);
    expect(replies.filter((reply) => reply.body.error?.code === 'VOICE_CHANNEL_FULL')).toHaveLength(4);
    const listed = await app.call<VoiceState[]>('GET', `/api/v1/channels/${lounge}/voice-states`, {
      as: members[0]!,
    });
    expect(listed.body).toHaveLength(2);
  });

  it('self mute pauses the microphone; server mute refuses audio and pauses it; deafen pauses consumers', async () => {
    const [alice, bob, mod] = [snowflake(), snowflake(), snowflake()];
    const { guildId, channel } = guildFixture(app, { [alice]: MEMBER, [bob]: MEMBER, [mod]: MODERATOR });
    const channelId = channel();
    const a = await connect(alice, channelId);
    const b = await connect(bob, channelId);
    const sent = await sendAudio(a.client);
    const recvId = await receiver(b.client);
    const consumer = await b.client.ok('consume', { transportId: recvId, producerId: sent.producerId });
    await b.client.ok('consumer.resume', { consumerId: consumer.consumerId });

    const muted = await app.call<VoiceState>('PATCH', '/api/v1/users/@me/voice-state', {
      as: alice,
      body: { selfMute: true },
    });
    expect(muted.body).toMatchObject({ selfMute: true, channelId });
    await b.client.next('producer.paused', (event) => event.producerId === sent.producerId);
    await b.client.next('peer.updated', (event) => event.userId === alice && event.state.selfMute);
    await app.call('PATCH', '/api/v1/users/@me/voice-state', { as: alice, body: { selfMute: false } });
    await b.client.next('producer.resumed', (event) => event.producerId === sent.producerId);

    // Members without MUTE_MEMBERS may not server-mute.
    const denied = await app.call<{ error: { code: string } }>(
      'PATCH',
      `/api/v1/guilds/${guildId}/voice-states/${alice}`,
      {
        as: bob,
        body: { mute: true },
      },
    );
    expect([denied.status, denied.body.error.code]).toEqual([403, 'MISSING_PERMISSION']);
    const serverMuted = await app.call<VoiceState>(
      'PATCH',
      `/api/v1/guilds/${guildId}/voice-states/${alice}`,
      {
        as: mod,
        body: { mute: true },
      },
    );
    expect(serverMuted.body.mute).toBe(true);
    await until(() => b.client.events('producer.paused').length >= 2);
    expect(await a.client.request('producer.resume', { producerId: sent.producerId })).toMatchObject({
      ok: false,
      code: 'MISSING_PERMISSION',
    });
    await a.client.ok('producer.close', { producerId: sent.producerId });
    const send = await a.client.ok('transport.create', { direction: 'send' });
    expect(
      await a.client.request('produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters: opusRtpParameters(),
        source: 'microphone',
      }),
    ).toMatchObject({ ok: false, code: 'MISSING_PERMISSION' });

    // Server deafen holds Bob's audio consumers paused.
    const bobConsumer = app.rooms.peer(b.join.state.sessionId)!;
    await app.call('PATCH', `/api/v1/guilds/${guildId}/voice-states/${alice}`, {
      as: mod,
      body: { mute: false },
    });
    const again = await a.client.ok('produce', {
      transportId: send.id,
      kind: 'audio',
      rtpParameters: opusRtpParameters(),
      source: 'microphone',
    });
    const second = await b.client.ok('consume', { transportId: recvId, producerId: again.producerId });
    await b.client.ok('consumer.resume', { consumerId: second.consumerId });
    expect(bobConsumer.consumers.get(second.consumerId)?.consumer.paused).toBe(false);
    await app.call('PATCH', `/api/v1/guilds/${guildId}/voice-states/${bob}`, {
      as: mod,
      body: { deaf: true },
    });
    await until(() => bobConsumer.consumers.get(second.consumerId)?.consumer.paused === true);
  });

  it('moves and disconnects members (MOVE_MEMBERS) and tells their sessions why', async () => {
    const [alice, mod] = [snowflake(), snowflake()];
    const { guildId, channel } = guildFixture(app, { [alice]: MEMBER, [mod]: MODERATOR });
    const [lounge, stage] = [channel(), channel()];
    const a = await connect(alice, lounge);
    const moved = await app.call<VoiceState>('PATCH', `/api/v1/guilds/${guildId}/voice-states/${alice}`, {
      as: mod,
      body: { channelId: stage },
    });
    expect(moved.body).toMatchObject({ userId: alice, channelId: stage });
    expect(await a.client.next('closed')).toEqual({ reason: 'moved', channelId: stage });
    const guildStates = await app.call<VoiceState[]>('GET', `/api/v1/guilds/${guildId}/voice-states`, {
      as: mod,
    });
    expect(guildStates.body.map((state) => [state.userId, state.channelId])).toEqual([[alice, stage]]);

    const back = await connect(alice, stage);
    const kicked = await app.call('DELETE', `/api/v1/guilds/${guildId}/voice-states/${alice}`, { as: alice });
    expect(kicked.status).toBe(403);
    expect(
      (await app.call('DELETE', `/api/v1/guilds/${guildId}/voice-states/${alice}`, { as: mod })).status,
    ).toBe(204);
    expect(await back.client.next('closed')).toEqual({ reason: 'disconnected' });
    const after = await app.call<VoiceState[]>('GET', `/api/v1/channels/${stage}/voice-states`, { as: mod });
    expect(after.body).toEqual([]);
  });

  it("lists a guild's voice states only in the channels the caller can see", async () => {
    const [alice, bob] = [snowflake(), snowflake()];
    const { guildId, channel } = guildFixture(app, { [alice]: MEMBER, [bob]: MEMBER });
    const [open, secret] = [channel(), channel()];
    app.chat.channels.get(secret)!.permissions.delete(bob);
    expect((await join(alice, secret)).status).toBe(200);
    expect((await join(bob, open)).status).toBe(200);
    const states = (as: string) =>
      app.call<VoiceState[]>('GET', `/api/v1/guilds/${guildId}/voice-states`, { as });
    expect((await states(bob)).body.map((state) => [state.userId, state.channelId])).toEqual([[bob, open]]);
    expect((await states(alice)).body.map((state) => state.channelId).sort()).toEqual([open, secret].sort());
    expect((await app.call('GET', `/api/v1/channels/${secret}/voice-states`, { as: bob })).status).toBe(404);
  });

  it('re-checks permissions on chat events: lost SPEAK closes the microphone; lost CONNECT or sight, or the channel deleted, disconnects', async () => {
    const [alice, bob, carol] = [snowflake(), snowflake(), snowflake()];
    const { guildId, channel } = guildFixture(app, { [alice]: MEMBER, [bob]: MEMBER, [carol]: MEMBER });
    const channelId = channel();
    const permissions = app.chat.channels.get(channelId)!.permissions;
    const consumer = app.service.app.get(ChatEventsHandlers);
    const channelUpdated = chatEvent('channel.updated', guildId, { channel: { id: channelId, guildId } });
    const a = await connect(alice, channelId);
    const b = await connect(bob, channelId);
    const c = await connect(carol, channelId);
    const mic = await sendAudio(a.client);
    const recvId = await receiver(b.client);
    const heard = await b.client.ok('consume', { transportId: recvId, producerId: mic.producerId });
    const listed = async () =>
      (
        await app.call<VoiceState[]>('GET', `/api/v1/channels/${channelId}/voice-states`, { as: alice })
      ).body.map((state) => state.userId);

    // Alice's role loses SPEAK: her microphone closes (Bob's consumer with it) and new audio is refused,
    // but she stays in the channel.
    permissions.set(alice, MEMBER & ~PERMISSIONS.SPEAK);
    await consumer.handle(chatEvent('role.updated', guildId, { role: { id: snowflake(), guildId } }));
    expect(
      await a.client.next('producer.closed', (event) => event.producerId === mic.producerId),
    ).toBeTruthy();
    expect(await b.client.next('consumer.closed')).toEqual({ consumerId: heard.consumerId });
    expect(app.rooms.peer(a.join.state.sessionId)?.producers.size).toBe(0);
    expect(
      await a.client.request('produce', {
        transportId: mic.transportId,
        kind: 'audio',
        rtpParameters: opusRtpParameters(),
        source: 'microphone',
      }),
    ).toMatchObject({ ok: false, code: 'MISSING_PERMISSION' });
    expect(a.client.events('closed')).toEqual([]);

    // Bob loses CONNECT (a channel overwrite): disconnected, told why, his media closed, his state gone.
    permissions.set(bob, PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SPEAK);
    await consumer.handle(channelUpdated);
    expect(await b.client.next('closed')).toEqual({ reason: 'missing-permission' });
    await a.client.next('peer.left', (event) => event.userId === bob);
    expect(app.rooms.peer(b.join.state.sessionId)).toBeUndefined();

    // Carol can no longer see the channel (her roles changed).
    permissions.delete(carol);
    const member = {
      guildId,
      userId: carol,
      nickname: null,
      roleIds: [],
      joinedAt: new Date().toISOString(),
    };
    await consumer.handle(chatEvent('member.updated', guildId, { member }));
    expect(await c.client.next('closed')).toEqual({ reason: 'missing-permission' });
    expect(await listed()).toEqual([alice]);

    // The same event again changes nothing; a guild with nobody in voice costs no chat call.
    await consumer.handle(channelUpdated);
    const before = app.chat.requests;
    await consumer.handle(chatEvent('role.deleted', '1', { guildId: snowflake(), roleId: snowflake() }));
    await consumer.handle(chatEvent('guild.updated', '1', { guild: { id: snowflake() } }));
    expect(app.chat.requests).toBe(before);
    expect(a.client.events('closed')).toEqual([]);
    expect(await listed()).toEqual([alice]);

    // The channel is deleted: Alice is disconnected too and the room closes.
    await consumer.handle(chatEvent('channel.deleted', guildId, { channelId, guildId }));
    expect(await a.client.next('closed')).toEqual({ reason: 'channel-deleted' });
    expect(await listed()).toEqual([]);
    await until(() => !app.rooms.rooms.has(channelId));
  });

  it('disconnects a deleted account from voice (user.deleted), once', async () => {
    const [alice, bob] = [snowflake(), snowflake()];
    const { channel } = guildFixture(app, { [alice]: MEMBER, [bob]: MEMBER });
    const channelId = channel();
    const a = await connect(alice, channelId);
    await connect(bob, channelId);
    const consumer = app.service.app.get(ChatEventsHandlers);
    const deleted = createEvent(
      'user.deleted',
      bob,
      { userId: bob, deletedAt: new Date().toISOString() },
      'auth',
    );
    await consumer.handle(deleted);
    await a.client.next('peer.left', (event) => event.userId === bob);
    const listed = await app.call<VoiceState[]>('GET', `/api/v1/channels/${channelId}/voice-states`, {
      as: alice,
    });
    expect(listed.body.map((state) => state.userId)).toEqual([alice]);
    await consumer.handle(deleted);
    expect(a.client.events('closed')).toEqual([]);
  });

  it('closes every transport of a client that disconnects, and drops its state after the grace', async () => {
    const [alice, bob] = [snowflake(), snowflake()];
    const { channel } = guildFixture(app, { [alice]: MEMBER, [bob]: MEMBER });
    const channelId = channel();
    const a = await connect(alice, channelId);
    const b = await connect(bob, channelId);
    const sent = await sendAudio(a.client);
    await receiver(a.client);
    const recvId = await receiver(b.client);
    await b.client.ok('consume', { transportId: recvId, producerId: sent.producerId });
    const room = app.rooms.rooms.get(channelId)!;
    const router = room.routers[0]!.router;
    expect((await router.dump()).transportIds).toHaveLength(3);

    a.client.close();
    await b.client.next('peer.left', (event) => event.userId === alice);
    await until(async () => (await router.dump()).transportIds.length === 1);
    expect(b.client.events('consumer.closed')).toHaveLength(1);
    // Alice did not come back within VOICE_RECONNECT_GRACE_SECONDS: her voice state is gone.
    await until(async () => {
      const states = await app.call<VoiceState[]>('GET', `/api/v1/channels/${channelId}/voice-states`, {
        as: bob,
      });
      return states.body.length === 1 && states.body[0]!.userId === bob;
    });

    b.client.close();
    await until(() => !app.rooms.rooms.has(channelId));
    expect(router.closed).toBe(true);
  });

  it('replaces a killed worker, tells its clients to reconnect, and the room works again', async () => {
    const [alice, bob] = [snowflake(), snowflake()];
    const { channel } = guildFixture(app, { [alice]: MEMBER, [bob]: MEMBER });
    const channelId = channel();
    const a = await connect(alice, channelId);
    await sendAudio(a.client);
    const slot = app.rooms.rooms.get(channelId)!.routers[0]!.slot;
    const pid = slot.worker.pid;
    process.kill(pid, 'SIGKILL');
    expect(await a.client.next('closed')).toEqual({ reason: 'worker-died' });
    await until(() => {
      const replacement = app.workers.slots[slot.index]!;
      return replacement.alive && replacement.worker.pid !== pid;
    });
    await until(async () => (await app.call('GET', '/health/ready')).status === 200);

    const again = await connect(alice, channelId);
    const sent = await sendAudio(again.client);
    const b = await connect(bob, channelId);
    expect(b.welcome.peers[0]?.producers[0]?.producerId).toBe(sent.producerId);
    const recvId = await receiver(b.client);
    const consumer = await b.client.ok('consume', { transportId: recvId, producerId: sent.producerId });
    expect(consumer.paused).toBe(true);
  });
});

describe('voice rooms outgrowing a router (VOICE_MAX_CONSUMERS_PER_ROUTER=2)', () => {
  let app: VoiceTestApp;
  const clients: SignalingClient[] = [];

  beforeAll(async () => {
    app = await VoiceTestApp.start({ VOICE_MAX_CONSUMERS_PER_ROUTER: '2' });
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await app?.stop();
  });

  it('puts new peers on a router of another worker and pipes producers both ways', async () => {
    const users = [snowflake(), snowflake(), snowflake()];
    const { channel } = guildFixture(app, Object.fromEntries(users.map((user) => [user, MEMBER])));
    const channelId = channel();
    const peers: { client: SignalingClient; producerId: string; recvId: string }[] = [];
    for (const userId of users) {
      const reply = await app.call<VoiceJoinResponse>('POST', `/api/v1/channels/${channelId}/voice`, {
        as: userId,
        body: {},
      });
      const { client, welcome } = await SignalingClient.connect(reply.body.endpoint, reply.body.token);
      clients.push(client);
      await client.ok('join', { rtpCapabilities: welcome.routerRtpCapabilities });
      const send = await client.ok('transport.create', { direction: 'send' });
      await client.ok('transport.connect', { transportId: send.id, dtlsParameters: fakeDtlsParameters() });
      const recv = await client.ok('transport.create', { direction: 'recv' });
      await client.ok('transport.connect', { transportId: recv.id, dtlsParameters: fakeDtlsParameters() });
      // Consume everyone already there before producing.
      for (const other of peers)
        await client.ok('consume', { transportId: recv.id, producerId: other.producerId });
      const { producerId } = await client.ok('produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters: opusRtpParameters(),
        source: 'microphone',
      });
      for (const other of peers) await other.client.ok('consume', { transportId: other.recvId, producerId });
      peers.push({ client, producerId, recvId: recv.id });
    }
    const room = app.rooms.rooms.get(channelId)!;
    // Peers 1 and 2 filled router A (2 consumers); peer 3 went on router B, on the other worker.
    expect(room.routers).toHaveLength(2);
    expect(room.routers[0]!.slot.index).not.toBe(room.routers[1]!.slot.index);
    expect(room.routers.map((entry) => entry.consumers)).toEqual([4, 2]);
    const producersOn = async (index: number) =>
      (await room.routers[index]!.router.dump()).mapProducerIdConsumerIds.map((entry) => entry.key).sort();
    // Both routers hold all three producers: their own and the piped ones (same ids).
    const all = peers.map((peer) => peer.producerId).sort();
    expect(await producersOn(0)).toEqual(all);
    expect(await producersOn(1)).toEqual(all);
    // The room's AudioLevelObserver (on router A) watches peer 3's piped microphone too.
    const observed = (await room.routers[0]!.router.dump()).mapProducerIdObserverIds.map(
      (entry) => entry.key,
    );
    expect(observed.sort()).toEqual(all);
  });
});

describe('consumers per client (VOICE_MAX_CONSUMERS_PER_PEER=2)', () => {
  let app: VoiceTestApp;
  const clients: SignalingClient[] = [];

  beforeAll(async () => {
    app = await VoiceTestApp.start({ VOICE_MAX_CONSUMERS_PER_PEER: '2', VOICE_WORKERS: '1' });
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await app?.stop();
  });

  async function connect(userId: string, channelId: string) {
    const reply = await app.call<VoiceJoinResponse>('POST', `/api/v1/channels/${channelId}/voice`, {
      as: userId,
      body: {},
    });
    const { client, welcome } = await SignalingClient.connect(reply.body.endpoint, reply.body.token);
    clients.push(client);
    await client.ok('join', { rtpCapabilities: welcome.routerRtpCapabilities });
    return { client, sessionId: reply.body.state.sessionId };
  }

  async function transport(client: SignalingClient, direction: 'send' | 'recv') {
    const created = await client.ok('transport.create', { direction });
    await client.ok('transport.connect', { transportId: created.id, dtlsParameters: fakeDtlsParameters() });
    return created.id;
  }

  it('refuses consume over the cap with TOO_MANY_CONSUMERS, simultaneous requests included, and leaks nothing', async () => {
    const users = [snowflake(), snowflake(), snowflake(), snowflake()];
    const { channel } = guildFixture(app, Object.fromEntries(users.map((user) => [user, MEMBER])));
    const channelId = channel();
    const producers: string[] = [];
    for (const userId of users.slice(0, 3)) {
      const { client } = await connect(userId, channelId);
      const { producerId } = await client.ok('produce', {
        transportId: await transport(client, 'send'),
        kind: 'audio',
        rtpParameters: opusRtpParameters(),
        source: 'microphone',
      });
      producers.push(producerId);
    }
    const listener = await connect(users[3]!, channelId);
    const recvId = await transport(listener.client, 'recv');
    const peer = app.rooms.peer(listener.sessionId)!;
    const recv = peer.transports.get(recvId)!;

    // Five at once (the same producer twice included): two pass, three are refused.
    const wanted = [producers[0]!, producers[1]!, producers[2]!, producers[0]!, producers[1]!];
    const acks = await Promise.all(
      wanted.map((producerId) => listener.client.request('consume', { transportId: recvId, producerId })),
    );
    expect(acks.filter((ack) => ack.ok)).toHaveLength(2);
    const refused = acks.filter((ack) => !ack.ok);
    expect(refused).toHaveLength(3);
    for (const ack of refused) {
      expect(ack).toMatchObject({ ok: false, code: 'TOO_MANY_CONSUMERS' });
      expect(ack.ok ? '' : ack.message).toMatch(/at most 2 consumers/);
    }
    expect(peer.consumers.size).toBe(2);
    expect((await recv.dump()).consumerIds).toHaveLength(2);
    expect(app.rooms.rooms.get(channelId)!.routers[0]!.consumers).toBe(2);

    // Closing one frees its place.
    const first = acks.find((ack) => ack.ok)!;
    await listener.client.ok('consumer.close', { consumerId: first.ok ? first.data.consumerId : '' });
    await until(() => peer.consumers.size === 1);
    await listener.client.ok('consume', { transportId: recvId, producerId: producers[2]! });
    expect(
      await listener.client.request('consume', { transportId: recvId, producerId: producers[0]! }),
    ).toMatchObject({ ok: false, code: 'TOO_MANY_CONSUMERS' });
    expect((await recv.dump()).consumerIds).toHaveLength(2);
    const metrics = await app.call<string>('GET', '/metrics');
    expect(metrics.body).toMatch(/voice_consumers\{[^}]*\} 2/);
  });
});

describe('two voice nodes sharing Redis (placement, cross-node control)', () => {
  let chat: FakeChat;
  let nodeA: VoiceTestApp;
  let nodeB: VoiceTestApp;
  const clients: SignalingClient[] = [];
  const prefix = `voice-test-nodes-${snowflake()}`;

  beforeAll(async () => {
    chat = await FakeChat.start(process.env['INTERNAL_IDENTITY_SECRET']!);
    const env = { VOICE_KEY_PREFIX: prefix, VOICE_WORKERS: '1' };
    nodeA = await VoiceTestApp.start({ ...env, VOICE_NODE_ID: 'node-a' }, { chat });
    nodeB = await VoiceTestApp.start({ ...env, VOICE_NODE_ID: 'node-b' }, { chat });
    await until(async () => (await nodeA.call<{ ready: boolean }>('GET', '/health/ready')).status === 200);
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await nodeB?.stop();
    await nodeA?.stop();
    await chat?.stop();
  });

  it('a permission re-check on one node reaches the session on the other (producers closed, then disconnected)', async () => {
    const alice = snowflake();
    const { guildId, channel } = guildFixture(nodeA, { [alice]: MEMBER });
    const channelId = channel();
    const joined = await nodeA.call<VoiceJoinResponse>('POST', `/api/v1/channels/${channelId}/voice`, {
      as: alice,
      body: {},
    });
    const host = joined.body.endpoint === nodeA.signalingUrl ? nodeA : nodeB;
    const other = host === nodeA ? nodeB : nodeA;
    const { client, welcome } = await SignalingClient.connect(joined.body.endpoint, joined.body.token);
    clients.push(client);
    await client.ok('join', { rtpCapabilities: welcome.routerRtpCapabilities });
    const send = await client.ok('transport.create', { direction: 'send' });
    await client.ok('transport.connect', { transportId: send.id, dtlsParameters: fakeDtlsParameters() });
    const { producerId } = await client.ok('produce', {
      transportId: send.id,
      kind: 'audio',
      rtpParameters: opusRtpParameters(),
      source: 'microphone',
    });
    const consumer = other.service.app.get(ChatEventsHandlers);
    const permissions = chat.channels.get(channelId)!.permissions;
    permissions.set(alice, MEMBER & ~PERMISSIONS.SPEAK);
    await consumer.handle(chatEvent('role.updated', guildId, { role: { id: snowflake(), guildId } }));
    expect(await client.next('producer.closed')).toEqual({ producerId });
    expect(host.rooms.peer(joined.body.state.sessionId)?.producers.size).toBe(0);
    permissions.set(alice, PERMISSIONS.VIEW_CHANNEL);
    await consumer.handle(chatEvent('role.updated', guildId, { role: { id: snowflake(), guildId } }));
    expect(await client.next('closed')).toEqual({ reason: 'missing-permission' });
    await until(() => !host.rooms.rooms.has(channelId));
  });

  it('pins a room to one node whichever node answers the join, and moderation reaches the session', async () => {
    const [alice, bob, mod] = [snowflake(), snowflake(), snowflake()];
    const { guildId, channel } = guildFixture(nodeA, { [alice]: MEMBER, [bob]: MEMBER, [mod]: MODERATOR });
    const channelId = channel();
    const first = await nodeA.call<VoiceJoinResponse>('POST', `/api/v1/channels/${channelId}/voice`, {
      as: alice,
      body: {},
    });
    const second = await nodeB.call<VoiceJoinResponse>('POST', `/api/v1/channels/${channelId}/voice`, {
      as: bob,
      body: {},
    });
    expect(first.status).toBe(200);
    expect(second.body.endpoint).toBe(first.body.endpoint);
    const [host, other] = first.body.endpoint === nodeA.signalingUrl ? [nodeA, nodeB] : [nodeB, nodeA];

    // A token only admits on the node it names.
    await expect(SignalingClient.connect(other.signalingUrl, first.body.token)).rejects.toThrow(
      'TOKEN_INVALID',
    );
    const { client } = await SignalingClient.connect(host.signalingUrl, first.body.token);
    clients.push(client);

    // The node that did not host the session server-mutes it: the hosting node applies it.
    const muted = await other.call<VoiceState>('PATCH', `/api/v1/guilds/${guildId}/voice-states/${alice}`, {
      as: mod,
      body: { mute: true },
    });
    expect(muted.body.mute).toBe(true);
    await client.next('peer.updated', (event) => event.userId === alice && event.state.mute);

    // The hosting node stops: its clients are told, its rooms unpinned; the next join lands on the other.
    await host.stop({ keepKeys: true });
    expect(await client.next('closed')).toEqual({ reason: 'shutting-down' });
    const again = await other.call<VoiceJoinResponse>('POST', `/api/v1/channels/${channelId}/voice`, {
      as: alice,
      body: {},
    });
    expect(again.body.endpoint).toBe(other.signalingUrl);
  });
});
