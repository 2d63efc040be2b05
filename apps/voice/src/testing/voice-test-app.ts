import { randomBytes } from 'node:crypto';
import {
  VOICE_SIGNALING_NAMESPACE,
  VOICE_SIGNALING_PATH,
  type VoiceAck,
  type VoiceClientEvent,
  type VoiceClientEvents,
  type VoiceServerEvent,
  type VoiceServerEvents,
} from '@bonfire/contracts';
import { REDIS, type Redis } from '@bonfire/platform';
import { ServiceTestClient } from '@bonfire/platform/testing';
import { io, type Socket } from 'socket.io-client';
import { type RunningVoice, startVoice } from '../bootstrap';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { RoomsService } from '../rooms/rooms.service';
import { VoiceKeys } from '../voice.keys';
import { WorkerPool } from '../workers/worker-pool';
import { FakeChat } from './fake-chat';
import { deleteVoiceKeys } from './redis-test-keys';

/**
 * The voice service started in-process with a fake chat (see FakeChat) and a client that calls it as the
 * gateway would (signed identity header). Distributed (the default): on the real Redis, Kafka and
 * mediasoup workers, each app with its own Redis key prefix; `BONFIRE_MODE: 'standalone'`: in-memory
 * stores and the in-process event bus.
 */
export class VoiceTestApp {
  private constructor(
    readonly service: RunningVoice,
    readonly client: ServiceTestClient,
    readonly chat: FakeChat,
    private readonly ownsChat: boolean,
  ) {}

  private stopped = false;

  /** Pass `shared.chat` (and the same VOICE_KEY_PREFIX) to run several voice nodes side by side. */
  static async start(
    env: Record<string, string> = {},
    shared: { chat?: FakeChat } = {},
  ): Promise<VoiceTestApp> {
    const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
    const chat = shared.chat ?? (await FakeChat.start(secret));
    try {
      const service = await startVoice(
        {
          ...process.env,
          VOICE_PORT: '0',
          VOICE_SIGNALING_PORT: '0',
          VOICE_PUBLIC_URL: undefined,
          VOICE_WORKERS: '2',
          VOICE_KEY_PREFIX: `voice-test-${randomBytes(4).toString('hex')}`,
          VOICE_MEMBERS_CONSUMER_ENABLED: 'false',
          CHAT_URL: chat.url,
          LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
          ...env,
        },
        { handleSignals: false },
      );
      return new VoiceTestApp(service, new ServiceTestClient(service.url, secret), chat, !shared.chat);
    } catch (error) {
      if (!shared.chat) await chat.stop();
      throw error;
    }
  }

  /** The public signaling listener (the join answer's endpoint); `service.url` is the internal one. */
  get signalingUrl(): string {
    return this.service.signalingUrl;
  }

  get rooms(): RoomsService {
    return this.service.app.get(RoomsService);
  }

  get workers(): WorkerPool {
    return this.service.app.get(WorkerPool);
  }

  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: Parameters<ServiceTestClient['call']>[2] = {},
  ) {
    return this.client.call<T>(method, path, options);
  }

  /** Stops the service and removes the Redis keys of its prefix (unless another node still uses them). */
  async stop(options: { keepKeys?: boolean } = {}): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const distributed = this.service.app.get<VoiceConfig>(VOICE_CONFIG).BONFIRE_MODE === 'distributed';
    if (distributed && !options.keepKeys) {
      await deleteVoiceKeys(this.service.app.get<Redis>(REDIS), this.service.app.get(VoiceKeys));
    }
    await this.service.stop();
    if (this.ownsChat) await this.chat.stop();
  }
}

/** A Node-side signaling client: typed requests with acks, and a log of server events. */
export class SignalingClient {
  readonly received: { event: VoiceServerEvent; data: unknown }[] = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((event: VoiceServerEvent, data: unknown) => this.received.push({ event, data }));
  }

  /** Connects with a voice token; resolves with the `welcome`, rejects with the handshake refusal code. */
  static connect(
    endpoint: string,
    token: string | undefined,
  ): Promise<{ client: SignalingClient; welcome: VoiceServerEvents['welcome'] }> {
    const socket = io(`${endpoint}${VOICE_SIGNALING_NAMESPACE}`, {
      path: VOICE_SIGNALING_PATH,
      transports: ['websocket'],
      auth: token === undefined ? {} : { token },
      reconnection: false,
      forceNew: true,
    });
    const client = new SignalingClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
      socket.once('welcome', (welcome: VoiceServerEvents['welcome']) => resolve({ client, welcome }));
    });
  }

  async request<E extends VoiceClientEvent>(
    event: E,
    payload: VoiceClientEvents[E]['request'] | unknown,
  ): Promise<VoiceAck<VoiceClientEvents[E]['result']>> {
    return (await this.socket.timeout(10_000).emitWithAck(event, payload)) as VoiceAck<
      VoiceClientEvents[E]['result']
    >;
  }

  /** The result of a request that must succeed. */
  async ok<E extends VoiceClientEvent>(
    event: E,
    payload: VoiceClientEvents[E]['request'],
  ): Promise<VoiceClientEvents[E]['result']> {
    const ack = await this.request(event, payload);
    if (!ack.ok) throw new Error(`${event} refused: ${ack.code} ${ack.message}`);
    return ack.data;
  }

  events<E extends VoiceServerEvent>(event: E): VoiceServerEvents[E][] {
    return this.received
      .filter((entry) => entry.event === event)
      .map((entry) => entry.data as VoiceServerEvents[E]);
  }

  /** Resolves with the next (or an already received, matching) server event. */
  async next<E extends VoiceServerEvent>(
    event: E,
    matches: (data: VoiceServerEvents[E]) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<VoiceServerEvents[E]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events(event).find(matches);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${event} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** DTLS parameters a client would send: mediasoup accepts them (no DTLS handshake happens in tests). */
export function fakeDtlsParameters(): Record<string, unknown> {
  const bytes = [...randomBytes(32)].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase());
  return { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: bytes.join(':') }] };
}

/** Opus RTP parameters as a browser sends them for a microphone. */
export function opusRtpParameters(
  ssrc = 1_000 + Math.floor(Math.random() * 1_000_000),
): Record<string, unknown> {
  return {
    mid: '0',
    codecs: [
      {
        mimeType: 'audio/opus',
        payloadType: 111,
        clockRate: 48_000,
        channels: 2,
        parameters: { minptime: 10, useinbandfec: 1 },
        rtcpFeedback: [],
      },
    ],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: `test-${ssrc}`, reducedSize: true },
  };
}
