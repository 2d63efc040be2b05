/**
 * Browser side of the voice browser test: a minimal voice client (mediasoup-client + socket.io-client),
 * bundled with esbuild and loaded in Debian Chromium. The test drives it through `window.voiceHarness`.
 */
import {
  VOICE_SIGNALING_NAMESPACE,
  VOICE_SIGNALING_PATH,
  type VoiceAck,
  type VoiceClientEvent,
  type VoiceClientEvents,
  type VoiceConsumerOptions,
  type VoiceProducerInfo,
  type VoiceTransportOptions,
  type VoiceWelcome,
} from '@bonfire/contracts';
import { Device, type types } from 'mediasoup-client';
import { io } from 'socket.io-client';

export interface VoiceHarness {
  start(endpoint: string, token: string): Promise<void>;
  /** Audio bytes received so far over all consumers (inbound-rtp stats). */
  bytesReceived(): Promise<number>;
  /** Pauses the microphone producer here and on the server. */
  mute(): Promise<void>;
  consumerCount(): number;
  leave(): void;
  log: string[];
}

const log: string[] = [];
let state: {
  socket: ReturnType<typeof io>;
  recv: types.Transport;
  send: types.Transport;
  producer: types.Producer;
  consumers: Map<string, types.Consumer>;
} | null = null;

async function start(endpoint: string, token: string): Promise<void> {
  const socket = io(`${endpoint}${VOICE_SIGNALING_NAMESPACE}`, {
    path: VOICE_SIGNALING_PATH,
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
  });
  socket.onAny((event: string) => log.push(`event ${event}`));
  socket.on('speaking', ({ userId, speaking }: { userId: string; speaking: boolean }) =>
    log.push(`speaking ${userId} ${speaking}`),
  );
  const welcome = await new Promise<VoiceWelcome>((resolve, reject) => {
    socket.once('welcome', resolve);
    socket.once('connect_error', reject);
  });
  const request = async <E extends VoiceClientEvent>(
    event: E,
    payload: VoiceClientEvents[E]['request'],
  ): Promise<VoiceClientEvents[E]['result']> => {
    const ack = (await socket.emitWithAck(event, payload)) as VoiceAck<VoiceClientEvents[E]['result']>;
    if (!ack.ok) throw new Error(`${event}: ${ack.code} ${ack.message}`);
    return ack.data;
  };

  const device = new Device();
  await device.load({
    routerRtpCapabilities: welcome.routerRtpCapabilities as unknown as types.RtpCapabilities,
  });
  await request('join', { rtpCapabilities: device.rtpCapabilities as unknown as Record<string, unknown> });

  const transportOptions = (options: VoiceTransportOptions) => ({
    id: options.id,
    iceParameters: options.iceParameters as unknown as types.IceParameters,
    iceCandidates: options.iceCandidates as unknown as types.IceCandidate[],
    dtlsParameters: options.dtlsParameters as unknown as types.DtlsParameters,
  });
  const connectOn = (transport: types.Transport) =>
    transport.on('connect', ({ dtlsParameters }, done, fail) => {
      request('transport.connect', {
        transportId: transport.id,
        dtlsParameters: dtlsParameters as unknown as Record<string, unknown>,
      }).then(() => done(), fail);
    });

  const send = device.createSendTransport(
    transportOptions(await request('transport.create', { direction: 'send' })),
  );
  connectOn(send);
  send.on('produce', ({ kind, rtpParameters }, done, fail) => {
    request('produce', {
      transportId: send.id,
      kind,
      rtpParameters: rtpParameters as unknown as Record<string, unknown>,
      source: 'microphone',
    }).then(({ producerId }) => done({ id: producerId }), fail);
  });
  const recv = device.createRecvTransport(
    transportOptions(await request('transport.create', { direction: 'recv' })),
  );
  connectOn(recv);
  send.on('connectionstatechange', (s) => log.push(`send ${s}`));
  recv.on('connectionstatechange', (s) => log.push(`recv ${s}`));

  const consumers = new Map<string, types.Consumer>();
  const consume = async (producerId: string) => {
    const options: VoiceConsumerOptions = await request('consume', { transportId: recv.id, producerId });
    const consumer = await recv.consume({
      id: options.consumerId,
      producerId,
      kind: options.kind,
      rtpParameters: options.rtpParameters as unknown as types.RtpParameters,
    });
    consumers.set(consumer.id, consumer);
    const audio = new Audio();
    audio.srcObject = new MediaStream([consumer.track]);
    void audio.play().catch(() => undefined);
    await request('consumer.resume', { consumerId: consumer.id });
  };
  socket.on(
    'producer.added',
    (info: VoiceProducerInfo) => void consume(info.producerId).catch((e) => log.push(String(e))),
  );
  socket.on('consumer.closed', ({ consumerId }: { consumerId: string }) => {
    consumers.get(consumerId)?.close();
    consumers.delete(consumerId);
  });

  const media = await navigator.mediaDevices.getUserMedia({ audio: true });
  const producer = await send.produce({ track: media.getAudioTracks()[0]! });
  for (const peer of welcome.peers) for (const info of peer.producers) await consume(info.producerId);
  state = { socket, recv, send, producer, consumers };
}

const harness: VoiceHarness = {
  start,
  async bytesReceived() {
    if (!state) return 0;
    let total = 0;
    const stats = await state.recv.getStats();
    stats.forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') total += report.bytesReceived ?? 0;
    });
    return total;
  },
  async mute() {
    if (!state) return;
    state.producer.pause();
    const ack = (await state.socket.emitWithAck('producer.pause', {
      producerId: state.producer.id,
    })) as VoiceAck<unknown>;
    if (!ack.ok) throw new Error(`producer.pause: ${ack.code}`);
  },
  consumerCount: () => state?.consumers.size ?? 0,
  leave() {
    state?.send.close();
    state?.recv.close();
    state?.socket.close();
  },
  log,
};

(window as unknown as { voiceHarness: VoiceHarness }).voiceHarness = harness;

// What the screenshots show: this page's voice state, refreshed twice a second.
setInterval(() => {
  void harness.bytesReceived().then((received) => {
    const status = document.getElementById('status');
    if (!status) return;
    status.textContent = [
      `signaling: ${state?.socket.connected ? 'connected' : 'closed'}`,
      `microphone: ${state ? (state.producer.paused ? 'muted' : 'sending') : '-'}`,
      `consumers: ${harness.consumerCount()}`,
      `audio bytes received: ${received}`,
      `send transport: ${state?.send.connectionState ?? '-'}, recv transport: ${state?.recv.connectionState ?? '-'}`,
      '',
      ...log.slice(-12),
    ].join('\n');
  });
}, 500);
