import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ERROR } from '@bonfire/contracts';
import { BonfireApiError, type BonfireClient } from '@bonfire/sdk';
import { navigate } from '../app/router';
import { capitalise, describeError, fieldErrors } from '../app/util';

/** The token of a mailed link (`?token=…`), read once from the address bar. */
export function tokenFromLocation(search = window.location.search): string {
  return new URLSearchParams(search).get('token') ?? '';
}

type Outcome = { text: string; error: boolean } | null;

interface LinkPageProps {
  client: BonfireClient;
  signedIn: boolean;
  /** After the link worked (the account changed). */
  onDone?: () => void;
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <main className="auth-screen">
      <div className="auth-card" aria-labelledby="auth-title" role="region">
        <h1 id="auth-title" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </div>
    </main>
  );
}

function Message({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <div className={`alert${outcome.error ? '' : ' info'}`} role={outcome.error ? 'alert' : 'status'}>
      {outcome.text}
    </div>
  );
}

function Continue({ signedIn }: { signedIn: boolean }) {
  return (
    <p className="switch">
      <a
        href={signedIn ? '/channels/@me' : '/login'}
        onClick={(event) => {
          event.preventDefault();
          navigate(signedIn ? { page: 'home', channelId: null } : { page: 'login' });
        }}
      >
        {signedIn ? 'Continue to Bonfire' : 'Go to log in'}
      </a>
    </p>
  );
}

const INVALID_LINK = 'This link is invalid, already used or expired.';

/** Runs a link's one request once (React may mount twice in development). */
function useOnce(run: () => Promise<void>): void {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run();
  });
}

/** `/verify-email?token=…`: confirms the address; on a dead link, offers to mail a new one. */
export function VerifyEmailPage({ client, signedIn, onDone }: LinkPageProps) {
  const [outcome, setOutcome] = useState<Outcome>({ text: 'Confirming your email address…', error: false });
  const [failed, setFailed] = useState(false);
  useOnce(async () => {
    try {
      await client.auth.verifyEmail(tokenFromLocation());
      setOutcome({ text: 'Your email address is confirmed. Thank you!', error: false });
      onDone?.();
    } catch (error) {
      setFailed(true);
      setOutcome({ text: isDeadLink(error) ? INVALID_LINK : capitalise(describeError(error)), error: true });
    }
  });
  return (
    <Card title="Confirm your email">
      <Message outcome={outcome} />
      {failed ? <ResendVerificationForm client={client} /> : null}
      <Continue signedIn={signedIn} />
    </Card>
  );
}

/** Mails a new verification link (the answer never says whether the address has an account). */
function ResendVerificationForm({ client, email = '' }: { client: BonfireClient; email?: string }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    try {
      await client.auth.resendVerification(address);
      setOutcome({ text: 'If that address needs confirming, a new link is on its way.', error: false });
    } catch (error) {
      setOutcome({ text: capitalise(describeError(error)), error: true });
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="resend-email">Email</label>
        <input
          id="resend-email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={email}
          required
        />
      </div>
      <button className="button" type="submit">
        Send a new link
      </button>
      <Message outcome={outcome} />
    </form>
  );
}

/** `/forgot-password`: mails a reset link; the same answer whether or not the account exists. */
export function ForgotPasswordPage({ client }: { client: BonfireClient }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setBusy(true);
    try {
      await client.auth.requestPasswordReset(email);
      setOutcome({
        text: 'If an account uses that address, we mailed it a link to choose a new password (valid 30 minutes).',
        error: false,
      });
    } catch (error) {
      setOutcome({ text: capitalise(describeError(error)), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Forgot your password?">
      <p className="subtitle">Enter your account's email address and we will mail you a link.</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="forgot-email">Email</label>
          <input id="forgot-email" name="email" type="email" autoComplete="email" required />
        </div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Please wait…' : 'Send me a link'}
        </button>
      </form>
      <Message outcome={outcome} />
      <Continue signedIn={false} />
    </Card>
  );
}

/** `/reset-password?token=…`: the new password (twice); every session ends, then the user logs in. */
export function ResetPasswordPage({ client }: { client: BonfireClient }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [done, setDone] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    setFields({});
    if (password.length < 8)
      return setOutcome({ text: 'The password must be at least 8 characters long.', error: true });
    if (password !== String(form.get('confirm') ?? '')) {
      return setOutcome({ text: 'The two passwords differ.', error: true });
    }
    try {
      await client.auth.confirmPasswordReset(tokenFromLocation(), password);
      setDone(true);
      setOutcome({
        text: 'Your password is changed and every device was logged out. Log in with it.',
        error: false,
      });
    } catch (error) {
      setFields(fieldErrors(error));
      setOutcome({ text: isDeadLink(error) ? INVALID_LINK : capitalise(describeError(error)), error: true });
    }
  };
  return (
    <Card title="Choose a new password">
      {done ? null : (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="reset-password">New password</label>
            <input
              id="reset-password"
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={8}
              required
              aria-invalid={fields['password'] ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="reset-confirm">Confirm new password</label>
            <input id="reset-confirm" name="confirm" type="password" autoComplete="new-password" required />
          </div>
          <button className="button" type="submit">
            Set password
          </button>
        </form>
      )}
      <Message outcome={outcome} />
      <Continue signedIn={false} />
    </Card>
  );
}

/** `/confirm-email?token=…`: switches the account to the new address the link was mailed to. */
export function ConfirmEmailPage({ client, signedIn, onDone }: LinkPageProps) {
  const [outcome, setOutcome] = useState<Outcome>({
    text: 'Confirming your new email address…',
    error: false,
  });
  useOnce(async () => {
    try {
      await client.auth.confirmEmailChange(tokenFromLocation());
      setOutcome({ text: 'Your account now uses this email address.', error: false });
      onDone?.();
    } catch (error) {
      setOutcome({ text: isDeadLink(error) ? INVALID_LINK : capitalise(describeError(error)), error: true });
    }
  });
  return (
    <Card title="Confirm your new email">
      <Message outcome={outcome} />
      <Continue signedIn={signedIn} />
    </Card>
  );
}

function isDeadLink(error: unknown): boolean {
  return error instanceof BonfireApiError && error.code === ERROR.INVALID_TOKEN;
}
