import type { AuditLogUser } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import type { Insertable } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { AuditLogEntriesTable } from '../database/schema';
import type { AuditLogQuery, AuditLogRow } from './audit-log.dto';

@Injectable()
export class AuditLogRepository {
  async insert(db: ChatExecutor, entry: Insertable<AuditLogEntriesTable>): Promise<void> {
    await db.insertInto('audit_log_entries').values(entry).execute();
  }

  /** Newest first; `before` an entry id. */
  async page(db: ChatExecutor, guildId: string, query: AuditLogQuery): Promise<AuditLogRow[]> {
    let select = db.selectFrom('audit_log_entries').selectAll().where('guildId', '=', guildId);
    if (query.user_id !== undefined) select = select.where('actorId', '=', query.user_id);
    if (query.action_type !== undefined) select = select.where('action', '=', query.action_type);
    if (query.before !== undefined) select = select.where('id', '<', query.before);
    return select.orderBy('id', 'desc').limit(query.limit).execute();
  }

  async users(db: ChatExecutor, ids: readonly string[]): Promise<AuditLogUser[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('users')
      .select(['id', 'username', 'displayName', 'avatarFileId'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
  }

  /** Deletes up to `batch` entries older than `cutoff`; returns how many went. */
  async pruneOlderThan(db: ChatExecutor, cutoff: Date, batch: number): Promise<number> {
    const result = await db
      .deleteFrom('audit_log_entries')
      .where('id', 'in', (sub) =>
        sub.selectFrom('audit_log_entries').select('id').where('createdAt', '<', cutoff).limit(batch),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
