import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  type BonfireClient,
  isMfaChallenge,
  type MfaChallenge,
  type PrivateUser,
  type RegistrationMode,
} from '@bonfire/sdk';
import { navigate } from '../app/router';
import { capitalise, describeError, fieldErrors } from '../app/util';
import { MfaCodeForm } from '../two-factor/MfaCodeForm';

interface AuthScreenProps {
  client: BonfireClient;
  mode: 'login' | 'register';
  onSignedIn: (me: PrivateUser) => void;
}

/** Login and registration. Errors name the field they concern and are announced. */
export function AuthScreen({ client, mode, onSignedIn }: AuthScreenProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [registration, setRegistration] = useState<RegistrationMode | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The register screen follows the instance's mode: an invite code field, or "registration is closed".
  useEffect(() => {
    if (mode !== 'register') return;
    let cancelled = false;
    client.instance.info().then(
      (info) => !cancelled && setRegistration(info.registrationMode),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client, mode]);
  const closed = mode === 'register' && registration === 'closed';

  useEffect(() => {
    setError(null);
    setFields({});
    setChallenge(null);
    headingRef.current?.focus();
  }, [mode]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const result =
        mode === 'login'
          ? await client.auth.login({ login: value('login'), password: String(form.get('password') ?? '') })
          : await client.auth.register({
              email: value('email'),
              username: value('username').toLowerCase(),
              password: String(form.get('password') ?? ''),
              ...(value('displayName') ? { displayName: value('displayName') } : {}),
              ...(value('inviteCode') ? { inviteCode: value('inviteCode') } : {}),
            });
      if (isMfaChallenge(result)) setChallenge(result);
      else onSignedIn(result.user);
    } catch (caught) {
      setFields(fieldErrors(caught));
      setError(capitalise(describeError(caught)));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) =>
    fields[name] ? (
      <span className="field-error" id={`${name}-error`}>
        {fields[name]}
      </span>
    ) : null;
  const described = (name: string) =>
    fields[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {};

  if (challenge) {
    return (
      <main className="auth-screen">
        <MfaCodeForm
          client={client}
          challenge={challenge}
          onSignedIn={(result) => onSignedIn(result.user)}
          onCancel={() => setChallenge(null)}
        />
      </main>
    );
  }

  return (
    <main className="auth-screen">
      <form className="auth-card" onSubmit={submit} aria-labelledby="auth-title" noValidate>
        <h1 id="auth-title" ref={headingRef} tabIndex={-1}>
          {mode === 'login' ? 'Welcome back!' : 'Create an account'}
        </h1>
        <p className="subtitle">
          {mode === 'login' ? 'We are so excited to see you again!' : 'Join Bonfire.'}
        </p>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        {closed ? (
          <div className="alert info" role="status">
            Registration is closed on this instance.
          </div>
        ) : null}
        {mode === 'register' ? (
          <>
            <div className="field">
              <label htmlFor="email">Email</label>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="email"
                required
                {...described('email')}
              />
              {fieldError('email')}
            </div>
            <div className="field">
              <label htmlFor="username">Username</label>
              <input
                id="username"
                name="username"
                autoComplete="username"
                required
                pattern="[a-z0-9_.]{2,32}"
                {...described('username')}
              />
              {fieldError('username')}
            </div>
            {registration === 'invite_only' ? (
              <div className="field">
                <label htmlFor="inviteCode">Invite code</label>
                <input
                  id="inviteCode"
                  name="inviteCode"
                  autoComplete="off"
                  required
                  defaultValue={new URLSearchParams(window.location.search).get('invite') ?? ''}
                  {...described('inviteCode')}
                />
                {fieldError('inviteCode')}
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="displayName">Display name (optional)</label>
              <input
                id="displayName"
                name="displayName"
                autoComplete="nickname"
                {...described('displayName')}
              />
              {fieldError('displayName')}
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor="login">Email or username</label>
            <input id="login" name="login" autoComplete="username" required {...described('login')} />
            {fieldError('login')}
          </div>
        )}
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            required
            minLength={mode === 'register' ? 8 : undefined}
            {...described('password')}
          />
          {fieldError('password')}
        </div>
        {mode === 'login' ? (
          <p className="forgot">
            <a
              href="/forgot-password"
              onClick={(event) => {
                event.preventDefault();
                navigate({ page: 'forgot-password' });
              }}
            >
              Forgot your password?
            </a>
          </p>
        ) : null}
        <button className="button" type="submit" disabled={busy || closed}>
          {busy ? 'Please wait…' : mode === 'login' ? 'Log in' : 'Create account'}
        </button>
        <p className="switch">
          {mode === 'login' ? 'Need an account? ' : 'Already have an account? '}
          <a
            href={mode === 'login' ? '/register' : '/login'}
            onClick={(event) => {
              event.preventDefault();
              navigate(mode === 'login' ? '/register' : '/login');
            }}
          >
            {mode === 'login' ? 'Register' : 'Log in'}
          </a>
        </p>
      </form>
    </main>
  );
}
