import type { RestClient } from '../rest-client';
import type { LoginResult, MfaChallenge, MfaStatus, RecoveryCodes, TotpEnrolment } from './types';

/** A login answered a second-factor challenge (no session yet): pass its ticket to `completeMfaLogin`. */
export function isMfaChallenge(result: LoginResult): result is MfaChallenge {
  return 'mfaRequired' in result && result.mfaRequired === true;
}

/** Two-factor authentication (TOTP) of the signed-in user. */
export class MfaApi {
  constructor(private readonly rest: RestClient) {}

  status(): Promise<MfaStatus> {
    return this.rest.get('/api/v1/users/@me/mfa');
  }

  /** Starts an enrolment (password required): show the QR code, then `confirmTotp` with a code. */
  enrolTotp(password: string): Promise<TotpEnrolment> {
    return this.rest.post('/api/v1/users/@me/mfa/totp', { body: { password } });
  }

  /** The first code from the app turns two-factor on; answers the recovery codes (shown once). */
  confirmTotp(code: string): Promise<RecoveryCodes> {
    return this.rest.post('/api/v1/users/@me/mfa/totp/confirm', { body: { code } });
  }

  /** New recovery codes (the old ones stop working); needs a TOTP or recovery code. */
  regenerateRecoveryCodes(code: string): Promise<RecoveryCodes> {
    return this.rest.post('/api/v1/users/@me/mfa/recovery-codes', { body: { code } });
  }

  /** Turns two-factor off; needs a TOTP or recovery code. */
  disableTotp(code: string): Promise<void> {
    return this.rest.delete('/api/v1/users/@me/mfa/totp', { body: { code } });
  }
}
