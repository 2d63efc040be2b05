import type { HttpClient } from '../http';
import type { AuthResult } from './types';

const BASE = '/api/v1/users/@me/mfa';

/**
 * The answer to a right password on an account with two-factor on: no tokens yet. Pass the ticket and a
 * code from the authenticator app (or a recovery code) to `client.auth.completeMfaLogin`.
 */
export interface MfaChallenge {
  mfaRequired: true;
  /** Single use, valid `expiresIn` seconds (5 minutes by default). */
  ticket: string;
  expiresIn: number;
  methods: ('totp' | 'recovery')[];
}

/** What `client.auth.login` answers: signed in, or a second factor is needed. */
export type LoginResult = AuthResult | MfaChallenge;

export function isMfaChallenge(result: LoginResult): result is MfaChallenge {
  return 'mfaRequired' in result && result.mfaRequired === true;
}

export interface TotpEnrolment {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** otpauth://totp/…, what the QR code holds. */
  otpauthUri: string;
  /** The QR code, an SVG document. */
  qrCodeSvg: string;
}

export interface RecoveryCodes {
  /** Ten single-use codes; the server keeps only their hashes, so this is the one chance to save them. */
  recoveryCodes: string[];
}

export interface MfaStatus {
  enabled: boolean;
  /** An enrolment waits for its confirming code. */
  pending: boolean;
  recoveryCodesLeft: number;
}

/** Two-factor authentication (TOTP) of the signed-in user. */
export class MfaApi {
  constructor(private readonly http: HttpClient) {}

  status(): Promise<MfaStatus> {
    return this.http.request('GET', BASE);
  }

  /** Starts an enrolment (password required): show the QR code, then `confirmTotp` with a code. */
  enrolTotp(password: string): Promise<TotpEnrolment> {
    return this.http.request('POST', `${BASE}/totp`, { body: { password } });
  }

  /** The first code from the app turns two-factor on; answers the recovery codes (shown once). */
  confirmTotp(code: string): Promise<RecoveryCodes> {
    return this.http.request('POST', `${BASE}/totp/confirm`, { body: { code } });
  }

  /** New recovery codes (the old ones stop working); needs a TOTP or recovery code. */
  regenerateRecoveryCodes(code: string): Promise<RecoveryCodes> {
    return this.http.request('POST', `${BASE}/recovery-codes`, { body: { code } });
  }

  /** Turns two-factor off; needs a TOTP or recovery code. */
  disableTotp(code: string): Promise<void> {
    return this.http.request('DELETE', `${BASE}/totp`, { body: { code } });
  }
}
