import { EventBusTransport } from '@bonfire/messaging';
import {
  ensureDependencies,
  loadConfig,
  type RunningService,
  serveOpenApi,
  startService,
} from '@bonfire/platform';
import { VoiceServiceModule } from './app.module';
import { voiceConfigSchema } from './config';
import { RoomsService } from './rooms/rooms.service';
import { SignalingIoAdapter } from './signaling/signaling-io.adapter';
import { SignalingListener } from './signaling/signaling-listener';
import { SignalingServer } from './signaling/signaling.server';

export interface RunningVoice extends RunningService {
  /**
   * The public signaling listener (VOICE_SIGNALING_HOST/PORT): socket.io only. `url` is the internal
   * one (VOICE_PORT): REST, health, /metrics.
   */
  signalingUrl: string;
}

export async function startVoice(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningVoice> {
  const config = loadConfig('voice', voiceConfigSchema, environment);
  await ensureDependencies(config);
  const handleSignals = options.handleSignals ?? true;
  const running = await startService({
    name: 'voice',
    module: VoiceServiceModule.register(config),
    host: config.VOICE_HOST,
    port: config.VOICE_PORT,
    jsonBodyLimit: '16kb',
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    configure: (app) => {
      // Signaling's socket.io platform: SignalingGateway's server on the public signaling listener.
      app.useWebSocketAdapter(
        new SignalingIoAdapter(app, app.get(SignalingListener), app.get(RoomsService).mediaUnavailable),
      );
      serveOpenApi(app, {
        title: 'Bonfire voice',
        description: 'Voice states and the join into mediasoup SFU rooms (signaling is socket.io).',
      });
    },
    transports: (app) => [EventBusTransport.for(app)],
    handleSignals,
  });
  // Signaling sockets are long-lived: tell their clients to rejoin elsewhere as soon as shutdown starts,
  // instead of letting the HTTP drain wait for them.
  const signaling = running.app.get(SignalingServer);
  if (handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void signaling.drain());
  }
  return {
    ...running,
    signalingUrl: running.app.get(SignalingListener).url,
    stop: async () => {
      await signaling.drain();
      await running.stop();
    },
  };
}
