import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { SigningKeysTable } from '../database/schema';
import type { Executor } from '../database/transaction-runner';

export type SigningKeyRow = Selectable<SigningKeysTable>;

/** Advisory-lock key serialising key creation and rotation across replicas ("bfauth" + 1). */
const ROTATION_LOCK = [0x0bfa, 1] as const;

@Injectable()
export class SigningKeysRepository {
  async findActive(db: Executor): Promise<SigningKeyRow | null> {
    return (
      (await db.selectFrom('signing_keys').selectAll().where('retiredAt', 'is', null).executeTakeFirst()) ??
      null
    );
  }

  /** Active key plus keys retired after `retiredAfter` (their tokens may still be live). */
  async findPublishable(db: Executor, retiredAfter: Date): Promise<SigningKeyRow[]> {
    return db
      .selectFrom('signing_keys')
      .selectAll()
      .where((eb) => eb.or([eb('retiredAt', 'is', null), eb('retiredAt', '>', retiredAfter)]))
      .orderBy('createdAt', 'desc')
      .execute();
  }

  /** Blocks until this transaction holds the rotation lock (released at commit or rollback). */
  async lockForRotation(trx: Executor): Promise<void> {
    await sql`select pg_advisory_xact_lock(${ROTATION_LOCK[0]}, ${ROTATION_LOCK[1]})`.execute(trx);
  }

  async retire(db: Executor, kid: string, at: Date): Promise<void> {
    await db.updateTable('signing_keys').set({ retiredAt: at }).where('kid', '=', kid).execute();
  }

  async insert(db: Executor, key: Omit<SigningKeyRow, 'createdAt' | 'retiredAt'>): Promise<SigningKeyRow> {
    return db
      .insertInto('signing_keys')
      .values({
        kid: key.kid,
        algorithm: key.algorithm,
        publicJwk: JSON.stringify(key.publicJwk),
        privateKeyEncrypted: key.privateKeyEncrypted,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
