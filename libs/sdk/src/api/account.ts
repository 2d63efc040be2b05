import type { AuthSession } from '../auth/auth-session';
import type { HttpClient } from '../http';

export interface DeleteAccountRequest {
  /** The account's current password. */
  password: string;
  /** With two-factor on: a code from the authenticator app, or a recovery code. */
  code?: string;
}

/** The signed-in user's account itself. */
export class AccountApi {
  constructor(
    private readonly http: HttpClient,
    private readonly session: AuthSession,
  ) {}

  /**
   * Deletes the account for good (POST /users/@me/delete): every session ends, and the instance removes
   * or anonymises what it held (messages stay as "Deleted user" or are removed, as the instance decides).
   * On success the client's session ends too (`onSessionEnded` with reason `ACCOUNT_DELETED`). Refusals:
   * 403 `INVALID_CURRENT_PASSWORD`, `MFA_CODE_REQUIRED` (two-factor is on: pass `code`), `INVALID_MFA_CODE`.
   */
  async delete(body: DeleteAccountRequest): Promise<void> {
    await this.http.request<void>('POST', '/api/v1/users/@me/delete', { body });
    await this.session.end('ACCOUNT_DELETED');
  }
}
