import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { ApplicationsTable, BotTokensTable } from '../database/schema';
import type { Executor } from '../database/transaction-runner';

export type ApplicationRow = Selectable<ApplicationsTable>;
type BotTokenRow = Selectable<BotTokensTable>;

@Injectable()
export class ApplicationsRepository {
  async insert(
    db: Executor,
    row: { id: string; ownerId: string; name: string; description: string | null },
  ): Promise<ApplicationRow> {
    return db
      .insertInto('applications')
      .values({ id: row.id, ownerId: row.ownerId, name: row.name, description: row.description })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async countByOwner(db: Executor, ownerId: string): Promise<number> {
    const row = await db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('ownerId', '=', ownerId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async listByOwner(db: Executor, ownerId: string): Promise<ApplicationRow[]> {
    return db.selectFrom('applications').selectAll().where('ownerId', '=', ownerId).orderBy('id').execute();
  }

  async findForUpdate(db: Executor, id: string): Promise<ApplicationRow | null> {
    return (
      (await db.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ??
      null
    );
  }

  async find(db: Executor, id: string): Promise<ApplicationRow | null> {
    return (await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async update(
    db: Executor,
    id: string,
    changes: { name?: string; description?: string | null },
  ): Promise<ApplicationRow> {
    return db
      .updateTable('applications')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('applications').where('id', '=', id).execute();
  }

  async tokenOf(db: Executor, applicationId: string): Promise<BotTokenRow | null> {
    return (
      (await db
        .selectFrom('bot_tokens')
        .selectAll()
        .where('applicationId', '=', applicationId)
        .executeTakeFirst()) ?? null
    );
  }

  async findToken(db: Executor, tokenId: string): Promise<BotTokenRow | null> {
    return (
      (await db.selectFrom('bot_tokens').selectAll().where('id', '=', tokenId).executeTakeFirst()) ?? null
    );
  }

  /** Whether an instance admin suspended the application's owner (admin/): its bot token stops working. */
  async ownerSuspended(db: Executor, applicationId: string): Promise<boolean> {
    const row = await db
      .selectFrom('applications as a')
      .innerJoin('users as u', 'u.id', 'a.ownerId')
      .select('u.suspendedAt')
      .where('a.id', '=', applicationId)
      .executeTakeFirst();
    return row !== undefined && row.suspendedAt !== null;
  }

  /** Replaces the application's token (one per application). */
  async replaceToken(
    db: Executor,
    row: { id: string; applicationId: string; tokenHash: string },
  ): Promise<void> {
    await db.deleteFrom('bot_tokens').where('applicationId', '=', row.applicationId).execute();
    await db
      .insertInto('bot_tokens')
      .values({ id: row.id, applicationId: row.applicationId, tokenHash: row.tokenHash })
      .execute();
  }
}
