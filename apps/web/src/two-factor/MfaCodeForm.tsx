import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AuthResult, BonfireClient, MfaChallenge } from '@bonfire/sdk';
import { capitalise, describeError } from '../app/util';

// A button that reads as a link (the auth card's other choices are links).
const LINK_BUTTON = {
  background: 'none',
  border: 0,
  padding: 0,
  font: 'inherit',
  color: 'var(--text-link, #00a8fc)',
  cursor: 'pointer',
} as const;

interface MfaCodeFormProps {
  client: BonfireClient;
  challenge: MfaChallenge;
  onSignedIn: (result: AuthResult) => void;
  /** Back to the password (the ticket expired, or another account). */
  onCancel: () => void;
}

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function MfaCodeForm({ client, challenge, onSignedIn, onCancel }: MfaCodeFormProps) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    setCode('');
    inputRef.current?.focus();
  }, [useRecovery]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await client.auth.completeMfaLogin(challenge.ticket, code.trim()));
    } catch (caught) {
      setError(capitalise(describeError(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="auth-card" onSubmit={submit} aria-labelledby="mfa-title" noValidate>
      <h1 id="mfa-title" ref={headingRef} tabIndex={-1}>
        Two-factor authentication
      </h1>
      <p className="subtitle">
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you turned two-factor on.'
          : 'Enter the 6-digit code from your authenticator app.'}
      </p>
      {error ? (
        <div className="alert" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="mfa-code">{useRecovery ? 'Recovery code' : 'Authentication code'}</label>
        <input
          id="mfa-code"
          ref={inputRef}
          name="code"
          value={code}
          required
          autoComplete="one-time-code"
          {...(useRecovery
            ? { placeholder: 'xxxxx-xxxxx', spellCheck: false, autoCapitalize: 'none' }
            : { inputMode: 'numeric' as const, pattern: '[0-9]{6}', maxLength: 6, placeholder: '123456' })}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      {challenge.methods.includes('recovery') ? (
        <p className="forgot">
          <button
            type="button"
            className="link-button"
            style={LINK_BUTTON}
            onClick={() => setUseRecovery((value) => !value)}
          >
            {useRecovery ? 'Use your authenticator app' : 'Use a recovery code'}
          </button>
        </p>
      ) : null}
      <button className="button" type="submit" disabled={busy || code.trim() === ''}>
        {busy ? 'Please wait…' : 'Log in'}
      </button>
      <p className="switch">
        <button type="button" className="link-button" style={LINK_BUTTON} onClick={onCancel}>
          Back to the password
        </button>
      </p>
    </form>
  );
}
