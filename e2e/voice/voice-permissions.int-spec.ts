import {
  DEFAULT_EVERYONE_PERMISSIONS,
  PERMISSIONS,
  type VoiceSpeaking,
  type VoiceState,
} from '@bonfire/contracts';
import { createEvent, KafkaEventBus } from '@bonfire/messaging';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stack } from '../support/stack';
import {
  opusRtpParameters,
  person,
  type Person,
  RealtimeClient,
  VoiceSignaling,
  voiceGuild,
} from './voice-fixture';

type VoiceStateDispatch = VoiceState & { previousChannelId?: string | null };

/** Voice's security on the live stream and in the rooms, through the gateway. */
describe('voice: who sees voice states, and who may stay in voice (auth + chat + voice + gateway)', () => {
  let stack: Stack;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  const closers: { close(): void }[] = [];

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'chat', 'voice', 'gateway'] });
    [alice, bob, carol] = [await person(stack), await person(stack), await person(stack)];
  }, 120_000);

  afterAll(async () => {
    for (const closer of closers) closer.close();
    await stack?.stop();
  });

  const realtime = async (member: Person) => {
    const client = await RealtimeClient.open(stack.gateway.url, member.token);
    closers.push(client);
    return client;
  };
  const signaling = async (member: Person, channelId: string) => {
    const client = await VoiceSignaling.join(member, channelId);
    closers.push(client);
    return client;
  };
  const voiceChannel = async (guildId: string, body: Record<string, unknown> = {}) => {
    const created = await alice.api.post<{ id: string }>(`/api/v1/guilds/${guildId}/channels`, {
      name: 'voice',
      type: 'voice',
      ...body,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const states = (client: RealtimeClient, userId: string) =>
    client.of<VoiceStateDispatch>('voice.state.updated').filter((state) => state.userId === userId);
  const bits = (value: bigint) => value.toString();

  it('voice states and speaking of a channel reach only those who can see it; a leave reaches the channel left', async () => {
    const { guildId, channelId: open } = await voiceGuild(alice, [bob, carol]);
    // Only Bob (and Alice, the owner) see the secret channel.
    const secret = await voiceChannel(guildId, {
      permissionOverwrites: [
        { id: guildId, type: 'role', deny: bits(PERMISSIONS.VIEW_CHANNEL) },
        { id: bob.id, type: 'member', allow: bits(PERMISSIONS.VIEW_CHANNEL) },
      ],
    });
    const [aliceSees, bobSees, carolSees] = [
      await realtime(alice),
      await realtime(bob),
      await realtime(carol),
    ];

    // Bob joins the secret channel, moves to the open one, back to the secret one, then leaves.
    expect((await bob.api.post(`/api/v1/channels/${secret}/voice`, {})).status).toBe(200);
    await until(() => states(aliceSees, bob.id).some((state) => state.channelId === secret));
    const listed = await carol.api.get<VoiceState[]>(`/api/v1/guilds/${guildId}/voice-states`);
    expect(listed.body).toEqual([]);
    expect((await bob.api.post(`/api/v1/channels/${open}/voice`, {})).status).toBe(200);
    await until(() => states(carolSees, bob.id).some((state) => state.channelId === open));
    expect((await bob.api.post(`/api/v1/channels/${secret}/voice`, {})).status).toBe(200);
    expect((await bob.api.delete('/api/v1/users/@me/voice-state')).status).toBe(204);
    await until(() =>
      states(aliceSees, bob.id).some(
        (state) => state.channelId === null && state.previousChannelId === secret,
      ),
    );

    // Speaking indicators (published by the room's node; here straight on the bus): the secret one first.
    const speaking = (channelId: string): VoiceSpeaking => ({
      guildId,
      channelId,
      userId: bob.id,
      speaking: true,
    });
    if (stack.shape === 'distributed') {
      const bus = new KafkaEventBus({
        brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
        clientId: 'e2e',
      });
      try {
        await bus.publish(createEvent('voice.speaking', guildId, speaking(secret), 'voice'));
        await bus.publish(createEvent('voice.speaking', guildId, speaking(open), 'voice'));
      } finally {
        await bus.close();
      }
    }

    // Alice joins the open channel: Carol hears of it after everything above (one guild's events keep
    // their order), so by then she would have had every voice event of the guild meant for her.
    expect((await alice.api.post(`/api/v1/channels/${open}/voice`, {})).status).toBe(200);
    await until(() => states(carolSees, alice.id).some((state) => state.channelId === open));
    if (stack.shape === 'distributed') {
      await until(() => carolSees.of<VoiceSpeaking>('voice.speaking').length > 0);
      await until(() => aliceSees.of<VoiceSpeaking>('voice.speaking').length === 2);
      expect(carolSees.of<VoiceSpeaking>('voice.speaking').map((event) => event.channelId)).toEqual([open]);
    }

    // Carol saw Bob in the open channel and leaving it (for the secret one, which she is not told of).
    const carolView = states(carolSees, bob.id).map((state) => [state.channelId, state.previousChannelId]);
    expect(carolView).toEqual([
      [open, undefined],
      [null, open],
    ]);
    expect(JSON.stringify(carolSees.dispatches)).not.toContain(secret);

    // Alice (who sees both) followed every step; Bob's own sessions too.
    const timeline = [
      [secret, undefined],
      [null, secret],
      [open, undefined],
      [null, open],
      [secret, undefined],
      [null, secret],
    ];
    for (const watcher of [aliceSees, bobSees]) {
      await until(() => states(watcher, bob.id).length >= (watcher === bobSees ? 4 : 6));
    }
    expect(states(aliceSees, bob.id).map((state) => [state.channelId, state.previousChannelId])).toEqual(
      timeline,
    );
    // The user's own sessions get each state once (not the separate leave of a move).
    expect(states(bobSees, bob.id).map((state) => [state.channelId, state.previousChannelId])).toEqual([
      [secret, undefined],
      [open, undefined],
      [secret, undefined],
      [null, secret],
    ]);
  }, 60_000);

  it('losing SPEAK closes the microphone; losing CONNECT (a channel overwrite) disconnects within a second', async () => {
    const { guildId, channelId } = await voiceGuild(alice, [bob]);
    const aliceSees = await realtime(alice);
    const bobVoice = await signaling(bob, channelId);
    const aliceVoice = await signaling(alice, channelId);
    const mic = await bobVoice.microphone();
    const recv = await aliceVoice.transport('recv');
    const heard = await aliceVoice.ok('consume', { transportId: recv, producerId: mic.producerId });

    // No SPEAK for Bob here: his microphone closes (Alice's consumer of it too), new audio is refused.
    const overwrite = `/api/v1/channels/${channelId}/permissions/${bob.id}`;
    expect(
      (await alice.api.request('PUT', overwrite, { type: 'member', deny: bits(PERMISSIONS.SPEAK) })).status,
    ).toBe(204);
    const changedAt = Date.now();
    const closed = await bobVoice.next('producer.closed', (event) => event.producerId === mic.producerId);
    expect(closed.at - changedAt).toBeLessThan(1_000);
    await aliceVoice.next('consumer.closed', (event) => event.consumerId === heard.consumerId);
    const refused = await bobVoice.request('produce', {
      transportId: mic.transportId,
      kind: 'audio',
      rtpParameters: opusRtpParameters(),
      source: 'microphone',
    });
    expect(refused).toMatchObject({ ok: false, code: 'MISSING_PERMISSION' });
    expect(bobVoice.events('closed')).toEqual([]);

    // No CONNECT either: Bob is out of the room within a second, and everyone who sees the channel knows.
    const sent = Date.now();
    const denied = await alice.api.request('PUT', overwrite, {
      type: 'member',
      deny: bits(PERMISSIONS.SPEAK | PERMISSIONS.CONNECT),
    });
    expect(denied.status).toBe(204);
    const out = await bobVoice.next('closed');
    expect(out.data).toEqual({ reason: 'missing-permission' });
    expect(out.at - sent).toBeLessThan(1_000);
    await aliceVoice.next('peer.left', (event) => event.userId === bob.id);
    await until(() =>
      states(aliceSees, bob.id).some(
        (state) => state.channelId === null && state.previousChannelId === channelId,
      ),
    );
    const listed = await alice.api.get<VoiceState[]>(`/api/v1/guilds/${guildId}/voice-states`);
    expect(listed.body.map((state) => state.userId)).toEqual([alice.id]);
    const again = await bob.api.post<{ error: { code: string } }>(`/api/v1/channels/${channelId}/voice`, {});
    expect([again.status, again.body.error.code]).toEqual([403, 'MISSING_PERMISSION']);
  }, 60_000);

  it('losing sight of the channel (role removed) or CONNECT (role permissions changed) disconnects', async () => {
    const { guildId, channelId: open } = await voiceGuild(alice, [bob]);
    const role = await alice.api.post<{ id: string }>(`/api/v1/guilds/${guildId}/roles`, { name: 'crew' });
    expect(role.status).toBe(201);
    const crewOnly = await voiceChannel(guildId, {
      permissionOverwrites: [
        { id: guildId, type: 'role', deny: bits(PERMISSIONS.VIEW_CHANNEL) },
        { id: role.body.id, type: 'role', allow: bits(PERMISSIONS.VIEW_CHANNEL) },
      ],
    });
    const member = `/api/v1/guilds/${guildId}/members/${bob.id}`;
    expect((await alice.api.patch(member, { roleIds: [role.body.id] })).status).toBe(200);

    const inCrew = await signaling(bob, crewOnly);
    let sent = Date.now();
    expect((await alice.api.patch(member, { roleIds: [] })).status).toBe(200);
    let out = await inCrew.next('closed');
    expect(out.data).toEqual({ reason: 'missing-permission' });
    expect(out.at - sent).toBeLessThan(1_000);

    // @everyone loses CONNECT: Bob (no other role) is out of the open channel.
    const inOpen = await signaling(bob, open);
    sent = Date.now();
    const everyone = await alice.api.patch(`/api/v1/guilds/${guildId}/roles/${guildId}`, {
      permissions: bits(DEFAULT_EVERYONE_PERMISSIONS & ~PERMISSIONS.CONNECT),
    });
    expect(everyone.status).toBe(200);
    out = await inOpen.next('closed');
    expect(out.data).toEqual({ reason: 'missing-permission' });
    expect(out.at - sent).toBeLessThan(1_000);
    expect((await bob.api.post(`/api/v1/channels/${open}/voice`, {})).status).toBe(403);
  }, 60_000);

  it('a deleted channel and a ban disconnect', async () => {
    const { guildId, channelId } = await voiceGuild(alice, [bob]);
    const other = await voiceChannel(guildId);
    const aliceVoice = await signaling(alice, channelId);
    const bobVoice = await signaling(bob, other);

    let sent = Date.now();
    expect((await alice.api.delete(`/api/v1/channels/${channelId}`)).status).toBe(204);
    let out = await aliceVoice.next('closed');
    expect(out.data).toEqual({ reason: 'channel-deleted' });
    expect(out.at - sent).toBeLessThan(1_000);
    expect((await alice.api.get(`/api/v1/channels/${channelId}/voice-states`)).status).toBe(404);

    sent = Date.now();
    expect((await alice.api.request('PUT', `/api/v1/guilds/${guildId}/bans/${bob.id}`, {})).status).toBe(204);
    out = await bobVoice.next('closed');
    expect(out.data).toEqual({ reason: 'disconnected' });
    expect(out.at - sent).toBeLessThan(1_000);
    const listed = await alice.api.get<VoiceState[]>(`/api/v1/channels/${other}/voice-states`);
    expect(listed.body).toEqual([]);
  }, 60_000);
});
