import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { SessionsTable } from '../database/schema';
import type { Executor } from '../database/transaction-runner';

export type SessionRow = Selectable<SessionsTable>;

interface RefreshTokenWithSession {
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
        userId: session.userId,
        deviceLabel: session.deviceLabel,
        ip: session.ip,
        expiresAt: session.expiresAt,
      })
      .execute();
  }

  async insertRefreshToken(
    db: Executor,
    token: { hash: string; sessionId: string; expiresAt: Date },
  ): Promise<void> {
    await db
      .insertInto('refresh_tokens')
      .values({ tokenHash: token.hash, sessionId: token.sessionId, expiresAt: token.expiresAt })
      .execute();
  }

  /** The token and its session, both row-locked until the transaction ends (concurrent refreshes queue). */
  async findRefreshTokenForUpdate(trx: Executor, hash: string): Promise<RefreshTokenWithSession | null> {
    const row = await trx
      .selectFrom('refresh_tokens as t')
      .innerJoin('sessions as s', 's.id', 't.sessionId')
      .select([
        't.usedAt as tokenUsedAt',
        't.expiresAt as tokenExpiresAt',
        's.id',
        's.userId',
        's.deviceLabel',
        's.ip',
        's.createdAt',
        's.lastUsedAt',
        's.expiresAt',
        's.revokedAt',
        's.revokedReason',
      ])
      .where('t.tokenHash', '=', hash)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return null;
    const { tokenUsedAt, tokenExpiresAt, ...session } = row;
    return { token: { usedAt: tokenUsedAt, expiresAt: tokenExpiresAt }, session };
  }

  async markRefreshTokenUsed(db: Executor, hash: string, at: Date): Promise<void> {
    await db.updateTable('refresh_tokens').set({ usedAt: at }).where('tokenHash', '=', hash).execute();
  }

  async touchSession(
    db: Executor,
    id: string,
    use: { ip: string | null; at: Date; expiresAt: Date },
  ): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ lastUsedAt: use.at, expiresAt: use.expiresAt, ...(use.ip ? { ip: use.ip } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** Whether an instance admin suspended the user (admin/): no session starts or refreshes. */
  async userSuspended(db: Executor, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('users')
      .select('suspendedAt')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row !== undefined && row.suspendedAt !== null;
  }

  async findSession(db: Executor, id: string): Promise<SessionRow | null> {
    return (await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Sessions a user can still refresh, newest first. */
  async listActive(db: Executor, userId: string, now: Date): Promise<SessionRow[]> {
    return db
      .selectFrom('sessions')
      .selectAll()
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .orderBy('id', 'desc')
      .execute();
  }

  /** Sessions revoked after `since`, oldest first (sessions_revoked_idx). */
  async listRevokedSince(
    db: Executor,
    since: Date,
  ): Promise<{ id: string; userId: string; revokedAt: Date; revokedReason: string | null }[]> {
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'userId', 'revokedAt', 'revokedReason'])
      .where('revokedAt', '>', since)
      .orderBy('revokedAt')
      .execute();
    return rows.flatMap((row) => (row.revokedAt ? [{ ...row, revokedAt: row.revokedAt }] : []));
  }

  /** Revokes one live session of a user; returns whether there was one (so the caller announces it once). */
  async revoke(db: Executor, userId: string, sessionId: string, reason: string): Promise<boolean> {
    const result = await db
      .updateTable('sessions')
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where('id', '=', sessionId)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
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
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where('userId', '=', userId)
      .where('id', '!=', keepSessionId)
      .where('revokedAt', 'is', null)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }
}
