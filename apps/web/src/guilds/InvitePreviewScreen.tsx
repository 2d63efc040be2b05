import { useEffect, useState } from 'react';
import type { BonfireClient, InvitePreview } from '@bonfire/sdk';
import { navigate } from '../app/router';
import { capitalise, describeError } from '../app/util';

/** An invite opened before logging in, taken up again after. */
export const PENDING_INVITE_KEY = 'bonfire.pendingInvite';

interface InvitePreviewScreenProps {
  client: BonfireClient;
  code: string;
  signedIn: boolean;
  onJoined: (guildId: string) => void;
}

/** What an invite link opens: the guild it leads to, and a button to join (or to log in first). */
export function InvitePreviewScreen({ client, code, signedIn, onJoined }: InvitePreviewScreenProps) {
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.invites
      .preview(code)
      .then(setPreview, (caught: unknown) => setError(capitalise(describeError(caught))));
  }, [client, code]);

  const join = async () => {
    setBusy(true);
    try {
      const guild = await client.invites.accept(code);
      // A full reload of the signed-in app picks the guild up from the next `ready`.
      onJoined(guild.id);
      window.location.reload();
    } catch (caught) {
      setError(capitalise(describeError(caught)));
      setBusy(false);
    }
  };

  return (
    <main className="auth-screen">
      <section className="auth-card" aria-labelledby="invite-title">
        <p className="subtitle">You have been invited to join</p>
        <h1 id="invite-title">{preview?.guild.name ?? (error ? 'Invite unavailable' : 'Loading…')}</h1>
        {preview ? <p className="subtitle">{preview.memberCount} members</p> : null}
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        {preview && signedIn ? (
          <button className="button" onClick={join} disabled={busy}>
            {busy ? 'Joining…' : 'Accept invite'}
          </button>
        ) : null}
        {preview && !signedIn ? (
          <button
            className="button"
            onClick={() => {
              sessionStorage.setItem(PENDING_INVITE_KEY, code);
              navigate('/login');
            }}
          >
            Log in to join
          </button>
        ) : null}
        <p className="switch">
          <a
            href="/channels/@me"
            onClick={(event) => {
              event.preventDefault();
              navigate('/channels/@me');
            }}
          >
            Back to Bonfire
          </a>
        </p>
      </section>
    </main>
  );
}
