import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { EmailTokenPurpose, EmailTokensTable } from '../database/schema';
import type { Executor } from '../database/transaction-runner';

type EmailTokenRow = Selectable<EmailTokensTable>;

@Injectable()
export class EmailTokensRepository {
  async insert(
    db: Executor,
    token: { hash: string; userId: string; purpose: EmailTokenPurpose; email: string; expiresAt: Date },
  ): Promise<void> {
    await db
      .insertInto('email_tokens')
      .values({
        tokenHash: token.hash,
        userId: token.userId,
        purpose: token.purpose,
        email: token.email,
        expiresAt: token.expiresAt,
      })
      .execute();
  }

  /** An unused, unexpired token of that purpose (row-locked when `forUpdate`). */
  async findUsable(
    db: Executor,
    hash: string,
    purpose: EmailTokenPurpose,
    now: Date,
    forUpdate = false,
  ): Promise<EmailTokenRow | null> {
    let query = db
      .selectFrom('email_tokens')
      .selectAll()
      .where('tokenHash', '=', hash)
      .where('purpose', '=', purpose)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now);
    if (forUpdate) query = query.forUpdate();
    return (await query.executeTakeFirst()) ?? null;
  }

  /** Uses the token once: null when it was used, expired or unknown meanwhile. */
  async consume(
    db: Executor,
    hash: string,
    purpose: EmailTokenPurpose,
    now: Date,
  ): Promise<EmailTokenRow | null> {
    const row = await db
      .updateTable('email_tokens')
      .set({ usedAt: now })
      .where('tokenHash', '=', hash)
      .where('purpose', '=', purpose)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /** Ends every still-usable token of that purpose for the user (a newer one replaces them). */
  async retireAll(db: Executor, userId: string, purpose: EmailTokenPurpose, now: Date): Promise<void> {
    await db
      .updateTable('email_tokens')
      .set({ usedAt: now })
      .where('userId', '=', userId)
      .where('purpose', '=', purpose)
      .where('usedAt', 'is', null)
      .execute();
  }

  /** When the user's latest token of that purpose was issued (for the resend cooldown). */
  async latestIssuedAt(db: Executor, userId: string, purpose: EmailTokenPurpose): Promise<Date | null> {
    const row = await db
      .selectFrom('email_tokens')
      .select((eb) => eb.fn.max('createdAt').as('latest'))
      .where('userId', '=', userId)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    return (row?.latest as Date | null | undefined) ?? null;
  }

  /** Drops tokens that ended (used or expired) more than a day ago. */
  async prune(db: Executor, now: Date): Promise<void> {
    const dayAgo = new Date(now.getTime() - 86_400_000);
    await db
      .deleteFrom('email_tokens')
      .where((eb) => eb.or([eb('expiresAt', '<', dayAgo), eb('usedAt', '<', dayAgo)]))
      .execute();
  }
}
