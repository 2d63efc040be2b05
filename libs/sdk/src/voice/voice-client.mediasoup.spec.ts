import type { VoiceConsumerOptions, VoicePeer, VoiceState } from '@bonfire/contracts';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { describe, expect, it, vi } from 'vitest';
import { createDeviceFactory } from './defaults';
import type { MediaTrackLike, VoiceSignaling } from './ports';
import { VoiceClient } from './voice-client';
import type { VoiceTrackEvent } from './voice-client-types';

/**
 * The voice state machine on the real mediasoup-client Device and transports (its FakeHandler stands in
 * for the browser's RTCPeerConnection): proves the wiring of `connect` / `produce` events to the
 * signaling acknowledgements with the parameters mediasoup-client really produces.
 */

type AnyHandler = (payload: never) => void;

const state = (userId: string): VoiceState => ({
  userId,
  guildId: '100',
  channelId: '200',
  sessionId: 'vs',
  selfMute: false,
  selfDeaf: false,
  mute: false,
  deaf: false,
  selfVideo: false,
  selfStream: false,
  joinedAt: '2026-01-01T00:00:00Z',
});

class MediasoupServerDouble implements VoiceSignaling {
  connected = false;
  readonly requests: { event: string; request: Record<string, unknown> }[] = [];
  private readonly handlers = new Map<string, AnyHandler[]>();

  constructor(private readonly peers: VoicePeer[]) {}

  on(event: string, listener: AnyHandler): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
  }

  emit(event: string, request: unknown, ack: (answer: never) => void): void {
    this.requests.push({ event, request: request as Record<string, unknown> });
    const data = this.answer(event, request as Record<string, unknown>);
    queueMicrotask(() => (ack as (answer: unknown) => void)({ ok: true, data }));
  }

  connect(): void {
    this.connected = true;
    queueMicrotask(() =>
      this.server('welcome', {
        channelId: '200',
        routerRtpCapabilities: fakeParameters.generateRouterRtpCapabilities(),
        peers: this.peers,
      }),
    );
  }

  disconnect(): void {
    this.connected = false;
  }

  server(event: string, payload: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (payload: unknown) => void)(payload);
  }

  private answer(event: string, request: Record<string, unknown>): unknown {
    switch (event) {
      case 'transport.create':
        return fakeParameters.generateTransportRemoteParameters();
      case 'produce':
        return { producerId: fakeParameters.generateProducerRemoteParameters().id };
      case 'consume': {
        const remote = fakeParameters.generateConsumerRemoteParameters({ codecMimeType: 'audio/opus' });
        const answer: VoiceConsumerOptions = {
          consumerId: remote.id,
          producerId: request['producerId'] as string,
          userId: '2',
          kind: 'audio',
          source: 'microphone',
          rtpParameters: remote.rtpParameters as unknown as Record<string, unknown>,
          paused: true,
        };
        return answer;
      }
      default:
        return {};
    }
  }
}

/** Enough of a MediaStreamTrack for mediasoup-client's producer. */
function microphone(): MediaTrackLike {
  return {
    kind: 'audio',
    id: 'mic-1',
    enabled: true,
    readyState: 'live',
    stop: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  } as MediaTrackLike;
}

describe('VoiceClient on mediasoup-client (FakeHandler)', () => {
  it('connects both transports, produces the microphone and consumes a peer with real mediasoup parameters', async () => {
    const peer: VoicePeer = {
      userId: '2',
      state: state('2'),
      producers: [{ producerId: 'p-2', userId: '2', kind: 'audio', source: 'microphone', paused: false }],
    };
    const server = new MediasoupServerDouble([peer]);
    const voice = new VoiceClient({
      api: {
        join: vi.fn(async () => ({
          endpoint: 'http://voice.test',
          token: 't',
          expiresInSeconds: 60,
          state: state('1'),
        })),
        leave: vi.fn(async () => undefined),
        updateSelf: vi.fn(async () => state('1')),
      },
      userId: '1',
      deviceFactory: createDeviceFactory({ handlerFactory: FakeHandler.createFactory(fakeParameters) }),
      signalingFactory: () => server,
    });
    const tracks: VoiceTrackEvent[] = [];
    voice.on('track.added', (event) => tracks.push(event));

    await voice.join('200', { microphoneTrack: microphone() });

    const events = server.requests.map((entry) => entry.event);
    expect(events.filter((event) => event === 'transport.connect')).toHaveLength(2);
    const join = server.requests.find((entry) => entry.event === 'join')!;
    expect((join.request['rtpCapabilities'] as { codecs: unknown[] }).codecs.length).toBeGreaterThan(0);
    const connect = server.requests.find((entry) => entry.event === 'transport.connect')!;
    expect(connect.request['dtlsParameters']).toMatchObject({ fingerprints: expect.any(Array) });
    const produce = server.requests.find((entry) => entry.event === 'produce')!;
    expect(produce.request).toMatchObject({ kind: 'audio', source: 'microphone' });
    expect(
      (produce.request['rtpParameters'] as { codecs: { mimeType: string }[] }).codecs[0]!.mimeType,
    ).toMatch(/opus/i);
    expect(tracks).toHaveLength(1);
    expect(tracks[0]).toMatchObject({ userId: '2', kind: 'audio', source: 'microphone', producerId: 'p-2' });
    expect(tracks[0]!.track.kind).toBe('audio');
    expect(events).toContain('consumer.resume');

    await voice.setSelfMute(true);
    expect(server.requests.at(-1)!.event).toBe('producer.pause');
    await voice.leave();
    expect(voice.state).toBe('idle');
  });
});
