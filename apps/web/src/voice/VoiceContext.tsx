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
import { has, PERMISSIONS } from '@bonfire/contracts';
import type { Channel } from '@bonfire/sdk';
import type { VoiceClient, VoiceConnectionState } from '@bonfire/sdk/voice';
import { useAppState, useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';
import { channelPermissionsOf } from '../permissions/permission-math';
import { notify } from '../ui/Toasts';
import type { RemoteVideo } from './video-layout';
import { VoiceAvailability, type VoiceAvailabilityState } from './voice-availability';

/** A received video and its track. */
interface RemoteVideoTrack extends RemoteVideo {
  track: MediaStreamTrack;
}

interface VoiceControls {
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
  /** One's own camera and screen share tracks while they are sent. */
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
  /** Whether the STREAM permission in the current voice channel allows camera and screen share. */
  canStream: boolean;
  toggleCamera: () => Promise<void>;
  toggleScreen: () => Promise<void>;
  /** Videos received from the others (cameras and screen shares). */
  videos: RemoteVideoTrack[];
  /** Whether the voice stage (video grid) replaces the open channel. */
  stageOpen: boolean;
  setStageOpen: (open: boolean) => void;
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

function stopTracks(...tracks: (MediaStreamTrack | null | undefined)[]): void {
  for (const track of tracks) track?.stop();
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
  const [camera, setCamera] = useState<MediaStreamTrack | null>(null);
  const [screen, setScreen] = useState<MediaStreamTrack | null>(null);
  const [videos, setVideos] = useState<RemoteVideoTrack[]>([]);
  const [stageOpen, setStageOpen] = useState(false);
  const clientRef = useRef<VoiceClient | null>(null);
  /** The screen share's tracks (video and, when offered, its sound), to stop them together. */
  const screenTracksRef = useRef<MediaStreamTrack[]>([]);
  const audioRef = useRef(new Map<string, HTMLAudioElement>());
  const trackRef = useRef<MediaStreamTrack | null>(null);
  const availabilityStore = useMemo(() => new VoiceAvailability(store.voiceActions), [store]);
  const availability = useSyncExternalStore(availabilityStore.subscribe, availabilityStore.getState);

  useEffect(() => {
    void availabilityStore.refresh();
  }, [availabilityStore]);

  // STREAM in the channel one is in, recomputed when roles or overwrites change.
  const meId = useAppState((app) => app.me?.id ?? '');
  const guildState = useAppState((app) => (channel?.guildId ? app.guilds[channel.guildId] : undefined));
  const canStream = useMemo(() => {
    if (!channel || !guildState || !meId) return false;
    const current = guildState.channels.find((candidate) => candidate.id === channel.id) ?? channel;
    return has(channelPermissionsOf(guildState, current, meId), PERMISSIONS.STREAM);
  }, [channel, guildState, meId]);

  const stopScreenTracks = useCallback(() => {
    stopTracks(...screenTracksRef.current);
    screenTracksRef.current = [];
    setScreen(null);
  }, []);

  const voice = useCallback(async (): Promise<VoiceClient> => {
    if (clientRef.current) return clientRef.current;
    const client = await store.voiceActions.createVoiceClient(store.getState().me!.id);
    // A join started meanwhile may have made its connection first: keep that one.
    if (clientRef.current) return clientRef.current;
    client.on('state', setState);
    client.on('speaking', ({ userId, speaking }) => store.setSpeaking(userId, speaking));
    client.on('track.added', (event) => {
      if (event.kind === 'video') {
        const video: RemoteVideoTrack = {
          producerId: event.producerId,
          userId: event.userId,
          source: event.source,
          track: event.track as MediaStreamTrack,
        };
        setVideos((list) => [...list.filter((entry) => entry.producerId !== event.producerId), video]);
        return;
      }
      const audio = new Audio();
      audio.autoplay = true;
      audio.srcObject = new MediaStream([event.track as MediaStreamTrack]);
      audio.muted = client.selfDeaf;
      audioRef.current.set(event.producerId, audio);
      void audio.play().catch(() => undefined);
    });
    client.on('track.removed', ({ producerId }) => {
      setVideos((list) => list.filter((entry) => entry.producerId !== producerId));
      const audio = audioRef.current.get(producerId);
      if (audio) audio.srcObject = null;
      audioRef.current.delete(producerId);
    });
    client.on('media.stopped', ({ source }) => {
      // The server closed our camera or screen share: STREAM was taken away.
      if (source === 'camera') {
        setCamera((track) => {
          track?.stop();
          return null;
        });
      } else {
        stopTracks(...screenTracksRef.current);
        screenTracksRef.current = [];
        setScreen(null);
      }
      notify('You can no longer stream video in this channel.', 'info');
    });
    client.on('closed', ({ reason }) => {
      setChannel(null);
      setVideos([]);
      setStageOpen(false);
      trackRef.current?.stop();
      trackRef.current = null;
      void client.setCamera(null);
      void client.setScreenShare(null);
      setCamera((track) => {
        track?.stop();
        return null;
      });
      stopTracks(...screenTracksRef.current);
      screenTracksRef.current = [];
      setScreen(null);
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
      stopTracks(client?.camera as MediaStreamTrack | null, ...screenTracksRef.current);
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
        // Clicking the channel one is in brings its stage back.
        if (client.channelId === target.id) {
          setStageOpen(true);
          return;
        }
        trackRef.current ??= await microphone();
        setListenOnly(trackRef.current === null);
        if (trackRef.current === null) notify('No microphone available: you joined to listen only.', 'info');
        setChannel(target);
        setStageOpen(true);
        await client.join(target.id, { microphoneTrack: trackRef.current });
      } catch (error) {
        setChannel(null);
        setStageOpen(false);
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
    await client.setCamera(null).catch(() => undefined);
    await client.setScreenShare(null).catch(() => undefined);
    setCamera((track) => {
      track?.stop();
      return null;
    });
    stopScreenTracks();
    setVideos([]);
    setChannel(null);
    setStageOpen(false);
  }, [stopScreenTracks]);

  const toggleCamera = useCallback(async () => {
    const client = clientRef.current;
    if (!client?.channelId) return;
    const current = client.camera as MediaStreamTrack | null;
    if (current) {
      setCamera(null);
      current.stop();
      await client.setCamera(null).catch((error: unknown) => notify(`Camera: ${describeError(error)}`));
      return;
    }
    let track: MediaStreamTrack | undefined;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
      });
      track = stream.getVideoTracks()[0];
    } catch (error) {
      notify(`No camera available: ${describeError(error)}`);
      return;
    }
    if (!track) return;
    try {
      setCamera(track);
      await client.setCamera(track);
    } catch (error) {
      track.stop();
      setCamera(null);
      notify(`Could not turn the camera on: ${describeError(error)}`);
    }
  }, []);

  const toggleScreen = useCallback(async () => {
    const client = clientRef.current;
    if (!client?.channelId) return;
    if (client.screenShare) {
      stopScreenTracks();
      await client
        .setScreenShare(null)
        .catch((error: unknown) => notify(`Screen share: ${describeError(error)}`));
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({
        video: { frameRate: { ideal: 30 } },
        audio: true,
      });
    } catch {
      return; // The person cancelled the picker.
    }
    const video = stream.getVideoTracks()[0];
    const audio = stream.getAudioTracks()[0] ?? null;
    if (!video) {
      stopTracks(...stream.getTracks());
      return;
    }
    screenTracksRef.current = stream.getTracks();
    setScreen(video);
    // "Stop sharing" in the browser's own bar ends the track.
    video.addEventListener('ended', () => {
      if (client.screenShare?.video !== video) return;
      stopScreenTracks();
      void client.setScreenShare(null).catch(() => undefined);
    });
    try {
      await client.setScreenShare({ video, audio });
      setStageOpen(true);
    } catch (error) {
      stopScreenTracks();
      notify(`Could not share your screen: ${describeError(error)}`);
    }
  }, [stopScreenTracks]);

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
      camera,
      screen,
      canStream,
      toggleCamera,
      toggleScreen,
      videos,
      stageOpen,
      setStageOpen,
    }),
    [
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
      camera,
      screen,
      canStream,
      toggleCamera,
      toggleScreen,
      videos,
      stageOpen,
    ],
  );
  return <VoiceContext.Provider value={value}>{children}</VoiceContext.Provider>;
}
