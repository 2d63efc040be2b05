import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { SessionsTable } from '../database/schema';
import type { Executor } from '../database/transaction-runner';

export type SessionRow = Selectable<SessionsTable>;

export interface RefreshTokenWithSession {
  token: { usedAt: Date | null; expiresAt: Date };
  session: SessionRow;
}

@Injectable()
export class SessionsRepository {
  async createSession(
    db: Executor,
    session: { id: string; userId: string; deviceLabel: string | null; ip: string | null; expiresAt: Date },
  ): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        device_label: session.deviceLabel,
        ip: session.ip,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async insertRefreshToken(
    db: Executor,
    token: { hash: string; sessionId: string; expiresAt: Date },
  ): Promise<void> {
    await db
      .insertInto('refresh_tokens')
      .values({ token_hash: token.hash, session_id: token.sessionId, expires_at: token.expiresAt })
      .execute();
  }

  /** The token and its session, both row-locked until the transaction ends (concurrent refreshes queue). */
  async findRefreshTokenForUpdate(trx: Executor, hash: string): Promise<RefreshTokenWithSession | null> {
    const row = await trx
      .selectFrom('refresh_tokens as t')
      .innerJoin('sessions as s', 's.id', 't.session_id')
      .select([
        't.used_at as token_used_at',
        't.expires_at as token_expires_at',
        's.id',
        's.user_id',
        's.device_label',
        's.ip',
        's.created_at',
        's.last_used_at',
        's.expires_at',
        's.revoked_at',
        's.revoked_reason',
      ])
      .where('t.token_hash', '=', hash)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return null;
    const { token_used_at, token_expires_at, ...session } = row;
    return { token: { usedAt: token_used_at, expiresAt: token_expires_at }, session };
  }

  async markRefreshTokenUsed(db: Executor, hash: string, at: Date): Promise<void> {
    await db.updateTable('refresh_tokens').set({ used_at: at }).where('token_hash', '=', hash).execute();
  }

  async touchSession(
    db: Executor,
    id: string,
    use: { ip: string | null; at: Date; expiresAt: Date },
  ): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ last_used_at: use.at, expires_at: use.expiresAt, ...(use.ip ? { ip: use.ip } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** Whether an instance admin suspended the user (admin/): no session starts or refreshes. */
  async userSuspended(db: Executor, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('users')
      .select('suspended_at')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row !== undefined && row.suspended_at !== null;
  }

  async findSession(db: Executor, id: string): Promise<SessionRow | null> {
    return (await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Sessions a user can still refresh, newest first. */
  async listActive(db: Executor, userId: string, now: Date): Promise<SessionRow[]> {
    return db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('id', 'desc')
      .execute();
  }

  /** Sessions revoked after `since`, oldest first (sessions_revoked_idx). */
  async listRevokedSince(
    db: Executor,
    since: Date,
  ): Promise<{ id: string; user_id: string; revoked_at: Date; revoked_reason: string | null }[]> {
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'user_id', 'revoked_at', 'revoked_reason'])
      .where('revoked_at', '>', since)
      .orderBy('revoked_at')
      .execute();
    return rows.flatMap((row) => (row.revoked_at ? [{ ...row, revoked_at: row.revoked_at }] : []));
  }

  /** Revokes one live session of a user; returns whether there was one (so the caller announces it once). */
  async revoke(db: Executor, userId: string, sessionId: string, reason: string): Promise<boolean> {
    const result = await db
      .updateTable('sessions')
      .set({ revoked_at: new Date(), revoked_reason: reason })
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  }

  async revokeAllExcept(
    db: Executor,
    userId: string,
    keepSessionId: string,
    reason: string,
  ): Promise<string[]> {
    const rows = await db
      .updateTable('sessions')
      .set({ revoked_at: new Date(), revoked_reason: reason })
      .where('user_id', '=', userId)
      .where('id', '!=', keepSessionId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }
}
