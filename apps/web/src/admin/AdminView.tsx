import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminUser, InstanceSettings, InstanceStats, RegistrationMode } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import { formatDateTime } from '../app/util';
import { Icon } from '../ui/Icon';
import { failed, type Outcome, OutcomeLine } from './AdminOutcome';
import { InvitesSection } from './InvitesSection';
import './admin.css';

const MODE_LABEL: Record<RegistrationMode, string> = {
  open: 'Open: anyone may register',
  invite_only: 'Invite only: registration needs an instance invite code',
  closed: 'Closed: no one may register',
};

/** Instance administration (instance admins only): statistics, registration, invites and accounts. */
export function AdminView({ onOpenNav }: { onOpenNav: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [stats, setStats] = useState<InstanceStats | null>(null);
  const admin = useStore().adminActions;
  const reloadStats = useCallback(() => {
    admin.stats().then(setStats, () => setStats(null));
  }, [admin]);
  useEffect(() => {
    headingRef.current?.focus();
    reloadStats();
  }, [reloadStats]);

  return (
    <main className="main" id="main-content" tabIndex={-1}>
      <header className="main-header">
        <button className="icon-button drawer-toggle" aria-label="Open navigation" onClick={onOpenNav}>
          <Icon name="menu" />
        </button>
        <h1 ref={headingRef} tabIndex={-1}>
          Instance administration
        </h1>
        <span className="spacer" />
        <button className="button secondary" onClick={() => window.history.back()}>
          Close
        </button>
      </header>
      <div className="settings">
        <section aria-labelledby="admin-stats-heading">
          <h2 id="admin-stats-heading">Statistics</h2>
          <StatsCards stats={stats} />
        </section>
        <RegistrationSection />
        <InvitesSection />
        <UsersSection onChanged={reloadStats} />
      </div>
    </main>
  );
}

function StatsCards({ stats }: { stats: InstanceStats | null }) {
  if (!stats) return <p>Loading…</p>;
  const cards: [string, number][] = [
    ['People', stats.users],
    ['Registered in the last 7 days', stats.registeredLast7Days],
    ['Active sessions', stats.activeSessions],
    ['Suspended', stats.suspended],
    ['Bots', stats.bots],
  ];
  return (
    <div className="admin-stats">
      {cards.map(([label, value]) => (
        <div className="admin-stat" key={label}>
          <div className="value">{value}</div>
          <div>{label}</div>
        </div>
      ))}
    </div>
  );
}

function RegistrationSection() {
  const admin = useStore().adminActions;
  const [settings, setSettings] = useState<InstanceSettings | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    admin.settings().then(setSettings, (error: unknown) => setOutcome(failed(error)));
  }, [admin]);

  const change = async (registrationMode: RegistrationMode) => {
    const before = settings;
    // Shown at once (a radio group answers the click), put back if the server refuses.
    setSettings((current) => (current ? { ...current, registrationMode } : current));
    try {
      setSettings(await admin.updateSettings({ registrationMode }));
      setOutcome({ text: 'Registration mode saved.', error: false });
    } catch (error) {
      setSettings(before);
      setOutcome(failed(error));
    }
  };

  return (
    <section aria-labelledby="admin-registration-heading">
      <h2 id="admin-registration-heading">Registration</h2>
      {settings ? (
        <fieldset className="status-options">
          <legend>Who may create an account</legend>
          {(Object.keys(MODE_LABEL) as RegistrationMode[]).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="registration-mode"
                value={mode}
                checked={settings.registrationMode === mode}
                onChange={() => void change(mode)}
              />
              {MODE_LABEL[mode]}
            </label>
          ))}
        </fieldset>
      ) : null}
      {settings?.registrationModeFromConfig ? (
        <p>This is the server’s default (AUTH_REGISTRATION_MODE); choosing one here overrides it.</p>
      ) : null}
      <OutcomeLine outcome={outcome} />
    </section>
  );
}

function UsersSection({ onChanged }: { onChanged: () => void }) {
  const admin = useStore().adminActions;
  const [query, setQuery] = useState('');
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const search = useCallback(
    async (cursor?: string) => {
      try {
        const page = await admin.users({ query: query.trim() || undefined, cursor });
        setUsers((current) => (cursor ? [...(current ?? []), ...page.users] : page.users));
        setNextCursor(page.nextCursor);
      } catch (error) {
        setOutcome(failed(error));
      }
    },
    [admin, query],
  );
  useEffect(() => {
    void search();
    // Only the first page on open; later searches are submitted.
  }, [admin]);

  const replace = (updated: AdminUser) =>
    setUsers((current) => current?.map((user) => (user.id === updated.id ? updated : user)) ?? null);

  const act = async (what: string, run: () => Promise<AdminUser>) => {
    try {
      replace(await run());
      setOutcome({ text: what, error: false });
      onChanged();
    } catch (error) {
      setOutcome(failed(error));
    }
  };

  const suspend = (user: AdminUser) => {
    const reason = window.prompt(`Why suspend @${user.username}? (their sessions end at once)`);
    if (!reason?.trim()) return;
    void act(`@${user.username} suspended.`, () => admin.suspend(user.id, reason.trim()));
  };
  const resetTwoFactor = (user: AdminUser) => {
    if (!window.confirm(`Turn off two-factor authentication for @${user.username}? Their sessions end.`))
      return;
    void act(`Two-factor authentication of @${user.username} turned off.`, () =>
      admin.resetTwoFactor(user.id),
    );
  };

  return (
    <section aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading">Users</h2>
      <form
        className="admin-row-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <div className="field">
          <label htmlFor="admin-user-query">Username or email</label>
          <input
            id="admin-user-query"
            type="search"
            value={query}
            maxLength={254}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      <OutcomeLine outcome={outcome} />
      {users && users.length === 0 ? <p>No users found.</p> : null}
      {users && users.length > 0 ? (
        <div className="admin-scroll">
          <table className="admin-table" aria-label="Users">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Email</th>
                <th scope="col">Registered</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    @{user.username}
                    {user.instanceAdmin ? ' (admin)' : ''}
                  </td>
                  <td>
                    {user.email ?? '—'}
                    {user.email && !user.emailVerified ? ' (unverified)' : ''}
                  </td>
                  <td>{formatDateTime(user.createdAt)}</td>
                  <td>
                    {user.suspended ? `Suspended: ${user.suspensionReason ?? ''}` : 'Active'}
                    {user.twoFactorEnabled ? ' · 2FA on' : ''}
                  </td>
                  <td>
                    {user.instanceAdmin ? null : user.suspended ? (
                      <button
                        className="button secondary"
                        aria-label={`Unsuspend @${user.username}`}
                        onClick={() =>
                          void act(`@${user.username} unsuspended.`, () => admin.unsuspend(user.id))
                        }
                      >
                        Unsuspend
                      </button>
                    ) : (
                      <button
                        className="button danger"
                        aria-label={`Suspend @${user.username}`}
                        onClick={() => suspend(user)}
                      >
                        Suspend
                      </button>
                    )}
                    {user.twoFactorEnabled ? (
                      <button
                        className="button secondary"
                        aria-label={`Reset two-factor authentication of @${user.username}`}
                        onClick={() => resetTwoFactor(user)}
                      >
                        Reset 2FA
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {nextCursor ? (
        <button className="button secondary" onClick={() => void search(nextCursor)}>
          More users
        </button>
      ) : null}
    </section>
  );
}
