import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import {
  BonfireClient,
  defaultVoiceSignalingFactory,
  type DeviceLike,
  type MediaTrackLike,
  type VoiceCloseReason,
  VoiceClient,
  type VoiceTrackEvent,
} from '@bonfire/sdk';
import { Device } from 'mediasoup-client';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { Stack } from '../support/stack';

/**
 * The SDK's voice client against the real voice service (mediasoup workers) through the gateway. Node has
 * no WebRTC, so the device is mediasoup-client's FakeHandler: signaling, transports, producers and
 * consumers are real on the server; no RTP flows (speaking and media are the browser e2e's part).
 */

interface VoicePerson {
  client: BonfireClient;
  userId: string;
  voice: VoiceClient;
  tracks: VoiceTrackEvent[];
  removed: string[];
  closed: VoiceCloseReason[];
  peersJoined: string[];
  peersUpdated: { userId: string; selfMute: boolean }[];
}

function fakeDevice(): Promise<DeviceLike> {
  return Device.factory({
    handlerFactory: FakeHandler.createFactory(fakeParameters),
  }) as unknown as Promise<DeviceLike>;
}

/** Enough of a MediaStreamTrack for mediasoup-client's producer. */
function microphone(): MediaTrackLike {
  return {
    kind: 'audio',
    id: `mic-${randomBytes(3).toString('hex')}`,
    enabled: true,
    readyState: 'live',
    stop: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  } as MediaTrackLike;
}

/** Pids of the mediasoup workers spawned by the voice node listening on `port` (this stack's only). */
function mediasoupWorkersOf(port: number): number[] {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  const pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  const voiceNode = pids.find(
    (pid) =>
      read(`/proc/${pid}/cmdline`).includes('apps/voice/dist/main.js') &&
      read(`/proc/${pid}/environ`).split('\0').includes(`VOICE_PORT=${port}`),
  );
  if (!voiceNode) throw new Error(`no voice node on port ${port}`);
  return pids
    .filter((pid) => read(`/proc/${pid}/stat`).split(') ')[1]?.split(' ')[1] === voiceNode)
    .filter((pid) => read(`/proc/${pid}/cmdline`).includes('mediasoup-worker'))
    .map(Number);
}

async function voicePerson(baseUrl: string): Promise<VoicePerson> {
  const client = new BonfireClient({ baseUrl });
  const username = `sdkv_${randomBytes(5).toString('hex')}`;
  const { user } = await client.auth.register({
    email: `${username}@example.test`,
    username,
    password: `pw-${randomBytes(8).toString('hex')}`,
  });
  const voice = new VoiceClient({
    api: client.voice,
    userId: user.id,
    deviceFactory: fakeDevice,
    signalingFactory: defaultVoiceSignalingFactory,
  });
  const who: VoicePerson = {
    client,
    userId: user.id,
    voice,
    tracks: [],
    removed: [],
    closed: [],
    peersJoined: [],
    peersUpdated: [],
  };
  voice.on('track.added', (event) => who.tracks.push(event));
  voice.on('track.removed', (event) => who.removed.push(event.userId));
  voice.on('closed', (event) => who.closed.push(event.reason));
  voice.on('peer.joined', (peer) => who.peersJoined.push(peer.userId));
  voice.on('peer.updated', ({ userId, state }) =>
    who.peersUpdated.push({ userId, selfMute: state.selfMute }),
  );
  return who;
}

describe('@bonfire/sdk voice against the voice service (auth, chat, voice, gateway as processes)', () => {
  let stack: Stack;
  let alice: VoicePerson;
  let bob: VoicePerson;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'voice', 'gateway'],
      serviceEnv: { voice: { VOICE_WORKERS: '1' } },
    });
    [alice, bob] = await Promise.all([voicePerson(stack.gateway.url), voicePerson(stack.gateway.url)]);
    await eventually(async () => {
      guildId = (await alice.client.guilds.create({ name: 'Voice club' })).id;
    }, 30_000);
    channelId = (await alice.client.channels.create(guildId, { name: 'Lounge', type: 'voice' })).id;
    const invite = await alice.client.invites.create(guildId);
    await eventually(async () => {
      await bob.client.invites.accept(invite.code);
    }, 30_000);
  }, 120_000);

  afterAll(async () => {
    for (const who of [alice, bob]) who?.client.close();
    await stack?.stop();
  });

  it('two clients join: REST, signaling, transports; each consumes the other’s microphone', async () => {
    await alice.voice.join(channelId, { microphoneTrack: microphone() });
    expect(alice.voice.state).toBe('connected');
    await bob.voice.join(channelId, { microphoneTrack: microphone() });
    expect(bob.voice.state).toBe('connected');

    await eventually(() => {
      expect(bob.tracks.map((track) => track.userId)).toEqual([alice.userId]);
      expect(alice.tracks.map((track) => track.userId)).toEqual([bob.userId]);
    });
    expect(bob.tracks[0]).toMatchObject({ kind: 'audio', source: 'microphone' });
    expect(alice.peersJoined).toContain(bob.userId);
    expect(bob.voice.peers.has(alice.userId)).toBe(true);

    const states = await alice.client.voice.channelStates(channelId);
    expect(states.map((state) => state.userId).sort()).toEqual([alice.userId, bob.userId].sort());
  });

  it('self mute pauses the producer and reaches the voice state the others see', async () => {
    await alice.voice.setSelfMute(true);
    await eventually(() => expect(bob.peersUpdated).toContainEqual({ userId: alice.userId, selfMute: true }));
    const states = await bob.client.voice.channelStates(channelId);
    expect(states.find((state) => state.userId === alice.userId)?.selfMute).toBe(true);
    await alice.voice.setSelfMute(false);
  });

  it('rejoins by itself when the mediasoup worker dies, and media is set up again', async ({ annotate }) => {
    const workers = mediasoupWorkersOf(stack.service('voice').port);
    expect(workers).toHaveLength(1);
    const states: string[] = [];
    const offState = bob.voice.on('state', (state) => states.push(state));
    const tracksBefore = bob.tracks.length;

    const killedAt = Date.now();
    process.kill(workers[0]!, 'SIGKILL');

    await eventually(() => {
      expect(states).toContain('reconnecting');
      expect(bob.voice.state).toBe('connected');
      expect(alice.voice.state).toBe('connected');
    }, 20_000);
    await eventually(
      () => expect(bob.voice.tracks.map((track) => track.userId)).toEqual([alice.userId]),
      10_000,
    );
    await annotate(`worker killed → both clients rejoined with media: ${Date.now() - killedAt} ms`);
    expect(bob.tracks.length).toBeGreaterThan(tracksBefore);
    expect(bob.closed).toEqual([]);
    expect(mediasoupWorkersOf(stack.service('voice').port)).not.toContain(workers[0]);
    offState();
  }, 40_000);

  it('a moderator disconnect closes the other client for good', async () => {
    await alice.client.voice.disconnect(guildId, bob.userId);
    await eventually(() => expect(bob.closed).toContain('disconnected'));
    expect(bob.voice.state).toBe('idle');
    await eventually(() => expect(alice.removed).toContain(bob.userId));
  });

  it('leave closes everything and removes the voice state', async () => {
    await alice.voice.leave();
    expect(alice.closed).toContain('client');
    await eventually(async () => expect(await bob.client.voice.channelStates(channelId)).toEqual([]));
  });
});
