import { VOICE_SIGNALING_NAMESPACE, VOICE_SIGNALING_PATH } from '@bonfire/contracts';
import { io } from 'socket.io-client';
import type { VoiceSignaling, VoiceSignalingFactory } from './ports';

/** socket.io to the voice node: `endpoint + VOICE_SIGNALING_NAMESPACE` at VOICE_SIGNALING_PATH, auth {token}. */
export const defaultVoiceSignalingFactory: VoiceSignalingFactory = (endpoint, token) =>
  io(endpoint.replace(/\/+$/, '') + VOICE_SIGNALING_NAMESPACE, {
    path: VOICE_SIGNALING_PATH,
    auth: { token },
    autoConnect: false,
    // The helper rejoins through REST itself (a fresh voice token), so socket.io must not retry with a stale one.
    reconnection: false,
    transports: ['websocket'],
  }) as unknown as VoiceSignaling;
