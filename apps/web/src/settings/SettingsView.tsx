import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import type { ChosenPresenceStatus } from '@bonfire/contracts';
import type { SessionInfo } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { EmailSection } from '../auth/EmailSection';
import { DeveloperSection } from '../developer/DeveloperSection';
import { PrivacySection } from '../friends/PrivacySection';
import { navigate } from '../app/router';
import { capitalise, describeError, formatDateTime } from '../app/util';
import { Avatar, STATUS_LABEL } from '../ui/Avatar';
import { notify } from '../ui/Toasts';
import { Icon } from '../ui/Icon';
import { SecuritySection } from '../two-factor/SecuritySection';
import { DataExportSection } from '../data-export/DataExportSection';
import { DeleteAccountSection } from '../account/DeleteAccountSection';

const CHOSEN: ChosenPresenceStatus[] = ['online', 'idle', 'dnd', 'invisible'];

/** Profile (display name, about, avatar), status and custom status, password, sessions, logout. */
export function SettingsView({ onOpenNav }: { onOpenNav: () => void }) {
  const store = useStore();
  const account = store.accountActions;
  const me = useAppState((state) => state.me);
  const presence = useAppState((state) => state.myPresence);
  const [displayName, setDisplayName] = useState(me?.displayName ?? '');
  const [about, setAbout] = useState(me?.about ?? '');
  const [customText, setCustomText] = useState(presence.customStatus?.text ?? '');
  const [profileMessage, setProfileMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [statusMessage, setStatusMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [avatarProgress, setAvatarProgress] = useState<number | null>(null);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [passwordMessage, setPasswordMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [sessionsMessage, setSessionsMessage] = useState<{ text: string; error: boolean } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [chosen, setChosen] = useState<ChosenPresenceStatus>(
    presence.status === 'offline' ? 'online' : presence.status,
  );

  useEffect(() => {
    headingRef.current?.focus();
    account.sessions().then(setSessions, () => setSessions([]));
  }, [account]);

  if (!me) return null;

  const saveProfile = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const updated = await account.updateProfile({
        displayName: displayName.trim() || null,
        about: about.trim() || null,
      });
      store.setMe(updated);
      setProfileMessage({ text: 'Profile saved.', error: false });
    } catch (error) {
      setProfileMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  const uploadAvatar = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      setAvatarProgress(0);
      const updated = await account.changeAvatar(
        { data: file, filename: file.name, contentType: file.type || 'application/octet-stream' },
        { onProgress: (progress) => setAvatarProgress(progress.fraction) },
      );
      store.setMe(updated);
      setProfileMessage({ text: 'Avatar updated.', error: false });
    } catch (error) {
      setProfileMessage({
        text: capitalise(`the avatar could not be uploaded: ${describeError(error)}`),
        error: true,
      });
    } finally {
      setAvatarProgress(null);
    }
  };

  const setStatus = async (status: ChosenPresenceStatus) => {
    const previous = chosen;
    setChosen(status);
    try {
      const updated = await account.updatePresence({ status });
      store.setMyPresence({ status: updated.status, customStatus: updated.customStatus });
      setStatusMessage({ text: `Status set to ${STATUS_LABEL[status]}.`, error: false });
    } catch (error) {
      setChosen(previous);
      setStatusMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  const saveCustomStatus = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const text = customText.trim();
      const updated = await account.updatePresence({ customStatus: text ? { text } : null });
      store.setMyPresence({ status: updated.status, customStatus: updated.customStatus });
      setStatusMessage({ text: text ? 'Custom status saved.' : 'Custom status cleared.', error: false });
    } catch (error) {
      setStatusMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  const changePassword = async (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.length < 8) {
      setPasswordMessage({ text: 'The new password needs at least 8 characters.', error: true });
      return;
    }
    if (newPassword !== confirmPassword) {
      setPasswordMessage({ text: 'The new passwords do not match.', error: true });
      return;
    }
    try {
      await account.changePassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      setPasswordMessage({ text: 'Password changed. Your other devices were logged out.', error: false });
      account.sessions().then(setSessions, () => undefined);
    } catch (error) {
      setPasswordMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  const revokeSession = async (session: SessionInfo) => {
    try {
      await account.revokeSession(session.id);
      setSessions((current) => current?.filter((candidate) => candidate.id !== session.id) ?? null);
      setSessionsMessage({ text: `${session.deviceLabel ?? 'The device'} was signed out.`, error: false });
    } catch (error) {
      setSessionsMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  const logout = async () => {
    try {
      await account.logout();
    } catch (error) {
      notify(
        capitalise(`logging out on the server failed (${describeError(error)}); you are logged out here.`),
      );
    }
    navigate('/login');
  };

  return (
    <main className="main" id="main-content" tabIndex={-1}>
      <header className="main-header">
        <button className="icon-button drawer-toggle" aria-label="Open navigation" onClick={onOpenNav}>
          <Icon name="menu" />
        </button>
        <h1 ref={headingRef} tabIndex={-1}>
          Settings
        </h1>
        <span className="spacer" />
        <button className="button secondary" onClick={() => window.history.back()}>
          Close
        </button>
      </header>
      <div className="settings">
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16 }}>
            <Avatar
              userId={me.id}
              name={me.displayName ?? me.username}
              imageUrl={me.avatarFileId ? store.fileUrl(me.avatarFileId, 'small') : null}
              size="large"
            />
            <div>
              <div>@{me.username}</div>
              <label className="button secondary" style={{ marginTop: 6 }}>
                Change avatar
                <input
                  type="file"
                  accept="image/png,image/jpeg,image/webp,image/gif"
                  className="visually-hidden"
                  onChange={uploadAvatar}
                />
              </label>
              {avatarProgress !== null ? (
                <progress max={1} value={avatarProgress} aria-label="Avatar upload progress" />
              ) : null}
            </div>
          </div>
          <form onSubmit={saveProfile}>
            <div className="field">
              <label htmlFor="settings-display-name">Display name</label>
              <input
                id="settings-display-name"
                value={displayName}
                maxLength={32}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="settings-about">About me</label>
              <textarea
                id="settings-about"
                value={about}
                maxLength={190}
                rows={3}
                onChange={(e) => setAbout(e.target.value)}
              />
            </div>
            <button className="button" type="submit">
              Save profile
            </button>
            {profileMessage ? (
              <div
                className={`alert${profileMessage.error ? '' : ' info'}`}
                role={profileMessage.error ? 'alert' : 'status'}
              >
                {profileMessage.text}
              </div>
            ) : null}
          </form>
        </section>

        <section aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <fieldset className="status-options" style={{ border: 0, padding: 0 }}>
            <legend className="visually-hidden">Status</legend>
            {CHOSEN.map((status) => (
              <label key={status}>
                <input
                  type="radio"
                  name="status"
                  checked={chosen === status}
                  onChange={() => void setStatus(status)}
                />
                <span
                  className={`presence-dot ${status === 'invisible' ? 'offline' : status}`}
                  style={{ position: 'static' }}
                  aria-hidden="true"
                />
                {status === 'online' ? 'Online (automatic)' : STATUS_LABEL[status]}
              </label>
            ))}
          </fieldset>
          <form onSubmit={saveCustomStatus} style={{ marginTop: 16 }}>
            <div className="field">
              <label htmlFor="settings-custom-status">Custom status</label>
              <input
                id="settings-custom-status"
                value={customText}
                maxLength={128}
                onChange={(e) => setCustomText(e.target.value)}
              />
            </div>
            <button className="button" type="submit">
              Save custom status
            </button>
          </form>
          {statusMessage ? (
            <div
              className={`alert${statusMessage.error ? '' : ' info'}`}
              role={statusMessage.error ? 'alert' : 'status'}
            >
              {statusMessage.text}
            </div>
          ) : null}
        </section>

        <PrivacySection />

        <EmailSection />

        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <form onSubmit={changePassword}>
            <div className="field">
              <label htmlFor="settings-current-password">Current password</label>
              <input
                id="settings-current-password"
                type="password"
                autoComplete="current-password"
                value={currentPassword}
                required
                onChange={(e) => setCurrentPassword(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="settings-new-password">New password</label>
              <input
                id="settings-new-password"
                type="password"
                autoComplete="new-password"
                minLength={8}
                value={newPassword}
                required
                onChange={(e) => setNewPassword(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="settings-confirm-password">Confirm new password</label>
              <input
                id="settings-confirm-password"
                type="password"
                autoComplete="new-password"
                value={confirmPassword}
                required
                onChange={(e) => setConfirmPassword(e.target.value)}
              />
            </div>
            <button className="button" type="submit">
              Change password
            </button>
            {passwordMessage ? (
              <div
                className={`alert${passwordMessage.error ? '' : ' info'}`}
                role={passwordMessage.error ? 'alert' : 'status'}
              >
                {passwordMessage.text}
              </div>
            ) : null}
          </form>
        </section>

        <SecuritySection />

        <DataExportSection />

        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Devices</h2>
          {sessions === null ? <p>Loading…</p> : null}
          <ul className="session-list" aria-labelledby="sessions-heading">
            {sessions?.map((session) => (
              <li key={session.id}>
                <span>
                  {session.deviceLabel ?? 'Unnamed device'} — last used {formatDateTime(session.lastUsedAt)}
                  {session.ip ? ` from ${session.ip}` : ''}
                  {session.current ? ' (this device)' : ''}
                </span>
                {!session.current ? (
                  <button
                    className="button secondary"
                    aria-label={`Revoke session ${session.deviceLabel ?? 'unnamed device'}, last used ${formatDateTime(session.lastUsedAt)}`}
                    onClick={() => void revokeSession(session)}
                  >
                    Revoke
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {sessionsMessage ? (
            <div
              className={`alert${sessionsMessage.error ? '' : ' info'}`}
              role={sessionsMessage.error ? 'alert' : 'status'}
            >
              {sessionsMessage.text}
            </div>
          ) : null}
        </section>

        <DeveloperSection />

        <DeleteAccountSection />

        <section>
          <button className="button danger" onClick={() => void logout()}>
            Log out
          </button>
        </section>
      </div>
    </main>
  );
}
