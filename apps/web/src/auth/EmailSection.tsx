import { type FormEvent, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';

/** Email in user settings: the address and whether it is confirmed, a new link, and changing it. */
export function EmailSection() {
  const store = useStore();
  const account = store.accountActions;
  const me = useAppState((state) => state.me);
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!me?.email) return null;

  const resend = async () => {
    try {
      await account.resendVerification(me.email!);
      setMessage({ text: `A new confirmation link is on its way to ${me.email}.`, error: false });
    } catch (error) {
      setMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  const change = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await account.requestEmailChange(newEmail.trim(), password);
      setMessage({
        text: `We mailed a link to ${newEmail.trim()}: your address changes once you open it.`,
        error: false,
      });
      setNewEmail('');
      setPassword('');
    } catch (error) {
      setMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">Email</h2>
      <p>
        {me.email}{' '}
        <span className="email-state">
          {me.emailVerified === false ? '(not confirmed yet)' : '(confirmed)'}
        </span>
      </p>
      {me.emailVerified === false ? (
        <button className="button secondary" type="button" onClick={() => void resend()}>
          Send a new confirmation link
        </button>
      ) : null}
      <form onSubmit={change}>
        <div className="field">
          <label htmlFor="settings-new-email">New email</label>
          <input
            id="settings-new-email"
            type="email"
            autoComplete="email"
            value={newEmail}
            required
            onChange={(e) => setNewEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="settings-email-password">Your password</label>
          <input
            id="settings-email-password"
            type="password"
            autoComplete="current-password"
            value={password}
            required
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button className="button" type="submit">
          Change email
        </button>
      </form>
      {message ? (
        <div className={`alert${message.error ? '' : ' info'}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
    </section>
  );
}
