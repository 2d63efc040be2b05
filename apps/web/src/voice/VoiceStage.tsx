import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAppState } from '../app/hooks';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import {
  focusedTile,
  gridLayout,
  LOCAL_CAMERA,
  LOCAL_SCREEN,
  type StageTile,
  stageTiles,
} from './video-layout';
import { useVoice } from './VoiceContext';
import { VoiceMemberMenu } from './VoiceMemberMenu';
import { IconButton } from '../ui/IconButton';
import './voice-stage.css';

/** Plays one video track (muted: sound plays through the voice audio elements). */
function VideoView({
  track,
  mirror,
  remote,
}: {
  track: MediaStreamTrack;
  mirror?: boolean;
  remote: boolean;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = new MediaStream([track]);
    void video.play().catch(() => undefined);
    return () => {
      video.srcObject = null;
    };
  }, [track]);
  return (
    <video
      ref={ref}
      className={mirror ? 'mirror' : undefined}
      autoPlay
      playsInline
      muted
      data-remote={remote || undefined}
      data-track-id={track.id}
    />
  );
}

/** The element's size, followed as it changes. */
function useSize(): [React.RefObject<HTMLDivElement | null>, { width: number; height: number }] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

/**
 * The voice stage, in place of the open channel while in voice: a grid of everyone in the channel
 * (camera or avatar, the speaking ring, mute/deafen marks) and of screen shares; a screen share (or any
 * tile the user picks) can take the focus view, the others in a strip beside it.
 */
function VoiceStage() {
  const voice = useVoice();
  const me = useAppState((state) => state.me);
  const users = useAppState((state) => state.users);
  const speaking = useAppState((state) => state.speaking);
  const voiceStates = useAppState((state) => state.voiceStates);
  const guildState = useAppState((state) =>
    voice.channel?.guildId ? state.guilds[voice.channel.guildId] : undefined,
  );
  const [chosenFocus, setChosenFocus] = useState<string | null | undefined>(undefined);
  const [gridRef, size] = useSize();
  const channelId = voice.channel?.id;

  const states = useMemo(
    () => Object.values(voiceStates).filter((state) => state.channelId === channelId),
    [voiceStates, channelId],
  );
  const tiles = useMemo(
    () =>
      stageTiles({
        meId: me?.id ?? '',
        states,
        videos: voice.videos,
        localCamera: !!voice.camera,
        localScreen: !!voice.screen,
      }),
    [me, states, voice.videos, voice.camera, voice.screen],
  );
  const focus = focusedTile(tiles, chosenFocus);
  const others = focus ? tiles.filter((tile) => tile !== focus) : tiles;
  const layout = gridLayout(focus ? 0 : tiles.length, size.width, size.height, 8);

  if (!voice.channel) return null;
  const tracks = new Map(voice.videos.map((video) => [video.producerId, video.track]));
  if (voice.camera) tracks.set(LOCAL_CAMERA, voice.camera);
  if (voice.screen) tracks.set(LOCAL_SCREEN, voice.screen);

  const nameOf = (userId: string) => {
    const user = users[userId];
    const member = guildState?.members[userId];
    return member?.nickname ?? user?.displayName ?? user?.username ?? 'Someone';
  };

  const renderTile = (tile: StageTile, style?: React.CSSProperties): ReactNode => {
    const name = nameOf(tile.userId);
    const state = voiceStates[tile.userId];
    const track = tile.videoId ? tracks.get(tile.videoId) : undefined;
    const isSpeaking = tile.kind === 'person' && !!speaking[tile.userId];
    const label = tile.kind === 'screen' ? `${name}'s screen` : name;
    const focused = focus === tile;
    return (
      <figure
        key={tile.id}
        className={`stage-tile ${tile.kind}${focused ? ' focused' : ''}`}
        data-speaking={isSpeaking}
        aria-label={label}
        style={style}
      >
        {track ? (
          <VideoView track={track} mirror={tile.videoId === LOCAL_CAMERA} remote={!tile.self} />
        ) : (
          <div className="stage-avatar">
            <Avatar userId={tile.userId} name={name} size="large" speaking={isSpeaking} />
          </div>
        )}
        <figcaption>
          <span className="name">
            {label}
            {tile.self && tile.kind === 'person' ? ' (you)' : ''}
          </span>
          {isSpeaking ? <span className="visually-hidden">speaking</span> : null}
          {tile.kind === 'person' && (state?.selfMute || state?.mute) ? (
            <span aria-label={state?.mute ? 'server muted' : 'muted'} role="img">
              <Icon name="micOff" size={14} />
            </span>
          ) : null}
          {tile.kind === 'person' && (state?.selfDeaf || state?.deaf) ? (
            <span aria-label={state?.deaf ? 'server deafened' : 'deafened'} role="img">
              <Icon name="headphones" size={14} />
            </span>
          ) : null}
        </figcaption>
        <div className="tile-actions">
          {track || tile.kind === 'screen' ? (
            <IconButton
              label={focused ? `Leave focus on ${label}` : `Focus ${label}`}
              title={focused ? 'Back to the grid' : 'Focus'}
              pressed={focused}
              onClick={() => setChosenFocus(focused ? null : tile.id)}
            >
              <Icon name={focused ? 'grid' : 'focus'} size={18} />
            </IconButton>
          ) : null}
          {tile.kind === 'person' && !tile.self && guildState && state ? (
            <VoiceMemberMenu guildState={guildState} state={state} name={name} />
          ) : null}
        </div>
      </figure>
    );
  };

  return (
    <main className="main voice-stage" id="main-content" tabIndex={-1} aria-label="Voice stage">
      <header className="main-header">
        <Icon name="speaker" />
        <h1>{voice.channel.name ?? 'Voice'}</h1>
        <span className="topic">
          {states.length} in voice
          {voice.videos.length > 0
            ? ` · ${voice.videos.length} video${voice.videos.length > 1 ? 's' : ''}`
            : ''}
        </span>
        <button className="button secondary" onClick={() => voice.setStageOpen(false)}>
          Back to chat
        </button>
      </header>
      {focus ? (
        <div className="stage-focus">
          <div className="stage-focus-main">{renderTile(focus)}</div>
          <div className="stage-strip" aria-label="Everyone else" role="group">
            {others.map((tile) => renderTile(tile))}
          </div>
        </div>
      ) : (
        <div className="stage-grid" ref={gridRef}>
          <div
            className="stage-grid-inner"
            style={{
              gridTemplateColumns: `repeat(${layout.columns}, ${layout.tileWidth || 160}px)`,
              gridAutoRows: `${layout.tileHeight || 90}px`,
            }}
          >
            {tiles.map((tile) => renderTile(tile))}
          </div>
        </div>
      )}
    </main>
  );
}

/** In the shell, inside the voice provider: the stage while it is open, otherwise the page's main. */
export function VoiceStageOr({ main }: { main: ReactNode }) {
  const voice = useVoice();
  return voice.stageOpen && voice.channel ? <VoiceStage /> : <>{main}</>;
}
