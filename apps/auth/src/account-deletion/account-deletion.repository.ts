import { Injectable } from '@nestjs/common';
import type { Executor } from '../database/transaction-runner';

/** Shown for a deleted account wherever its id still appears (auth's public profile, chat's copy). */
const DELETED_USER_DISPLAY_NAME = 'Deleted user';

/** The tombstone username of a deleted account: unique, and frees the name it had. */
function deletedUsername(userId: string): string {
  return `deleted_user_${userId}`;
}

/** The queries of an account deletion, each run inside the deletion's transaction. */
@Injectable()
export class AccountDeletionRepository {
  /**
   * The user row becomes a tombstone: no email, no password, no profile, a `deleted_user_<id>` name
   * (lowercase, as the username check requires), two-factor off. Null when already deleted.
   */
  async tombstone(db: Executor, userId: string, deletedAt: Date): Promise<{ email: string | null } | null> {
    const before = await db
      .selectFrom('users')
      .select(['email'])
      .where('id', '=', userId)
      .where('deletedAt', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return null;
    await db
      .updateTable('users')
      .set({
        email: null,
        emailVerified: false,
        username: deletedUsername(userId),
        displayName: DELETED_USER_DISPLAY_NAME,
        avatarFileId: null,
        about: null,
        passwordHash: null,
        mfaEnabled: false,
        deletedAt,
        updatedAt: deletedAt,
      })
      .where('id', '=', userId)
      .execute();
    return before;
  }

  /**
   * What the account held besides its row: two-factor secrets, recovery codes and login tickets, mailed
   * tokens, mails not sent yet to its address, and the device labels and addresses of its sessions
   * (the session rows stay, revoked, so the gateways' denylists still learn of them at boot).
   */
  async removeSecrets(db: Executor, userId: string, email: string | null): Promise<void> {
    await db.deleteFrom('user_totp').where('userId', '=', userId).execute();
    await db.deleteFrom('mfa_recovery_codes').where('userId', '=', userId).execute();
    await db.deleteFrom('mfa_tickets').where('userId', '=', userId).execute();
    await db.deleteFrom('email_tokens').where('userId', '=', userId).execute();
    if (email !== null) {
      await db.deleteFrom('mail_jobs').where('toAddress', '=', email).where('failedAt', 'is', null).execute();
    }
    await db
      .deleteFrom('refresh_tokens')
      .where('sessionId', 'in', (eb) => eb.selectFrom('sessions').select('id').where('userId', '=', userId))
      .execute();
    await db
      .updateTable('sessions')
      .set({ deviceLabel: null, ip: null })
      .where('userId', '=', userId)
      .execute();
  }

  /** Deletes the applications the user owns (their bot tokens go with them); answers each token's id. */
  async deleteApplications(
    db: Executor,
    ownerId: string,
  ): Promise<{ applicationId: string; tokenId: string | null }[]> {
    const owned = await db
      .selectFrom('applications')
      .leftJoin('bot_tokens', 'bot_tokens.applicationId', 'applications.id')
      .select(['applications.id as applicationId', 'bot_tokens.id as tokenId'])
      .where('applications.ownerId', '=', ownerId)
      .execute();
    if (owned.length > 0) await db.deleteFrom('applications').where('ownerId', '=', ownerId).execute();
    return owned;
  }
}
