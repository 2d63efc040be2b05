import { useEffect, useId, useState } from 'react';
import type { ChannelNotificationLevel, NotificationLevel } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';
import { Dialog } from '../ui/Dialog';
import {
  notificationPermission,
  notificationsSupported,
  permissionAsked,
  useEnableNotifications,
} from './browser-notifications';
import {
  muteActive,
  useGuildNotificationSettings,
  useNotificationSettingsCache,
} from './notification-settings';

const LEVELS: { value: NotificationLevel; label: string }[] = [
  { value: 'all', label: 'All messages' },
  { value: 'mentions', label: 'Only @mentions' },
  { value: 'nothing', label: 'Nothing' },
];

const CHANNEL_LEVELS: { value: ChannelNotificationLevel; label: string }[] = [
  { value: 'inherit', label: 'Use the server default' },
  ...LEVELS,
];

const MUTE_CHOICES = [
  { value: 'off', label: 'Not muted' },
  { value: '900', label: 'For 15 minutes' },
  { value: '3600', label: 'For 1 hour' },
  { value: '28800', label: 'For 8 hours' },
  { value: '86400', label: 'For 24 hours' },
  { value: 'forever', label: 'Until I turn it back on' },
] as const;

type MuteChoice = (typeof MUTE_CHOICES)[number]['value'] | 'timed';

function muteChoiceOf(state: { muted: boolean; mutedUntil: string | null } | undefined): MuteChoice {
  if (!state || !muteActive(state)) return 'off';
  return state.mutedUntil === null ? 'forever' : 'timed';
}

function muteInput(choice: MuteChoice): { muted: boolean; muteSeconds?: number } {
  if (choice === 'off') return { muted: false };
  if (choice === 'forever' || choice === 'timed') return { muted: true };
  return { muted: true, muteSeconds: Number(choice) };
}

function MuteSelect({
  id,
  state,
  onChange,
}: {
  id: string;
  state: { muted: boolean; mutedUntil: string | null } | undefined;
  onChange: (choice: MuteChoice) => void;
}) {
  const choice = muteChoiceOf(state);
  return (
    <select id={id} value={choice} onChange={(event) => onChange(event.target.value as MuteChoice)}>
      {MUTE_CHOICES.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {choice === 'timed' && state?.mutedUntil ? (
        <option value="timed">Muted until {new Date(state.mutedUntil).toLocaleString()}</option>
      ) : null}
    </select>
  );
}

/**
 * Notification settings of a server (level, @everyone, mute) and, opened from a channel, of that channel
 * (level, mute); DMs have only their channel part. Each change is saved at once. Desktop notifications are
 * switched on here: the browser asks for the permission once, on this click.
 */
export function NotificationSettingsDialog({
  guildId,
  guildName,
  channel,
  onClose,
}: {
  guildId: string | null;
  guildName?: string;
  channel?: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const account = useStore().accountActions;
  const cache = useNotificationSettingsCache();
  const settings = useGuildNotificationSettings(guildId);
  const enableNotifications = useEnableNotifications();
  const [dmOverride, setDmOverride] = useState<{
    level: ChannelNotificationLevel;
    muted: boolean;
    mutedUntil: string | null;
  } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [permission, setPermission] = useState(notificationPermission());
  const ids = {
    level: useId(),
    suppress: useId(),
    mute: useId(),
    channelLevel: useId(),
    channelMute: useId(),
  };

  // A DM's override is not part of any server's settings: read on its own.
  const dmChannelId = !guildId && channel ? channel.id : null;
  useEffect(() => {
    if (!dmChannelId) return;
    account.channelNotificationOverride(dmChannelId).then(setDmOverride, () => undefined);
  }, [account, dmChannelId]);

  const override = channel
    ? guildId
      ? settings?.channelOverrides.find((one) => one.channelId === channel.id)
      : (dmOverride ?? undefined)
    : undefined;

  const save = async (what: string, action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setStatus(`${what} saved.`);
    } catch (caught) {
      setError(capitalise(describeError(caught)));
    }
  };

  const saveChannel = (patch: { level?: ChannelNotificationLevel; choice?: MuteChoice }) => {
    if (!channel) return;
    const level = patch.level ?? override?.level ?? 'inherit';
    const mute = muteInput(patch.choice ?? muteChoiceOf(override));
    void save(`#${channel.name} notifications`, async () => {
      const saved = await cache.setChannel(guildId, channel.id, { level, ...mute });
      if (!guildId) setDmOverride(saved);
    });
  };

  const title = channel
    ? `Notification settings for ${guildId ? '#' : ''}${channel.name}`
    : `Notification settings for ${guildName ?? 'this server'}`;

  return (
    <Dialog title={title} onClose={onClose}>
      {error ? (
        <div className="alert" role="alert">
          {error}
        </div>
      ) : null}
      {guildId ? (
        settings ? (
          <fieldset className="field">
            <legend className="label">{guildName ?? 'Server'}: notify me of</legend>
            {LEVELS.map((option) => (
              <label key={option.value} className="radio-line">
                <input
                  type="radio"
                  name={ids.level}
                  checked={settings.level === option.value}
                  onChange={() =>
                    void save('Server notifications', () =>
                      cache.updateGuild(guildId, { level: option.value }),
                    )
                  }
                />{' '}
                {option.label}
              </label>
            ))}
            <label className="radio-line">
              <input
                id={ids.suppress}
                type="checkbox"
                checked={settings.suppressEveryone}
                onChange={(event) =>
                  void save('Server notifications', () =>
                    cache.updateGuild(guildId, { suppressEveryone: event.target.checked }),
                  )
                }
              />{' '}
              Suppress @everyone and @here
            </label>
            <div className="field">
              <label htmlFor={ids.mute}>Mute the server</label>
              <MuteSelect
                id={ids.mute}
                state={settings}
                onChange={(choice) =>
                  void save('Server notifications', () => cache.updateGuild(guildId, muteInput(choice)))
                }
              />
            </div>
          </fieldset>
        ) : (
          <p role="status">Loading…</p>
        )
      ) : null}
      {channel ? (
        <fieldset className="field">
          <legend className="label">
            {guildId ? '#' : ''}
            {channel.name}
          </legend>
          <div className="field">
            <label htmlFor={ids.channelLevel}>Notify me of</label>
            <select
              id={ids.channelLevel}
              value={override?.level ?? 'inherit'}
              onChange={(event) => saveChannel({ level: event.target.value as ChannelNotificationLevel })}
            >
              {(guildId ? CHANNEL_LEVELS : CHANNEL_LEVELS.filter((one) => one.value !== 'inherit')).map(
                (option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ),
              )}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.channelMute}>Mute the {guildId ? 'channel' : 'conversation'}</label>
            <MuteSelect
              id={ids.channelMute}
              state={override}
              onChange={(choice) => saveChannel({ choice })}
            />
          </div>
        </fieldset>
      ) : null}
      <div className="field">
        <span className="label">Desktop notifications</span>
        {!notificationsSupported() ? (
          <p>This browser cannot show notifications.</p>
        ) : permission === 'granted' ? (
          <p>On: messages that notify you show on this device, also when Bonfire is in the background.</p>
        ) : permission === 'denied' ? (
          <p>Blocked for this site: allow notifications in the browser’s site settings.</p>
        ) : (
          <button
            className="button"
            onClick={() => {
              void enableNotifications().then(setPermission);
            }}
          >
            {permissionAsked() ? 'Allow desktop notifications' : 'Enable desktop notifications'}
          </button>
        )}
      </div>
      <p className="search-help" role="status">
        {status ?? ''}
      </p>
      <div className="actions">
        <button className="button secondary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
