import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { Insertable } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { InvitesTable } from '../database/schema';
import type { InviteRow } from './invites.dto';

@Injectable()
export class InvitesRepository {
  /** Throws a unique violation when the code is taken. */
  async insert(db: ChatExecutor, invite: Insertable<InvitesTable>): Promise<InviteRow> {
    return db.insertInto('invites').values(invite).returningAll().executeTakeFirstOrThrow();
  }

  async find(db: ChatExecutor, code: string): Promise<InviteRow | null> {
    return (await db.selectFrom('invites').selectAll().where('code', '=', code).executeTakeFirst()) ?? null;
  }

  /** The guild's invites that have not expired, newest first. */
  async listByGuild(db: ChatExecutor, guildId: string): Promise<InviteRow[]> {
    return db
      .selectFrom('invites')
      .selectAll()
      .where('guildId', '=', guildId)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', sql<Date>`now()`)]))
      .orderBy('createdAt', 'desc')
      .execute();
  }

  /**
   * Serialises the invite creations of one guild until the transaction ends, so counting the active ones
   * and inserting one more cannot interleave (the invites-per-guild limit holds under concurrent creates).
   */
  async lockGuild(db: ChatExecutor, guildId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`guild-invites:${guildId}`}, 0))`.execute(db);
  }

  /** The guild's active invites: neither expired nor used up (those can never be used again). */
  async countActive(db: ChatExecutor, guildId: string): Promise<number> {
    const row = await db
      .selectFrom('invites')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('guildId', '=', guildId)
      .where((eb) =>
        eb.and([
          eb.or([eb('maxUses', 'is', null), eb('uses', '<', eb.ref('maxUses'))]),
          eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', sql<Date>`now()`)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Counts one use, atomically: the row lock makes concurrent accepts wait, and the conditions are
   * re-checked on the committed row, so max uses is never exceeded. Null when expired or used up.
   */
  async consume(db: ChatExecutor, code: string): Promise<InviteRow | null> {
    const row = await db
      .updateTable('invites')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('code', '=', code)
      .where((eb) =>
        eb.and([
          eb.or([eb('maxUses', 'is', null), eb('uses', '<', eb.ref('maxUses'))]),
          eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', sql<Date>`now()`)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async delete(db: ChatExecutor, code: string): Promise<boolean> {
    const result = await db.deleteFrom('invites').where('code', '=', code).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
