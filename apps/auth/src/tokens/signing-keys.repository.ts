import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { SigningKeysTable } from '../database/schema';
import type { Executor } from '../database/transaction-runner';

export interface SigningKeyRow {
  kid: string;
  algorithm: string;
  publicJwk: Record<string, unknown>;
  privateKeyEncrypted: string;
  createdAt: Date;
  retiredAt: Date | null;
}

/** Advisory-lock key serialising key creation and rotation across replicas ("bfauth" + 1). */
const ROTATION_LOCK = [0x0bfa, 1] as const;

@Injectable()
export class SigningKeysRepository {
  async findActive(db: Executor): Promise<SigningKeyRow | null> {
    const row = await db
      .selectFrom('signing_keys')
      .selectAll()
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    return row ? toRow(row) : null;
  }

  /** Active key plus keys retired after `retiredAfter` (their tokens may still be live). */
  async findPublishable(db: Executor, retiredAfter: Date): Promise<SigningKeyRow[]> {
    const rows = await db
      .selectFrom('signing_keys')
      .selectAll()
      .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', retiredAfter)]))
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toRow);
  }

  /** Blocks until this transaction holds the rotation lock (released at commit or rollback). */
  async lockForRotation(trx: Executor): Promise<void> {
    await sql`select pg_advisory_xact_lock(${ROTATION_LOCK[0]}, ${ROTATION_LOCK[1]})`.execute(trx);
  }

  async retire(db: Executor, kid: string, at: Date): Promise<void> {
    await db.updateTable('signing_keys').set({ retired_at: at }).where('kid', '=', kid).execute();
  }

  async insert(db: Executor, key: Omit<SigningKeyRow, 'createdAt' | 'retiredAt'>): Promise<SigningKeyRow> {
    const row = await db
      .insertInto('signing_keys')
      .values({
        kid: key.kid,
        algorithm: key.algorithm,
        public_jwk: JSON.stringify(key.publicJwk),
        private_key_encrypted: key.privateKeyEncrypted,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRow(row);
  }
}

function toRow(row: Selectable<SigningKeysTable>): SigningKeyRow {
  return {
    kid: row.kid,
    algorithm: row.algorithm,
    publicJwk: row.public_jwk,
    privateKeyEncrypted: row.private_key_encrypted,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}
