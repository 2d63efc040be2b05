import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../database/schema';
import type { Executor } from '../database/transaction-runner';

export type UserRow = Selectable<UsersTable>;

export const USERNAME_CONSTRAINT = 'users_username_key';
export const EMAIL_CONSTRAINT = 'users_email_lower_key';

interface NewUser {
  id: string;
  /** Null (with passwordHash) only for a bot. */
  email: string | null;
  username: string;
  displayName: string | null;
  passwordHash: string | null;
  bot?: boolean;
  about?: string | null;
}

interface ProfileChanges {
  displayName?: string | null;
  avatarFileId?: string | null;
  about?: string | null;
}

@Injectable()
export class UsersRepository {
  /** Throws a Postgres unique violation (USERNAME_CONSTRAINT / EMAIL_CONSTRAINT) when taken. */
  async insert(db: Executor, user: NewUser): Promise<UserRow> {
    return db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        username: user.username,
        displayName: user.displayName,
        passwordHash: user.passwordHash,
        bot: user.bot ?? false,
        about: user.about ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findById(db: Executor, id: string): Promise<UserRow | null> {
    return (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** By email (ignoring case) when `login` has an @, otherwise by username. */
  async findByLogin(db: Executor, login: string): Promise<UserRow | null> {
    const normalized = login.trim().toLowerCase();
    const query = db.selectFrom('users').selectAll();
    const row = normalized.includes('@')
      ? await query.where(sql<string>`lower(email)`, '=', normalized).executeTakeFirst()
      : await query.where('username', '=', normalized).executeTakeFirst();
    return row ?? null;
  }

  /** Row-locks the user for the rest of the transaction. */
  async findByIdForUpdate(db: Executor, id: string): Promise<UserRow | null> {
    return (
      (await db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null
    );
  }

  async updateProfile(db: Executor, id: string, changes: ProfileChanges): Promise<UserRow | null> {
    const row = await db
      .updateTable('users')
      .set({
        ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
        ...(changes.avatarFileId !== undefined ? { avatarFileId: changes.avatarFileId } : {}),
        ...(changes.about !== undefined ? { about: changes.about } : {}),
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async updatePasswordHash(db: Executor, id: string, passwordHash: string): Promise<void> {
    await db.updateTable('users').set({ passwordHash, updatedAt: new Date() }).where('id', '=', id).execute();
  }

  async markEmailVerified(db: Executor, id: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ emailVerified: true, updatedAt: new Date() })
      .where('id', '=', id)
      .where('emailVerified', '=', false)
      .execute();
  }

  /** The confirmed new address (verified by the link). Throws EMAIL_CONSTRAINT's violation when taken. */
  async changeEmail(db: Executor, id: string, email: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ email, emailVerified: true, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
  }
}
