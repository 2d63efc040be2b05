import type { AuthSession } from '../auth/auth-session';
import type { RestClient } from '../rest-client';
import type { DeleteAccountRequest } from './types';

/** The signed-in user's account itself. */
export class AccountApi {
  constructor(
    private readonly rest: RestClient,
    private readonly session: AuthSession,
  ) {}

  /**
   * Deletes the account for good (POST /users/@me/delete): every session ends, and the instance removes
   * or anonymises what it held (messages stay as "Deleted user" or are removed, as the instance decides).
   * On success the client's session ends too (`onSessionEnded` with reason `ACCOUNT_DELETED`). Refusals:
   * 403 `INVALID_CURRENT_PASSWORD`, `MFA_CODE_REQUIRED` (two-factor is on: pass `code`), `INVALID_MFA_CODE`.
   */
  async delete(body: DeleteAccountRequest): Promise<void> {
    await this.rest.post('/api/v1/users/@me/delete', { body });
    await this.session.end('ACCOUNT_DELETED');
  }
}
