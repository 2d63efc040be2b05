import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { DataExportsTable } from './data-exports.schema';

export type DataExportRow = Selectable<DataExportsTable>;

/** First half of the advisory-lock key of a user's export requests ('DEXP'). */
const EXPORT_REQUESTS_LOCK_NAMESPACE = 0x44455850;

/** The only place that touches `data_exports`. */
@Injectable()
export class DataExportsRepository {
  /** Serialises one user's export requests until the transaction ends. */
  async lockRequestsOf(db: ChatExecutor, userId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(${EXPORT_REQUESTS_LOCK_NAMESPACE}, hashtext(${userId}))`.execute(
      db,
    );
  }

  /** The user's latest export that did not fail (what the interval between exports counts from). */
  async latestNotFailed(db: ChatExecutor, userId: string): Promise<DataExportRow | null> {
    return (
      (await db
        .selectFrom('data_exports')
        .selectAll()
        .where('userId', '=', userId)
        .where('status', '!=', 'failed')
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()) ?? null
    );
  }

  async insert(db: ChatExecutor, id: string, userId: string): Promise<DataExportRow> {
    return db.insertInto('data_exports').values({ id, userId }).returningAll().executeTakeFirstOrThrow();
  }

  async listOf(db: ChatExecutor, userId: string, limit: number): Promise<DataExportRow[]> {
    return db
      .selectFrom('data_exports')
      .selectAll()
      .where('userId', '=', userId)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async find(db: ChatExecutor, id: string): Promise<DataExportRow | null> {
    return (await db.selectFrom('data_exports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /**
   * Takes the oldest job to run: a pending one, or a running one whose heartbeat is older than
   * `leaseCutoff` (its worker died). Replicas skip each other's candidates. The job becomes running, its
   * attempts counted. `excluding`: the jobs this process runs (never taken twice by their own worker).
   */
  async claimNext(
    db: ChatExecutor,
    leaseCutoff: Date,
    excluding: readonly string[] = [],
  ): Promise<DataExportRow | null> {
    let query = db.selectFrom('data_exports').select('id');
    if (excluding.length > 0) query = query.where('id', 'not in', excluding);
    const candidate = await query
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([
            eb('status', '=', 'running'),
            eb.or([eb('heartbeatAt', 'is', null), eb('heartbeatAt', '<', leaseCutoff)]),
          ]),
        ]),
      )
      .orderBy('createdAt')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!candidate) return null;
    return db
      .updateTable('data_exports')
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        progress: 0,
        heartbeatAt: new Date(),
      }))
      .where('id', '=', candidate.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Progress of a running job (and its heartbeat); null when the job is no longer running. */
  async progress(db: ChatExecutor, id: string, progress: number): Promise<DataExportRow | null> {
    return (
      (await db
        .updateTable('data_exports')
        .set({ progress, heartbeatAt: new Date() })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async ready(
    db: ChatExecutor,
    id: string,
    archive: { fileId: string; size: number; expiresAt: Date },
  ): Promise<DataExportRow | null> {
    return (
      (await db
        .updateTable('data_exports')
        .set({
          status: 'ready',
          progress: 100,
          fileId: archive.fileId,
          size: archive.size,
          expiresAt: archive.expiresAt,
          finishedAt: new Date(),
          error: null,
        })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async failed(db: ChatExecutor, id: string, error: string): Promise<DataExportRow | null> {
    return (
      (await db
        .updateTable('data_exports')
        .set({ status: 'failed', error: error.slice(0, 500), finishedAt: new Date() })
        .where('id', '=', id)
        .where('status', 'in', ['pending', 'running'])
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }
}
