import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Channel } from '@bonfire/sdk';
import type { VoiceClient, VoiceConnectionState } from '@bonfire/sdk/voice';
import { useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';
import { notify } from '../ui/Toasts';
import { VoiceAvailability, type VoiceAvailabilityState } from './voice-availability';

export interface VoiceControls {
  state: VoiceConnectionState;
  channel: Channel | null;
  selfMute: boolean;
  selfDeaf: boolean;
  /** Joined without a microphone (permission refused or none): listening only. */
  listenOnly: boolean;
  /** Whether voice channels can be joined (the server's status, or a join refused VOICE_UNAVAILABLE). */
  availability: VoiceAvailabilityState;
  join: (channel: Channel) => Promise<void>;
  leave: () => Promise<void>;
  toggleMute: () => Promise<void>;
  toggleDeaf: () => Promise<void>;
}

const VoiceContext = createContext<VoiceControls | null>(null);

export function useVoice(): VoiceControls {
  const voice = useContext(VoiceContext);
  if (!voice) throw new Error('useVoice outside VoiceProvider');
  return voice;
}

async function microphone(): Promise<MediaStreamTrack | null> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true },
    });
    return stream.getAudioTracks()[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * One voice session per signed-in page (the SDK's VoiceClient): joining another channel moves there.
 * Received audio plays through hidden <audio> elements; speaking changes feed the shared state so the
 * channel list shows who is talking.
 */
export function VoiceProvider({ children }: { children: ReactNode }) {
  const store = useStore();
  const [state, setState] = useState<VoiceConnectionState>('idle');
  const [channel, setChannel] = useState<Channel | null>(null);
  const [selfMute, setSelfMute] = useState(false);
  const [selfDeaf, setSelfDeaf] = useState(false);
  const [listenOnly, setListenOnly] = useState(false);
  const clientRef = useRef<VoiceClient | null>(null);
  const audioRef = useRef(new Map<string, HTMLAudioElement>());
  const trackRef = useRef<MediaStreamTrack | null>(null);
  const availabilityStore = useMemo(() => new VoiceAvailability(store.client.voice), [store]);
  const availability = useSyncExternalStore(availabilityStore.subscribe, availabilityStore.getState);

  useEffect(() => {
    void availabilityStore.refresh();
  }, [availabilityStore]);

  const voice = useCallback(async (): Promise<VoiceClient> => {
    if (clientRef.current) return clientRef.current;
    // mediasoup-client loads with the first join: people who never use voice never download it.
    const { createVoiceClient } = await import('./voice-loader');
    if (clientRef.current) return clientRef.current;
    const me = store.getState().me!;
    const client = createVoiceClient(store.client, { userId: me.id });
    client.on('state', setState);
    client.on('speaking', ({ userId, speaking }) => store.setSpeaking(userId, speaking));
    client.on('track.added', (event) => {
      if (event.kind !== 'audio') return;
      const audio = new Audio();
      audio.autoplay = true;
      audio.srcObject = new MediaStream([event.track as MediaStreamTrack]);
      audio.muted = client.selfDeaf;
      audioRef.current.set(event.producerId, audio);
      void audio.play().catch(() => undefined);
    });
    client.on('track.removed', ({ producerId }) => {
      const audio = audioRef.current.get(producerId);
      if (audio) audio.srcObject = null;
      audioRef.current.delete(producerId);
    });
    client.on('closed', ({ reason }) => {
      setChannel(null);
      trackRef.current?.stop();
      trackRef.current = null;
      if (reason === 'disconnected') notify('A moderator disconnected you from voice.', 'info');
      else if (reason === 'failed') notify('Voice connection lost. Join again to reconnect.');
    });
    client.on('error', (error) => notify(`Voice: ${error.message}`));
    clientRef.current = client;
    return client;
  }, [store]);

  useEffect(
    () => () => {
      const client = clientRef.current;
      if (client?.channelId) void client.leave().catch(() => undefined);
      trackRef.current?.stop();
    },
    [],
  );

  const join = useCallback(
    async (target: Channel) => {
      const name = target.name ?? 'the voice channel';
      // Unavailable voice is said at once: no media chunk, no microphone prompt, no connection attempt.
      const blocked = await availabilityStore.blockedReason();
      if (blocked) {
        notify(`Could not join ${name}. ${blocked}`);
        return;
      }
      try {
        const client = await voice();
        if (client.channelId === target.id) return;
        trackRef.current ??= await microphone();
        setListenOnly(trackRef.current === null);
        if (trackRef.current === null) notify('No microphone available: you joined to listen only.', 'info');
        setChannel(target);
        await client.join(target.id, { microphoneTrack: trackRef.current });
      } catch (error) {
        setChannel(null);
        const unavailable = availabilityStore.noteJoinFailure(error);
        if (unavailable) {
          trackRef.current?.stop();
          trackRef.current = null;
          notify(`Could not join ${name}. ${unavailable}`);
        } else {
          notify(`Could not join ${name}: ${describeError(error)}`);
        }
      }
    },
    [voice, availabilityStore],
  );

  const leave = useCallback(async () => {
    const client = clientRef.current;
    if (!client) return;
    try {
      await client.leave();
    } catch (error) {
      notify(capitalise(`leaving voice failed: ${describeError(error)}`));
    }
    trackRef.current?.stop();
    trackRef.current = null;
    setChannel(null);
  }, []);

  const toggleMute = useCallback(async () => {
    const client = clientRef.current;
    if (!client) return;
    const next = !client.selfMute;
    setSelfMute(next);
    try {
      await client.setSelfMute(next);
    } catch (error) {
      setSelfMute(!next);
      notify(`Could not ${next ? 'mute' : 'unmute'}: ${describeError(error)}`);
    }
  }, []);

  const toggleDeaf = useCallback(async () => {
    const client = clientRef.current;
    if (!client) return;
    const next = !client.selfDeaf;
    setSelfDeaf(next);
    for (const audio of audioRef.current.values()) audio.muted = next;
    try {
      await client.setSelfDeaf(next);
    } catch (error) {
      setSelfDeaf(!next);
      notify(`Could not ${next ? 'deafen' : 'undeafen'}: ${describeError(error)}`);
    }
  }, []);

  const value = useMemo(
    () => ({
      state,
      channel,
      selfMute,
      selfDeaf,
      listenOnly,
      availability,
      join,
      leave,
      toggleMute,
      toggleDeaf,
    }),
    [state, channel, selfMute, selfDeaf, listenOnly, availability, join, leave, toggleMute, toggleDeaf],
  );
  return <VoiceContext.Provider value={value}>{children}</VoiceContext.Provider>;
}
