import { useEffect, useState } from 'react';
import type { DmsFrom, FriendRequestsFrom, PrivacySettings } from '@bonfire/contracts';
import { useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';

const DMS_FROM: { value: DmsFrom; label: string }[] = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'guild_members', label: 'People in my servers (and friends)' },
  { value: 'friends', label: 'Friends only' },
];

const REQUESTS_FROM: { value: FriendRequestsFrom; label: string }[] = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'guild_members', label: 'People in my servers' },
  { value: 'friends_of_friends', label: 'Friends of friends' },
  { value: 'nobody', label: 'Nobody' },
];

/** Privacy in user settings: who may DM me, who may send me friend requests (saved on change). */
export function PrivacySection() {
  const social = useStore().socialActions;
  const [settings, setSettings] = useState<PrivacySettings | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    social
      .privacy()
      .then(setSettings, (error: unknown) =>
        setMessage({ text: capitalise(describeError(error)), error: true }),
      );
  }, [social]);

  const save = async (patch: Partial<PrivacySettings>) => {
    try {
      setSettings(await social.updatePrivacy(patch));
      setMessage({ text: 'Privacy settings saved.', error: false });
    } catch (error) {
      setMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      {settings ? (
        <>
          <div className="field">
            <label htmlFor="privacy-dms-from">Who can send me direct messages</label>
            <select
              id="privacy-dms-from"
              value={settings.dmsFrom}
              onChange={(event) => void save({ dmsFrom: event.target.value as DmsFrom })}
            >
              {DMS_FROM.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="privacy-requests-from">Who can send me friend requests</label>
            <select
              id="privacy-requests-from"
              value={settings.friendRequestsFrom}
              onChange={(event) =>
                void save({ friendRequestsFrom: event.target.value as FriendRequestsFrom })
              }
            >
              {REQUESTS_FROM.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {message ? (
        <div className={`alert${message.error ? '' : ' info'}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
    </section>
  );
}
