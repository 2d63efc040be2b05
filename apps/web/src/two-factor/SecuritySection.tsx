import { type FormEvent, useEffect, useState } from 'react';
import type { MfaStatus, TotpEnrolment } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';

type Message = { text: string; error: boolean } | null;

/**
 * Security in user settings: turning two-factor authentication (TOTP) on with a QR code and a first code,
 * the recovery codes (shown once, to copy or download), new recovery codes, and turning it off.
 */
export function SecuritySection() {
  const store = useStore();
  const account = store.accountActions;
  const me = useAppState((state) => state.me);
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [password, setPassword] = useState('');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    account.mfaStatus().then(setStatus, () => setStatus(null));
  }, [account]);

  if (!me || me.bot) return null;
  const enabled = status?.enabled ?? me.mfaEnabled === true;

  const run = async (action: () => Promise<void>) => {
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  const refresh = async () => {
    setStatus(await account.mfaStatus());
    store.setMe(await account.me());
  };

  const start = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setEnrolment(await account.enrolTotp(password));
      setPassword('');
      setRecoveryCodes(null);
    });
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { recoveryCodes: codes } = await account.confirmTotp(code.trim());
      setEnrolment(null);
      setCode('');
      setRecoveryCodes(codes);
      setMessage({ text: 'Two-factor authentication is on.', error: false });
      await refresh();
    });
  };

  const regenerate = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { recoveryCodes: codes } = await account.regenerateRecoveryCodes(code.trim());
      setCode('');
      setRecoveryCodes(codes);
      setMessage({ text: 'New recovery codes: the old ones no longer work.', error: false });
      await refresh();
    });
  };

  const disable = () =>
    void run(async () => {
      await account.disableTotp(code.trim());
      setCode('');
      setRecoveryCodes(null);
      setMessage({ text: 'Two-factor authentication is off.', error: false });
      await refresh();
    });

  const copy = () =>
    void run(async () => {
      await navigator.clipboard.writeText(recoveryCodes!.join('\n'));
      setMessage({ text: 'Recovery codes copied to the clipboard.', error: false });
    });

  const download = () => {
    const blob = new Blob([`Bonfire recovery codes for ${me.username}\n\n${recoveryCodes!.join('\n')}\n`], {
      type: 'text/plain',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'bonfire-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  const codeField = (label: string) => (
    <div className="field">
      <label htmlFor="security-code">{label}</label>
      <input
        id="security-code"
        value={code}
        autoComplete="one-time-code"
        required
        onChange={(e) => setCode(e.target.value)}
      />
    </div>
  );

  return (
    <section aria-labelledby="security-heading">
      <h2 id="security-heading">Security</h2>
      <p>
        Two-factor authentication is <strong>{enabled ? 'on' : 'off'}</strong>
        {enabled && status ? ` (${status.recoveryCodesLeft} recovery codes left)` : ''}.
      </p>

      {recoveryCodes ? (
        <div className="recovery-codes" style={{ marginBottom: 16 }}>
          <h3 id="recovery-codes-heading">Your recovery codes</h3>
          <p>
            Each code signs you in once if you lose your authenticator. Save them now: they are not shown
            again.
          </p>
          <ul aria-label="Recovery codes" style={{ fontFamily: 'monospace', columns: 2 }}>
            {recoveryCodes.map((recovery) => (
              <li key={recovery}>{recovery}</li>
            ))}
          </ul>
          <button className="button secondary" type="button" onClick={copy}>
            Copy
          </button>{' '}
          <button className="button secondary" type="button" onClick={download}>
            Download
          </button>{' '}
          <button className="button secondary" type="button" onClick={() => setRecoveryCodes(null)}>
            I saved them
          </button>
        </div>
      ) : null}

      {!enabled && !enrolment ? (
        <form onSubmit={start}>
          <div className="field">
            <label htmlFor="security-password">Password (to turn two-factor on)</label>
            <input
              id="security-password"
              type="password"
              autoComplete="current-password"
              value={password}
              required
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button className="button" type="submit">
            Enable two-factor authentication
          </button>
        </form>
      ) : null}

      {!enabled && enrolment ? (
        <form onSubmit={confirm}>
          <p>Scan this QR code with your authenticator app, then enter the code it shows.</p>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrCodeSvg)}`}
            alt="QR code for your authenticator app"
            width={192}
            height={192}
            style={{ background: 'white' }}
          />
          <p>
            Or enter this key by hand: <code aria-label="Secret key">{enrolment.secret}</code>
          </p>
          {codeField('Code from the app')}
          <button className="button" type="submit">
            Confirm and turn on
          </button>{' '}
          <button className="button secondary" type="button" onClick={() => setEnrolment(null)}>
            Cancel
          </button>
        </form>
      ) : null}

      {enabled ? (
        <form onSubmit={regenerate}>
          {codeField('Authentication code or recovery code')}
          <button className="button secondary" type="submit">
            New recovery codes
          </button>{' '}
          <button className="button danger" type="button" onClick={disable}>
            Disable two-factor authentication
          </button>
        </form>
      ) : null}

      {message ? (
        <div className={`alert${message.error ? '' : ' info'}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
    </section>
  );
}
