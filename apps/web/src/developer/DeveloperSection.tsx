import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Application } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';
import { Dialog } from '../ui/Dialog';
import { GROUP_LABEL, PERMISSION_INFO } from '../permissions/permission-info';
import { botInviteLink } from './invite-link';

type Outcome = { text: string; error: boolean } | null;

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <div className={`alert${outcome.error ? '' : ' info'}`} role={outcome.error ? 'alert' : 'status'}>
      {outcome.text}
    </div>
  );
}

/**
 * User settings → Developer: the caller's applications (each owns one bot user). Create one, open it to
 * rename it, reset its bot token (shown once), build its authorise link, or delete it.
 */
export function DeveloperSection() {
  const developer = useStore().developerActions;
  const [applications, setApplications] = useState<Application[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    developer.applications().then(setApplications, (error: unknown) => {
      setApplications([]);
      setOutcome({ text: capitalise(describeError(error)), error: true });
    });
  }, [developer]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await developer.create({
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      setApplications((current) => [...(current ?? []), created]);
      setOpenId(created.id);
      setName('');
      setDescription('');
      setOutcome({ text: `Application ${created.name} created.`, error: false });
    } catch (error) {
      setOutcome({
        text: capitalise(`the application could not be created: ${describeError(error)}`),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const open = applications?.find((application) => application.id === openId);

  return (
    <section aria-labelledby="developer-heading">
      <h2 id="developer-heading">Developer</h2>
      <p className="hint">
        An application has a bot user: a program that uses Bonfire with its own token and joins servers
        through an authorise link.
      </p>
      {applications === null ? <p>Loading…</p> : null}
      {applications && applications.length > 0 ? (
        <ul className="session-list" aria-label="My applications">
          {applications.map((application) => (
            <li key={application.id}>
              <span>
                {application.name}
                {application.description ? ` — ${application.description}` : ''}
              </span>
              <button
                className="button secondary"
                aria-expanded={openId === application.id}
                aria-label={`${openId === application.id ? 'Close' : 'Open'} application ${application.name}`}
                onClick={() => setOpenId(openId === application.id ? null : application.id)}
              >
                {openId === application.id ? 'Close' : 'Open'}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {applications && applications.length === 0 ? <p>You have no applications yet.</p> : null}
      <form onSubmit={create} aria-label="Create an application" style={{ marginTop: 16 }}>
        <div className="field">
          <label htmlFor="application-name">Application name</label>
          <input
            id="application-name"
            value={name}
            maxLength={32}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="application-description">Description (optional)</label>
          <input
            id="application-description"
            value={description}
            maxLength={400}
            autoComplete="off"
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <button className="button" type="submit" disabled={busy || name.trim().length < 2}>
          Create application
        </button>
      </form>
      <OutcomeLine outcome={outcome} />
      {open ? (
        <ApplicationPanel
          key={open.id}
          application={open}
          onChanged={(changed) =>
            setApplications(
              (current) => current?.map((item) => (item.id === changed.id ? changed : item)) ?? null,
            )
          }
          onDeleted={() => {
            setApplications((current) => current?.filter((item) => item.id !== open.id) ?? null);
            setOpenId(null);
            setOutcome({ text: `Application ${open.name} deleted.`, error: false });
          }}
        />
      ) : null}
    </section>
  );
}

function ApplicationPanel({
  application,
  onChanged,
  onDeleted,
}: {
  application: Application;
  onChanged: (application: Application) => void;
  onDeleted: () => void;
}) {
  const developer = useStore().developerActions;
  const [name, setName] = useState(application.name);
  const [description, setDescription] = useState(application.description ?? '');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [token, setToken] = useState<string | null>(null);
  const [tokenCopied, setTokenCopied] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [permissions, setPermissions] = useState(0n);
  const [linkCopied, setLinkCopied] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const link = botInviteLink(window.location.origin, application.id, permissions);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const updated = await developer.update(application.id, {
        name: name.trim(),
        description: description.trim() || null,
      });
      onChanged(updated);
      setOutcome({ text: 'Application saved.', error: false });
    } catch (error) {
      setOutcome({ text: capitalise(describeError(error)), error: true });
    }
  };

  const resetToken = async () => {
    try {
      const answer = await developer.resetBotToken(application.id);
      setToken(answer.token);
      setTokenCopied(false);
      setOutcome(null);
    } catch (error) {
      setOutcome({ text: capitalise(`the token could not be reset: ${describeError(error)}`), error: true });
    }
  };

  const remove = async () => {
    try {
      await developer.delete(application.id);
      setConfirmingDelete(false);
      onDeleted();
    } catch (error) {
      setConfirmingDelete(false);
      setOutcome({ text: capitalise(describeError(error)), error: true });
    }
  };

  const copy = async (
    input: HTMLInputElement | null,
    text: string,
    done: (copied: boolean) => void,
  ): Promise<void> => {
    input?.select();
    try {
      await navigator.clipboard.writeText(text);
      done(true);
    } catch {
      // Clipboard refused (no permission): the text stays selected for a manual copy.
    }
  };

  const groups = Object.entries(GROUP_LABEL).map(([group, label]) => ({
    label,
    items: PERMISSION_INFO.filter((info) => info.group === group),
  }));

  return (
    <section className="developer-app" aria-labelledby="application-heading" style={{ marginTop: 24 }}>
      <h3 id="application-heading">{application.name}</h3>
      <p className="hint">
        Bot user @{application.bot.username} · application id {application.id}
      </p>
      <form onSubmit={save} aria-label={`Edit application ${application.name}`}>
        <div className="field">
          <label htmlFor="application-edit-name">Name</label>
          <input
            id="application-edit-name"
            value={name}
            maxLength={32}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="application-edit-description">Description</label>
          <textarea
            id="application-edit-description"
            value={description}
            maxLength={400}
            rows={2}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <button className="button" type="submit" disabled={name.trim().length < 2}>
          Save application
        </button>
      </form>

      <h4>Bot token</h4>
      <p className="hint">
        The bot logs in with its token. Resetting it makes a new one and ends the old one at once.
      </p>
      <button className="button secondary" type="button" onClick={() => void resetToken()}>
        Reset token
      </button>
      {token ? (
        <div className="webhook-secret" role="group" aria-label={`New token of ${application.name}`}>
          <div className="field">
            <label htmlFor="bot-token">Token of {application.name}</label>
            <div className="invite-code">
              <input
                id="bot-token"
                ref={tokenRef}
                readOnly
                value={token}
                onFocus={(e) => e.target.select()}
                aria-describedby="bot-token-note"
              />
              <button
                className="button"
                type="button"
                onClick={() => void copy(tokenRef.current, token, setTokenCopied)}
              >
                {tokenCopied ? 'Copied' : 'Copy token'}
              </button>
            </div>
            <span id="bot-token-note" className="search-help" role="status">
              {tokenCopied
                ? 'Token copied to the clipboard.'
                : 'Copy this token now: you will not see it again. Anyone who has it can act as the bot.'}
            </span>
          </div>
        </div>
      ) : null}

      <h4>Invite link</h4>
      <p className="hint">Tick the permissions the bot asks for; whoever adds it to a server grants them.</p>
      {groups.map(({ label, items }) => (
        <fieldset key={label} className="permission-group">
          <legend>{label} permissions</legend>
          {items.map((info) => (
            <label key={info.name} className="checkbox-row" style={{ display: 'block', margin: '4px 0' }}>
              <input
                type="checkbox"
                checked={(permissions & info.bit) === info.bit}
                onChange={(e) => {
                  setLinkCopied(false);
                  setPermissions((current) => (e.target.checked ? current | info.bit : current & ~info.bit));
                }}
              />{' '}
              {info.label}
            </label>
          ))}
        </fieldset>
      ))}
      <div className="field" style={{ marginTop: 16 }}>
        <label htmlFor="bot-invite-link">Invite link</label>
        <div className="invite-code">
          <input
            id="bot-invite-link"
            ref={linkRef}
            readOnly
            value={link}
            onFocus={(e) => e.target.select()}
          />
          <button
            className="button"
            type="button"
            onClick={() => void copy(linkRef.current, link, setLinkCopied)}
          >
            {linkCopied ? 'Copied' : 'Copy link'}
          </button>
        </div>
        {linkCopied ? (
          <span className="search-help" role="status">
            Link copied to the clipboard.
          </span>
        ) : null}
      </div>

      <h4>Delete</h4>
      <button className="button danger" type="button" onClick={() => setConfirmingDelete(true)}>
        Delete application
      </button>
      <OutcomeLine outcome={outcome} />
      {confirmingDelete ? (
        <Dialog title={`Delete ${application.name}?`} onClose={() => setConfirmingDelete(false)}>
          <p>Its bot token stops working at once. This cannot be undone.</p>
          <div className="actions">
            <button className="button secondary" type="button" onClick={() => setConfirmingDelete(false)}>
              Cancel
            </button>
            <button className="button danger" type="button" onClick={() => void remove()}>
              Delete
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
