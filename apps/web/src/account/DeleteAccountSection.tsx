import { useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import { FormDialog } from '../ui/FormDialog';
import { markAccountDeleted } from './goodbye';

/**
 * The danger zone of user settings: deleting the account, confirmed in a dialog with the password (and a
 * code from the authenticator app, or a recovery code, when two-factor is on). On success the session ends
 * and the goodbye screen shows.
 */
export function DeleteAccountSection() {
  const store = useStore();
  const me = useAppState((state) => state.me);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  if (!me || me.bot) return null;
  const needsCode = me.mfaEnabled === true;

  const close = () => {
    setOpen(false);
    setPassword('');
    setCode('');
  };

  const remove = async () => {
    await store.accountActions.deleteAccount(
      { password, ...(needsCode ? { code: code.trim() } : {}) },
      markAccountDeleted,
    );
  };

  return (
    <section aria-labelledby="danger-heading" className="danger-zone">
      <h2 id="danger-heading">Danger zone</h2>
      <p>
        Deleting your account signs you out everywhere and removes your profile, friends, memberships and
        files. It cannot be undone.
      </p>
      <button className="button danger" onClick={() => setOpen(true)}>
        Delete account
      </button>
      {open ? (
        <FormDialog
          title="Delete your account?"
          onClose={close}
          onSubmit={remove}
          submitLabel="Delete my account"
          busyLabel="Deleting…"
          canSubmit={password.length > 0 && (!needsCode || code.trim().length > 0)}
        >
          <p>This cannot be undone. Enter your password to confirm.</p>
          <div className="field">
            <label htmlFor="delete-account-password">Password</label>
            <input
              id="delete-account-password"
              type="password"
              autoComplete="current-password"
              value={password}
              required
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {needsCode ? (
            <div className="field">
              <label htmlFor="delete-account-code">Two-factor code or recovery code</label>
              <input
                id="delete-account-code"
                autoComplete="one-time-code"
                value={code}
                required
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
          ) : null}
        </FormDialog>
      ) : null}
    </section>
  );
}
