import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Link embeds (issue 20): a message's unfurled embeds (JSON array of contracts' Embed), its flags
 * (SUPPRESS_EMBEDS) and when its content was last unfurled (so the unfurler skips its own updates,
 * replays, and updates that did not change the content).
 */
export const messageEmbedsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table messages
        add column embeds jsonb not null default '[]',
        add column flags integer not null default 0,
        add column embeds_unfurled_at timestamptz
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table messages drop column embeds, drop column flags, drop column embeds_unfurled_at
    `.execute(db);
  },
};
