import type {
  MediaJson,
  VoiceClientEvents,
  VoiceJoinResponse,
  VoicePeer,
  VoiceProducerInfo,
  VoiceState,
  VoiceWelcome,
} from '@bonfire/contracts';
import { describe, expect, it, vi } from 'vitest';
import type {
  ConsumerLike,
  DeviceLike,
  MediaTrackLike,
  ProduceOptions,
  ProducerLike,
  TransportCreateOptions,
  TransportLike,
  VoiceSignaling,
} from './ports';
import { CAMERA_SIMULCAST_ENCODINGS } from './media-encodings';
import { VoiceClient } from './voice-client';
import type { VoiceTrackEvent } from './voice-client-types';

type AnyHandler = (...args: never[]) => void;

const state = (userId: string, channelId: string | null, extra: Partial<VoiceState> = {}): VoiceState => ({
  userId,
  guildId: '100',
  channelId,
  sessionId: 'vs',
  selfMute: false,
  selfDeaf: false,
  mute: false,
  deaf: false,
  selfVideo: false,
  selfStream: false,
  joinedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

const producerInfo = (userId: string, producerId: string): VoiceProducerInfo => ({
  producerId,
  userId,
  kind: 'audio',
  source: 'microphone',
  paused: false,
});

/** Plays the voice node: answers every request like the server would and records the order. */
class FakeSignaling implements VoiceSignaling {
  connected = false;
  /** Called as each request arrives, before it is answered (to interleave server events). */
  onRequest?: (event: string, signaling: FakeSignaling) => void;
  readonly log: string[] = [];
  readonly requests: { event: string; request: unknown }[] = [];
  private readonly handlers = new Map<string, AnyHandler[]>();
  private nextId = 0;

  constructor(
    readonly endpoint: string,
    readonly token: string,
    private readonly welcome: VoiceWelcome | null,
    private readonly refuse: Partial<Record<keyof VoiceClientEvents, string>> = {},
  ) {}

  on(event: string, listener: AnyHandler): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
  }

  emit(event: string, request: unknown, ack: (answer: never) => void): void {
    this.log.push(event);
    this.requests.push({ event, request });
    this.onRequest?.(event, this);
    const refused = this.refuse[event as keyof VoiceClientEvents];
    if (refused) {
      queueMicrotask(() =>
        (ack as (answer: unknown) => void)({ ok: false, code: refused, message: `${event} refused` }),
      );
      return;
    }
    const data = this.answer(event, request as Record<string, unknown>);
    queueMicrotask(() => (ack as (answer: unknown) => void)({ ok: true, data }));
  }

  connect(): void {
    this.connected = true;
    if (this.welcome) queueMicrotask(() => this.server('welcome', this.welcome));
  }

  disconnect(): void {
    this.connected = false;
    this.log.push('disconnect');
  }

  server(event: string, payload: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (p: unknown) => void)(payload);
  }

  private answer(event: string, request: Record<string, unknown>): unknown {
    switch (event) {
      case 'transport.create':
        return { id: `t-${request['direction']}`, iceParameters: {}, iceCandidates: [], dtlsParameters: {} };
      case 'produce':
        return { producerId: `mine-${++this.nextId}` };
      case 'consume': {
        const producerId = request['producerId'] as string;
        const video = producerId.includes('cam') || producerId.includes('screen');
        return {
          consumerId: `c-${producerId}`,
          producerId,
          userId: producerId.split('-')[0],
          kind: video ? 'video' : 'audio',
          source: producerId.includes('cam')
            ? 'camera'
            : producerId.includes('screen')
              ? 'screen'
              : 'microphone',
          rtpParameters: {},
          paused: true,
        };
      }
      default:
        return {};
    }
  }
}

class FakeTrack implements MediaTrackLike {
  enabled = true;
  constructor(
    readonly id: string,
    readonly kind = 'audio',
  ) {}
  stop(): void {}
}

class FakeTransport implements TransportLike {
  closed = false;
  private connectedOnce = false;
  private readonly handlers = new Map<string, AnyHandler>();
  readonly consumers: FakeConsumer[] = [];
  readonly producers: FakeProducer[] = [];
  readonly produced: ProduceOptions[] = [];
  /** Throws like a browser refusing simulcast encodings. */
  refuseSimulcast = false;

  constructor(readonly options: TransportCreateOptions) {}

  get id(): string {
    return this.options.id;
  }

  on(event: string, listener: AnyHandler): void {
    this.handlers.set(event, listener);
  }

  /** Like mediasoup-client: the first use emits `connect` and waits for its callback. */
  private async ensureConnected(): Promise<void> {
    if (this.connectedOnce) return;
    this.connectedOnce = true;
    await new Promise<void>((resolve, reject) =>
      (this.handlers.get('connect') as (p: unknown, cb: () => void, eb: (e: Error) => void) => void)(
        { dtlsParameters: { role: 'client' } },
        resolve,
        reject,
      ),
    );
  }

  async produce(options: ProduceOptions): Promise<ProducerLike> {
    this.produced.push(options);
    if (this.refuseSimulcast && (options.encodings?.length ?? 0) > 1) throw new Error('no simulcast here');
    await this.ensureConnected();
    const { id } = await new Promise<{ id: string }>((resolve, reject) =>
      (
        this.handlers.get('produce') as (
          p: unknown,
          cb: (r: { id: string }) => void,
          eb: (e: Error) => void,
        ) => void
      )(
        {
          kind: options.track.kind as 'audio' | 'video',
          rtpParameters: { codecs: [] },
          appData: options.appData ?? {},
        },
        resolve,
        reject,
      ),
    );
    const producer = new FakeProducer(id, options.track);
    this.producers.push(producer);
    return producer;
  }

  async consume(options: { id: string; producerId: string; kind: 'audio' | 'video' }): Promise<ConsumerLike> {
    await this.ensureConnected();
    const consumer = new FakeConsumer(options.id, options.producerId, options.kind);
    this.consumers.push(consumer);
    return consumer;
  }

  failConnection(): void {
    (this.handlers.get('connectionstatechange') as (state: string) => void)('failed');
  }

  close(): void {
    this.closed = true;
  }
}

class FakeProducer implements ProducerLike {
  paused = false;
  closed = false;
  constructor(
    readonly id: string,
    public track: MediaTrackLike | null,
  ) {}
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  close(): void {
    this.closed = true;
  }
  async replaceTrack({ track }: { track: MediaTrackLike | null }): Promise<void> {
    this.track = track;
  }
}

class FakeConsumer implements ConsumerLike {
  paused = true;
  closed = false;
  readonly track: MediaTrackLike;
  constructor(
    readonly id: string,
    readonly producerId: string,
    kind: 'audio' | 'video' = 'audio',
  ) {
    this.track = new FakeTrack(`track-${producerId}`, kind);
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  close(): void {
    this.closed = true;
  }
}

class FakeDevice implements DeviceLike {
  loaded = false;
  loadedWith: MediaJson | null = null;
  readonly transports: FakeTransport[] = [];
  get rtpCapabilities(): MediaJson {
    return { codecs: ['opus', { mimeType: 'video/VP8', kind: 'video', clockRate: 90_000 }] };
  }
  async load({ routerRtpCapabilities }: { routerRtpCapabilities: MediaJson }): Promise<void> {
    this.loaded = true;
    this.loadedWith = routerRtpCapabilities;
  }
  createSendTransport(options: TransportCreateOptions): TransportLike {
    const transport = new FakeTransport(options);
    this.transports.push(transport);
    return transport;
  }
  createRecvTransport(options: TransportCreateOptions): TransportLike {
    return this.createSendTransport(options);
  }
}

const welcome = (channelId: string, peers: VoicePeer[] = []): VoiceWelcome => ({
  channelId,
  routerRtpCapabilities: { codecs: ['opus'], channel: channelId },
  peers,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(
  options: {
    peers?: VoicePeer[];
    refuse?: Partial<Record<keyof VoiceClientEvents, string>>;
    onRequest?: FakeSignaling['onRequest'];
  } = {},
) {
  const signalings: FakeSignaling[] = [];
  const devices: FakeDevice[] = [];
  const api = {
    join: vi.fn(
      async (
        channelId: string,
        body?: { selfMute?: boolean; selfDeaf?: boolean },
      ): Promise<VoiceJoinResponse> => ({
        endpoint: `http://voice-${signalings.length}.test`,
        token: `token-${channelId}`,
        expiresInSeconds: 60,
        state: state('1', channelId, {
          selfMute: body?.selfMute ?? false,
          selfDeaf: body?.selfDeaf ?? false,
        }),
      }),
    ),
    leave: vi.fn(async () => undefined),
    updateSelf: vi.fn(async (body: Partial<VoiceState>) => state('1', '200', body)),
  };
  const voice = new VoiceClient({
    api,
    userId: '1',
    deviceFactory: () => {
      const device = new FakeDevice();
      devices.push(device);
      return device;
    },
    signalingFactory: (endpoint, token) => {
      const channelId = token.replace('token-', '');
      const signaling = new FakeSignaling(
        endpoint,
        token,
        welcome(channelId, options.peers ?? []),
        options.refuse,
      );
      signaling.onRequest = options.onRequest;
      signalings.push(signaling);
      return signaling;
    },
    rejoinDelayMs: 1,
  });
  const tracks: VoiceTrackEvent[] = [];
  voice.on('track.added', (event) => tracks.push(event));
  return { voice, api, signalings, devices, tracks };
}

const alice: VoicePeer = { userId: '2', state: state('2', '200'), producers: [producerInfo('2', '2-p1')] };

describe('VoiceClient', () => {
  it('joins: REST → signaling with the voice token → welcome → device.load → join → transports → produce → consume', async () => {
    const { voice, api, signalings, devices, tracks } = setup({ peers: [alice] });
    const microphone = new FakeTrack('mic');

    await voice.join('200', { selfMute: false, microphoneTrack: microphone });

    expect(api.join).toHaveBeenCalledWith('200', { selfMute: false, selfDeaf: false });
    const signaling = signalings[0]!;
    expect(signaling.token).toBe('token-200');
    expect(devices[0]!.loadedWith).toEqual({ codecs: ['opus'], channel: '200' });
    expect(signaling.log).toEqual([
      'join',
      'transport.create',
      'transport.create',
      'transport.connect',
      'produce',
      'consume',
      'transport.connect',
      'consumer.resume',
    ]);
    expect(signaling.requests[0]!.request).toEqual({ rtpCapabilities: devices[0]!.rtpCapabilities });
    expect(signaling.requests.find((entry) => entry.event === 'produce')!.request).toMatchObject({
      transportId: 't-send',
      kind: 'audio',
      source: 'microphone',
    });
    expect(tracks).toEqual([
      expect.objectContaining({ userId: '2', source: 'microphone', producerId: '2-p1', kind: 'audio' }),
    ]);
    expect(voice.state).toBe('connected');
    expect(voice.peers.get('2')?.state.channelId).toBe('200');
    const consumer = devices[0]!.transports[1]!.consumers[0]!;
    expect(consumer.paused).toBe(false);
  });

  it('consumes producers announced later, never its own, and removes them when closed', async () => {
    const { voice, signalings, devices, tracks } = setup();
    const removed = vi.fn();
    voice.on('track.removed', removed);
    await voice.join('200', { microphoneTrack: new FakeTrack('mic') });
    const signaling = signalings[0]!;

    signaling.server('producer.added', producerInfo('1', '1-own'));
    signaling.server('peer.joined', { userId: '3', state: state('3', '200'), producers: [] });
    signaling.server('producer.added', producerInfo('3', '3-p1'));
    await settle();

    expect(tracks.map((track) => track.producerId)).toEqual(['3-p1']);
    expect(voice.peers.has('3')).toBe(true);

    signaling.server('producer.closed', { producerId: '3-p1' });
    expect(removed).toHaveBeenCalledWith({ userId: '3', producerId: '3-p1', source: 'microphone' });
    expect(devices[0]!.transports[1]!.consumers[0]!.closed).toBe(true);
    expect(voice.tracks).toEqual([]);

    signaling.server('peer.left', { userId: '3' });
    expect(voice.peers.has('3')).toBe(false);
  });

  it('consumes a producer announced between welcome and its receive transport (a peer rejoining meanwhile)', async () => {
    const { voice, tracks } = setup({
      onRequest: (event, signaling) => {
        if (event === 'join') signaling.server('producer.added', producerInfo('3', '3-early'));
      },
    });
    await voice.join('200', { microphoneTrack: new FakeTrack('mic') });
    await settle();
    expect(tracks.map((track) => track.producerId)).toEqual(['3-early']);
  });

  it('self mute pauses the producer and PATCHes selfMute; deafen pauses every consumer too', async () => {
    const { voice, api, signalings, devices } = setup({ peers: [alice] });
    await voice.join('200', { microphoneTrack: new FakeTrack('mic') });
    const signaling = signalings[0]!;
    const producer = devices[0]!.transports[0]!.producers[0]!;
    const consumer = devices[0]!.transports[1]!.consumers[0]!;

    await voice.setSelfMute(true);
    expect(producer.paused).toBe(true);
    expect(signaling.requests.at(-1)).toEqual({
      event: 'producer.pause',
      request: { producerId: producer.id },
    });
    expect(api.updateSelf).toHaveBeenLastCalledWith({ selfMute: true });

    await voice.setSelfMute(false);
    expect(producer.paused).toBe(false);

    await voice.setSelfDeaf(true);
    expect(consumer.paused).toBe(true);
    expect(producer.paused).toBe(true);
    expect(signaling.log).toContain('consumer.pause');
    expect(api.updateSelf).toHaveBeenLastCalledWith({ selfDeaf: true });

    await voice.setSelfDeaf(false);
    expect(consumer.paused).toBe(false);
    expect(producer.paused).toBe(false);
  });

  it('joining muted produces a paused microphone', async () => {
    const { voice, devices, signalings } = setup();
    await voice.join('200', { selfMute: true, microphoneTrack: new FakeTrack('mic') });
    expect(devices[0]!.transports[0]!.producers[0]!.paused).toBe(true);
    expect(signalings[0]!.log).toContain('producer.pause');
  });

  it('stays in the room listening when producing is refused (server-muted)', async () => {
    const { voice, tracks } = setup({ peers: [alice], refuse: { produce: 'MISSING_PERMISSION' } });
    const errors = vi.fn();
    voice.on('error', errors);
    await voice.join('200', { microphoneTrack: new FakeTrack('mic') });
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ code: 'MISSING_PERMISSION' }));
    expect(voice.state).toBe('connected');
    expect(tracks).toHaveLength(1);
  });

  it('leave closes media and signaling and DELETEs the voice state', async () => {
    const { voice, api, signalings, devices } = setup({ peers: [alice] });
    const closed = vi.fn();
    voice.on('closed', closed);
    await voice.join('200', { microphoneTrack: new FakeTrack('mic') });

    await voice.leave();

    expect(api.leave).toHaveBeenCalledTimes(1);
    expect(signalings[0]!.connected).toBe(false);
    expect(devices[0]!.transports.every((transport) => transport.closed)).toBe(true);
    expect(devices[0]!.transports[0]!.producers[0]!.closed).toBe(true);
    expect(closed).toHaveBeenCalledWith({ reason: 'client', channelId: '200' });
    expect(voice.state).toBe('idle');
  });

  it('rejoins the same channel after closed {worker-died}, producing the same microphone again', async () => {
    const { voice, api, signalings, devices } = setup({ peers: [alice] });
    const microphone = new FakeTrack('mic');
    const states: string[] = [];
    voice.on('state', (value) => states.push(value));
    await voice.join('200', { microphoneTrack: microphone });

    signalings[0]!.server('closed', { reason: 'worker-died' });
    await vi.waitFor(() => expect(voice.state).toBe('connected'));

    expect(api.join).toHaveBeenCalledTimes(2);
    expect(api.join).toHaveBeenLastCalledWith('200', { selfMute: false, selfDeaf: false });
    expect(signalings).toHaveLength(2);
    expect(signalings[0]!.connected).toBe(false);
    expect(devices[1]!.transports[0]!.producers[0]!.track).toBe(microphone);
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(api.leave).not.toHaveBeenCalled();
  });

  it('follows closed {moved} to the new channel', async () => {
    const { voice, api, signalings } = setup();
    const joined = vi.fn();
    voice.on('joined', joined);
    await voice.join('200');

    signalings[0]!.server('closed', { reason: 'moved', channelId: '300' });
    await vi.waitFor(() => expect(voice.channelId).toBe('300'));
    await vi.waitFor(() => expect(voice.state).toBe('connected'));

    expect(api.join).toHaveBeenLastCalledWith('300', { selfMute: false, selfDeaf: false });
    expect(joined).toHaveBeenLastCalledWith(expect.objectContaining({ channelId: '300' }));
  });

  it('ends on closed {disconnected} without rejoining', async () => {
    const { voice, api, signalings } = setup();
    const closed = vi.fn();
    voice.on('closed', closed);
    await voice.join('200');

    signalings[0]!.server('closed', { reason: 'disconnected' });

    expect(closed).toHaveBeenCalledWith({ reason: 'disconnected', channelId: '200' });
    expect(voice.state).toBe('idle');
    await settle();
    expect(api.join).toHaveBeenCalledTimes(1);
  });

  it('rejoins when the signaling connection drops, and gives up after a 4xx refusal', async () => {
    const { voice, api, signalings } = setup();
    const closed = vi.fn();
    voice.on('closed', closed);
    await voice.join('200');

    api.join.mockRejectedValueOnce(
      Object.assign(new Error('no'), { status: 403, code: 'MISSING_PERMISSION' }),
    );
    signalings[0]!.server('disconnect', 'transport close');

    await vi.waitFor(() => expect(closed).toHaveBeenCalledWith({ reason: 'failed', channelId: '200' }));
    expect(api.join).toHaveBeenCalledTimes(2);
    expect(voice.state).toBe('idle');
  });

  it('forwards speaking and peer updates', async () => {
    const { voice, signalings } = setup({ peers: [alice] });
    const speaking = vi.fn();
    const updated = vi.fn();
    voice.on('speaking', speaking);
    voice.on('peer.updated', updated);
    await voice.join('200');

    signalings[0]!.server('speaking', { userId: '2', speaking: true });
    signalings[0]!.server('peer.updated', { userId: '2', state: state('2', '200', { selfMute: true }) });

    expect(speaking).toHaveBeenCalledWith({ userId: '2', speaking: true });
    expect(updated).toHaveBeenCalledWith(expect.objectContaining({ userId: '2' }));
    expect(voice.peers.get('2')?.state.selfMute).toBe(true);
  });

  describe('camera and screen share', () => {
    const video = (producerId: string, source: 'camera' | 'screen'): VoiceProducerInfo => ({
      producerId,
      userId: producerId.split('-')[0]!,
      kind: 'video',
      source,
      paused: false,
    });

    it('sends the camera as its own VP8 producer with simulcast layers, and stops it', async () => {
      const { voice, signalings, devices } = setup();
      await voice.join('200', { microphoneTrack: new FakeTrack('mic') });
      const camera = new FakeTrack('cam', 'video');

      await voice.setCamera(camera);

      const send = devices[0]!.transports[0]!;
      const options = send.produced.at(-1)!;
      expect(options.track).toBe(camera);
      expect(options.codec).toMatchObject({ mimeType: 'video/VP8' });
      expect(options.encodings).toEqual(CAMERA_SIMULCAST_ENCODINGS);
      expect(options.appData).toEqual({ source: 'camera' });
      const produce = signalings[0]!.requests.filter((entry) => entry.event === 'produce');
      expect(produce.map((entry) => entry.request)).toEqual([
        expect.objectContaining({ kind: 'audio', source: 'microphone' }),
        expect.objectContaining({ kind: 'video', source: 'camera' }),
      ]);
      expect(voice.camera).toBe(camera);

      await voice.setCamera(null);
      const producer = send.producers.at(-1)!;
      expect(producer.closed).toBe(true);
      expect(signalings[0]!.requests.at(-1)).toEqual({
        event: 'producer.close',
        request: { producerId: producer.id },
      });
      expect(send.producers[0]!.closed).toBe(false);
      expect(voice.camera).toBeNull();
    });

    it('falls back to one layer when the browser refuses simulcast; replaces the track in place', async () => {
      const { voice, devices, signalings } = setup();
      await voice.join('200');
      devices[0]!.transports[0]!.refuseSimulcast = true;

      await voice.setCamera(new FakeTrack('cam', 'video'));
      const send = devices[0]!.transports[0]!;
      expect(send.produced.map((options) => options.encodings?.length)).toEqual([3, 1]);
      expect(send.producers).toHaveLength(1);

      const other = new FakeTrack('cam2', 'video');
      await voice.setCamera(other);
      expect(send.producers).toHaveLength(1);
      expect(send.producers[0]!.track).toBe(other);
      expect(signalings[0]!.log.filter((event) => event === 'produce')).toHaveLength(1);
    });

    it('shares the screen as a video producer and its sound as a screen-audio producer', async () => {
      const { voice, signalings, devices } = setup();
      await voice.join('200');
      const screen = { video: new FakeTrack('screen', 'video'), audio: new FakeTrack('screen-sound') };

      await voice.setScreenShare(screen);

      const produce = signalings[0]!.requests.filter((entry) => entry.event === 'produce');
      expect(produce.map((entry) => entry.request)).toEqual([
        expect.objectContaining({ kind: 'video', source: 'screen' }),
        expect.objectContaining({ kind: 'audio', source: 'screen-audio' }),
      ]);
      const send = devices[0]!.transports[0]!;
      expect(send.produced[0]!.encodings).toHaveLength(1);

      await voice.setScreenShare(null);
      expect(send.producers.every((producer) => producer.closed)).toBe(true);
      expect(signalings[0]!.log.filter((event) => event === 'producer.close')).toHaveLength(2);
      expect(voice.screenShare).toBeNull();
    });

    it('rejects and forgets the camera when the server refuses it (no STREAM)', async () => {
      const { voice } = setup({ refuse: { produce: 'MISSING_PERMISSION' } });
      await voice.join('200');
      await expect(voice.setCamera(new FakeTrack('cam', 'video'))).rejects.toMatchObject({
        code: 'MISSING_PERMISSION',
      });
      expect(voice.camera).toBeNull();
    });

    it('forgets a camera the server closed (STREAM lost) and says so', async () => {
      const { voice, signalings, devices } = setup();
      const stopped = vi.fn();
      voice.on('media.stopped', stopped);
      await voice.join('200');
      await voice.setCamera(new FakeTrack('cam', 'video'));
      const producer = devices[0]!.transports[0]!.producers[0]!;

      signalings[0]!.server('producer.closed', { producerId: producer.id });

      expect(stopped).toHaveBeenCalledWith({ source: 'camera' });
      expect(producer.closed).toBe(true);
      expect(voice.camera).toBeNull();
    });

    it('sends the camera again after a rejoin', async () => {
      const { voice, signalings } = setup();
      await voice.join('200');
      const camera = new FakeTrack('cam', 'video');
      await voice.setCamera(camera);

      signalings[0]!.server('closed', { reason: 'worker-died' });
      await vi.waitFor(() => expect(voice.state).toBe('connected'));
      await vi.waitFor(() =>
        expect(signalings[1]!.requests).toContainEqual({
          event: 'produce',
          request: expect.objectContaining({ source: 'camera', kind: 'video' }),
        }),
      );
    });

    it('receives video producers as video tracks, and keeps them playing while deafened', async () => {
      const bob: VoicePeer = {
        userId: '3',
        state: state('3', '200', { selfVideo: true }),
        producers: [producerInfo('3', '3-mic'), video('3-cam', 'camera')],
      };
      const { voice, tracks, devices } = setup({ peers: [bob] });
      await voice.join('200');
      expect(tracks.map((track) => [track.producerId, track.kind, track.source]).sort()).toEqual([
        ['3-cam', 'video', 'camera'],
        ['3-mic', 'audio', 'microphone'],
      ]);
      await voice.setSelfDeaf(true);
      const consumers = devices[0]!.transports[1]!.consumers;
      const audio = consumers.find((consumer) => consumer.producerId === '3-mic');
      const camera = consumers.find((consumer) => consumer.producerId === '3-cam');
      expect(audio!.paused).toBe(true);
      expect(camera!.paused).toBe(false);
    });
  });
});
