import { ERROR } from '@bonfire/contracts';
import type { AuthSession, TokenPair } from '../auth/auth-session';
import { BonfireApiError } from '../errors';
import type { RestClient } from '../rest-client';
import { isMfaChallenge } from './mfa';
import type { AuthResult, LoginRequest, LoginResult, RegisterRequest, SessionInfo } from './types';

/** Registration, login, logout, sessions and password. Login and register start the client's session. */
export class AuthApi {
  constructor(
    private readonly rest: RestClient,
    private readonly session: AuthSession,
  ) {}

  /**
   * Creates an account and logs in (tokens are kept by the client); a verification link is mailed to the
   * address. On an instance that blocks unverified accounts the account is created but not signed in: this
   * throws 403 `EMAIL_NOT_VERIFIED` — open the mailed link (`verifyEmail`), then `login`.
   */
  async register(body: RegisterRequest): Promise<AuthResult> {
    const result = await this.rest.post('/api/v1/auth/register', { body, auth: false });
    if (!('accessToken' in result)) {
      throw new BonfireApiError(403, ERROR.EMAIL_NOT_VERIFIED, 'Confirm your email address, then sign in.');
    }
    await this.session.setTokens(result);
    return result;
  }

  /**
   * Logs in by email or username (`login`). Tokens are kept by the client. On an account with two-factor
   * on, the answer is an `MfaChallenge` (no session yet, check with `isMfaChallenge`): pass its ticket and
   * a code to `completeMfaLogin`.
   */
  async login(body: LoginRequest): Promise<LoginResult> {
    const result = await this.rest.post('/api/v1/auth/login', { body, auth: false });
    if (isMfaChallenge(result)) return result;
    await this.session.setTokens(result);
    return result;
  }

  /** The second step of a login that answered an `MfaChallenge`: a TOTP code or a recovery code. */
  async completeMfaLogin(ticket: string, code: string): Promise<AuthResult> {
    const result = await this.rest.post('/api/v1/auth/login/mfa', { body: { ticket, code }, auth: false });
    await this.session.setTokens(result);
    return result;
  }

  /**
   * Resumes a stored session: exchanges the refresh token in the TokenStore for a fresh access token.
   * Answers false when there is no stored session; throws when the server refused it (and the session
   * ends, see `onSessionEnded`).
   */
  async restore(): Promise<boolean> {
    if (!(await this.session.hasSession())) return false;
    await this.session.refresh();
    return true;
  }

  /** Raw refresh exchange (no session side effects). The client refreshes by itself; rarely needed. */
  exchangeRefreshToken(refreshToken: string): Promise<TokenPair> {
    return this.rest.post('/api/v1/auth/refresh', { body: { refreshToken }, auth: false });
  }

  /**
   * Revokes this session on the server and forgets the tokens locally. The local part happens even when
   * the server call fails (offline); the error is still thrown so the app can tell the session may live on.
   */
  async logout(): Promise<void> {
    try {
      if (this.session.currentAccessToken !== null || (await this.session.hasSession())) {
        await this.rest.post('/api/v1/auth/logout');
      }
    } finally {
      await this.session.end('LOGGED_OUT');
    }
  }

  /** Changes the password; every other session is revoked (this one stays). */
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.rest.post('/api/v1/auth/password', { body: { currentPassword, newPassword } });
  }

  /** The user's sessions (devices); `current` marks this one. */
  sessions(): Promise<SessionInfo[]> {
    return this.rest.get('/api/v1/auth/sessions');
  }

  /** Revokes one session (log a device out). */
  revokeSession(sessionId: string): Promise<void> {
    return this.rest.delete('/api/v1/auth/sessions/{id}', { params: { id: sessionId } });
  }

  /** Confirms the email address with the token of the mailed link (`/verify-email?token=…`); single use. */
  async verifyEmail(token: string): Promise<void> {
    await this.rest.post('/api/v1/auth/verify-email', { body: { token }, auth: false });
  }

  /** Mails a new verification link to an unverified account (always succeeds: nothing is revealed). */
  async resendVerification(email: string): Promise<void> {
    await this.rest.post('/api/v1/auth/verify-email/resend', { body: { email }, auth: false });
  }

  /** "Forgot password?": mails a reset link valid 30 minutes (always succeeds: nothing is revealed). */
  async requestPasswordReset(email: string): Promise<void> {
    await this.rest.post('/api/v1/auth/password-reset', { body: { email }, auth: false });
  }

  /** Sets a new password with the token of the reset mail (`/reset-password?token=…`); ends every session. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    await this.rest.post('/api/v1/auth/password-reset/confirm', { body: { token, password }, auth: false });
  }

  /** Asks to change the email: a link goes to the new address, a notice to the old one. */
  async requestEmailChange(email: string, password: string): Promise<void> {
    await this.rest.patch('/api/v1/users/@me/email', { body: { email, password } });
  }

  /** Switches to the new address with the token mailed to it (`/confirm-email?token=…`). */
  async confirmEmailChange(token: string): Promise<void> {
    await this.rest.post('/api/v1/auth/email-change/confirm', { body: { token }, auth: false });
  }
}
