import { useEffect, useMemo, useRef, useState } from 'react';
import { ERROR, has, PERMISSIONS } from '@bonfire/contracts';
import { BonfireApiError, type BotAuthorizationInfo } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { capitalise, describeError } from '../app/util';
import { guildPermissions } from '../permissions/permission-math';
import { PERMISSION_INFO } from '../permissions/permission-info';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { BotTag } from './BotTag';
import { parseAuthorizeQuery } from './invite-link';

/** Plain words for the refusals this page can meet. */
function authorizeError(error: unknown): string {
  if (error instanceof BonfireApiError) {
    if (error.code === ERROR.CANNOT_GRANT_PERMISSIONS)
      return 'You cannot grant permissions you do not have yourself in that server. Ask someone who has them, or pick another server.';
    if (error.code === ERROR.MISSING_PERMISSION)
      return 'You need the Manage server permission in that server to add a bot to it.';
  }
  return capitalise(describeError(error));
}

/**
 * `/oauth2/authorize?client_id=&permissions=`: a bot's authorise link. Shows the application, its bot and
 * the permissions it asks for, lets the person pick a server where they can manage the server, and adds the
 * bot there.
 */
export function AuthorizeView({ onOpenNav }: { onOpenNav: () => void }) {
  const store = useStore();
  const developer = store.developerActions;
  const me = useAppState((state) => state.me);
  const guilds = useAppState((state) => state.guilds);
  const { clientId, permissions } = useMemo(() => parseAuthorizeQuery(window.location.search), []);
  const [info, setInfo] = useState<BotAuthorizationInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [guildId, setGuildId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    if (!clientId) {
      setLoadError('This authorise link is incomplete: it names no application.');
      return;
    }
    developer
      .authorizeInfo(clientId, permissions.toString())
      .then(setInfo, (caught: unknown) => setLoadError(capitalise(describeError(caught))));
  }, [developer, clientId, permissions]);

  // Only servers where the person may add a bot (Manage server).
  const manageable = useMemo(
    () =>
      Object.values(guilds)
        .filter((state) => me && has(guildPermissions(state, me.id), PERMISSIONS.MANAGE_GUILD))
        .sort((a, b) => a.guild.name.localeCompare(b.guild.name)),
    [guilds, me],
  );

  const asked = info
    ? PERMISSION_INFO.filter((permission) => info.permissionNames.includes(permission.name))
    : [];
  const chosen = guildId ? guilds[guildId] : undefined;
  const held = chosen && me ? guildPermissions(chosen, me.id) : 0n;
  const lacking = chosen ? asked.filter((permission) => !has(held, permission.bit)) : [];

  const authorize = async () => {
    if (!clientId || !guildId) return;
    setBusy(true);
    setError(null);
    try {
      await developer.authorize({ clientId, guildId, permissions: permissions.toString() });
      navigate({ page: 'guild', guildId, channelId: null });
    } catch (caught) {
      setError(authorizeError(caught));
      setBusy(false);
    }
  };

  const botName = info ? (info.bot.displayName ?? info.bot.username) : '';

  return (
    <main className="main" id="main-content" tabIndex={-1}>
      <header className="main-header">
        <button className="icon-button drawer-toggle" aria-label="Open navigation" onClick={onOpenNav}>
          <Icon name="menu" />
        </button>
        <h1 ref={headingRef} tabIndex={-1}>
          {info ? `Add ${info.application.name} to a server` : 'Authorise a bot'}
        </h1>
      </header>
      <div className="settings">
        {loadError ? (
          <div className="alert" role="alert">
            {loadError}
          </div>
        ) : null}
        {!info && !loadError ? <p role="status">Loading…</p> : null}
        {info ? (
          <>
            <section aria-labelledby="authorize-bot-heading">
              <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
                <Avatar
                  userId={info.bot.id}
                  name={botName}
                  size="large"
                  imageUrl={info.bot.avatarFileId ? store.fileUrl(info.bot.avatarFileId, 'small') : null}
                />
                <div>
                  <h2 id="authorize-bot-heading" style={{ margin: 0 }}>
                    {botName} <BotTag />
                  </h2>
                  <div className="hint">
                    @{info.bot.username} · application {info.application.name}
                  </div>
                </div>
              </div>
            </section>
            <section aria-labelledby="authorize-permissions-heading">
              <h2 id="authorize-permissions-heading">It asks for these permissions</h2>
              {asked.length === 0 ? (
                <p>No permissions: it joins with what everyone in the server has.</p>
              ) : (
                <ul className="authorize-permissions" aria-labelledby="authorize-permissions-heading">
                  {asked.map((permission) => (
                    <li key={permission.name}>
                      <strong>{permission.label}</strong>
                      <div className="hint">{permission.explanation}</div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="authorize-server-heading">
              <h2 id="authorize-server-heading">Add it to</h2>
              {manageable.length === 0 ? (
                <p>You do not manage any server. You need the Manage server permission to add a bot.</p>
              ) : (
                <div className="field">
                  <label htmlFor="authorize-guild">Server</label>
                  <select
                    id="authorize-guild"
                    value={guildId}
                    onChange={(e) => {
                      setGuildId(e.target.value);
                      setError(null);
                    }}
                  >
                    <option value="">Choose a server</option>
                    {manageable.map((state) => (
                      <option key={state.guild.id} value={state.guild.id}>
                        {state.guild.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {lacking.length > 0 ? (
                <div className="alert" role="status">
                  You do not have {lacking.map((permission) => permission.label).join(', ')} in that server,
                  so you cannot grant {lacking.length === 1 ? 'it' : 'them'}.
                </div>
              ) : null}
              {error ? (
                <div className="alert" role="alert">
                  {error}
                </div>
              ) : null}
              <div className="actions" style={{ display: 'flex', gap: 8, marginTop: 12 }}>
                <button className="button secondary" type="button" onClick={() => navigate('/channels/@me')}>
                  Cancel
                </button>
                <button
                  className="button"
                  type="button"
                  disabled={!guildId || busy}
                  onClick={() => void authorize()}
                >
                  {busy ? 'Authorising…' : 'Authorise'}
                </button>
              </div>
            </section>
          </>
        ) : null}
      </div>
    </main>
  );
}
