import { useAppState } from '../app/hooks';
import { useVoice } from './VoiceContext';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';

const NO_STREAM = 'You need the "Video and screen share" permission in this channel';

/**
 * Shown above the user panel while in a voice channel: where, and mute / deafen / camera / screen share /
 * the stage / leave. Camera and screen share are disabled (with the reason) without STREAM.
 */
export function VoicePanel() {
  const voice = useVoice();
  const me = useAppState((state) => state.me);
  const speaking = useAppState((state) => (me ? !!state.speaking[me.id] : false));
  if (!voice.channel) return null;
  const status =
    voice.state === 'connected'
      ? 'Voice connected'
      : voice.state === 'reconnecting'
        ? 'Reconnecting…'
        : 'Connecting…';
  return (
    <section className="voice-panel" aria-label="Voice connection">
      <div className="state" role="status">
        {status}
        {speaking ? ' · you are speaking' : ''}
      </div>
      <div>
        <Icon name="speaker" size={16} /> {voice.channel.name}
        {voice.listenOnly ? ' (listening only)' : ''}
      </div>
      <div className="controls">
        <button
          className="icon-button active-danger"
          aria-pressed={voice.selfMute}
          aria-label={voice.selfMute ? 'Unmute' : 'Mute'}
          title={voice.selfMute ? 'Unmute' : 'Mute'}
          onClick={() => void voice.toggleMute()}
          disabled={voice.listenOnly}
        >
          <Icon name={voice.selfMute ? 'micOff' : 'mic'} />
        </button>
        <button
          className="icon-button active-danger"
          aria-pressed={voice.selfDeaf}
          aria-label={voice.selfDeaf ? 'Undeafen' : 'Deafen'}
          title={voice.selfDeaf ? 'Undeafen' : 'Deafen'}
          onClick={() => void voice.toggleDeaf()}
        >
          <Icon name="headphones" />
        </button>
        <IconButton
          label={voice.camera ? 'Turn off camera' : 'Turn on camera'}
          title={
            !voice.canStream && !voice.camera
              ? NO_STREAM
              : voice.camera
                ? 'Turn off camera'
                : 'Turn on camera'
          }
          pressed={!!voice.camera}
          disabled={!voice.canStream && !voice.camera}
          onClick={() => void voice.toggleCamera()}
        >
          <Icon name={voice.camera ? 'camera' : 'cameraOff'} />
        </IconButton>
        <IconButton
          label={voice.screen ? 'Stop sharing your screen' : 'Share your screen'}
          title={
            !voice.canStream && !voice.screen
              ? NO_STREAM
              : voice.screen
                ? 'Stop sharing your screen'
                : 'Share your screen'
          }
          pressed={!!voice.screen}
          disabled={!voice.canStream && !voice.screen}
          onClick={() => void voice.toggleScreen()}
        >
          <Icon name={voice.screen ? 'screenOff' : 'screen'} />
        </IconButton>
        <IconButton
          label="Show voice stage"
          title={voice.stageOpen ? 'Back to chat' : 'Show the video grid'}
          pressed={voice.stageOpen}
          onClick={() => voice.setStageOpen(!voice.stageOpen)}
        >
          <Icon name="grid" />
        </IconButton>
        <IconButton label="Leave voice" onClick={() => void voice.leave()}>
          <Icon name="hangUp" />
        </IconButton>
      </div>
    </section>
  );
}
