#!/usr/bin/env node
// Rebuilds the message search index from chat's database, with no search downtime:
//   node tools/reindex/reindex.mjs            (reads bonfire.env → .env.local → shell)
// 1. creates <alias>-v<next> (settings and mappings from the index template `search migrate` puts,
//    i.e. infra/elasticsearch/messages.json);
// 2. copies every message from chat's database (CHAT_DATABASE_URL, read directly: a keyset scan on the
//    primary key, REINDEX_BATCH rows per _bulk) with a progress bar;
// 3. swaps the alias atomically (remove old + add new in one _aliases call);
// 4. copies what the live indexer wrote to the old index since the copy started (edits and delete
//    tombstones racing the copy), with external versions so the newest revision wins either way;
// 5. deletes the old index.
// Search keeps answering from the old index until the swap, and from the new one after it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');
for (const file of ['bonfire.env', '.env.local']) {
  const path = resolve(root, file);
  if (existsSync(path)) {
    const before = { ...process.env };
    process.loadEnvFile(path);
    for (const [key, value] of Object.entries(before)) process.env[key] = value; // the shell wins
  }
}

const alias = process.env.SEARCH_INDEX_ALIAS ?? 'messages';
const batchSize = Number(process.env.REINDEX_BATCH ?? 2000);
const es = new Client({ node: process.env.ELASTICSEARCH_URL, requestTimeout: 60_000 });
const db = new pg.Pool({ connectionString: process.env.CHAT_DATABASE_URL, max: 1 });

const LINK = /\bhttps?:\/\/\S+/i;
function toDocument(row, indexedAt) {
  const attachments = Array.isArray(row.attachments) ? row.attachments : JSON.parse(row.attachments ?? '[]');
  const has = [];
  if (LINK.test(row.content)) has.push('link');
  if (attachments.length > 0) has.push('file');
  if (attachments.some((a) => String(a.contentType ?? '').startsWith('image/'))) has.push('image');
  return {
    id: row.id,
    seq: row.id,
    channelId: row.channel_id,
    guildId: row.guild_id,
    authorId: row.author_id,
    content: row.content,
    mentions: {
      userIds: row.mention_user_ids ?? [],
      roleIds: row.mention_role_ids ?? [],
      everyone: row.mention_everyone,
    },
    has,
    pinned: row.pinned,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at ? row.edited_at.toISOString() : null,
    revision: row.revision,
    deleted: false,
    indexedAt,
  };
}

function progress(done, total, startedAt) {
  const width = 30;
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const rate = done / Math.max(0.001, (Date.now() - startedAt) / 1000);
  const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
  process.stderr.write(
    `\r${bar} ${done}/${total} (${(ratio * 100).toFixed(1)}%) ${Math.round(rate)} msg/s   `,
  );
}

async function bulk(index, documents) {
  if (documents.length === 0) return;
  const operations = documents.flatMap((doc) => [
    { index: { _index: index, _id: doc.id, version: doc.revision, version_type: 'external_gte' } },
    doc,
  ]);
  const response = await es.bulk({ operations });
  const failed = response.items.filter(
    (item) => item.index && item.index.status >= 300 && item.index.status !== 409,
  );
  if (failed.length > 0) throw new Error(`bulk failed: ${JSON.stringify(failed[0].index.error)}`);
}

let cleanup = null;

async function main() {
  const current = Object.keys(await es.indices.getAlias({ name: alias }));
  const versions = (await es.cat.indices({ index: `${alias}-v*`, format: 'json', h: 'index' })).map((entry) =>
    Number(/-v(\d+)$/.exec(entry.index)?.[1] ?? 0),
  );
  const next = `${alias}-v${Math.max(0, ...versions) + 1}`;
  const startedAt = Date.now();
  const since = new Date(startedAt - 5_000).toISOString();
  await es.indices.create({ index: next, settings: { refresh_interval: '-1' } });
  cleanup = async () => {
    // Until the swap, a failed run removes its half-built index (the alias still serves the old one).
    await es.indices.delete({ index: next }, { ignore: [404] }).catch(() => undefined);
  };
  console.error(`reindexing ${alias}: ${current.join(', ') || '(none)'} → ${next}`);

  const {
    rows: [{ count }],
  } = await db.query('select count(*)::int as count from messages');
  let done = 0;
  let after = '0';
  for (;;) {
    const { rows } = await db.query(
      `select id::text, channel_id::text, guild_id::text, author_id::text, content,
              coalesce(to_jsonb(m) -> 'attachments', '[]'::jsonb) as attachments,
              mention_user_ids::text[], mention_role_ids::text[], mention_everyone, pinned, revision,
              edited_at, created_at
         from messages m where id > $1::bigint order by id limit $2`,
      [after, batchSize],
    );
    if (rows.length === 0) break;
    const indexedAt = new Date().toISOString();
    await bulk(
      next,
      rows.map((row) => toDocument(row, indexedAt)),
    );
    done += rows.length;
    after = rows.at(-1).id;
    progress(done, Math.max(count, done), startedAt);
  }
  process.stderr.write('\n');
  await es.indices.putSettings({ index: next, settings: { refresh_interval: '500ms' } });
  await es.indices.refresh({ index: next });

  cleanup = null;
  await es.indices.updateAliases({
    actions: [...current.map((index) => ({ remove: { index, alias } })), { add: { index: next, alias } }],
  });
  console.error(`alias ${alias} → ${next}`);

  // What the live indexer wrote to the old index while the copy ran (edits, tombstones of deletes).
  for (const old of current) {
    let caught = 0;
    let response = await es.search({
      index: old,
      scroll: '1m',
      size: 1000,
      query: { range: { indexedAt: { gte: since } } },
    });
    while (response.hits.hits.length > 0) {
      await bulk(
        next,
        response.hits.hits.map((hit) => hit._source),
      );
      caught += response.hits.hits.length;
      response = await es.scroll({ scroll_id: response._scroll_id, scroll: '1m' });
    }
    if (response._scroll_id) await es.clearScroll({ scroll_id: response._scroll_id }).catch(() => undefined);
    console.error(`caught up ${caught} documents written to ${old} during the copy`);
    await es.indices.delete({ index: old });
  }
  const seconds = (Date.now() - startedAt) / 1000;
  console.error(`done: ${done} messages in ${seconds.toFixed(1)} s (${Math.round(done / seconds)} msg/s)`);
}

main()
  .catch((error) => {
    console.error(`\nreindex failed: ${error.stack ?? error}`);
    process.exitCode = 1;
    return cleanup?.();
  })
  .finally(async () => {
    await db.end();
    await es.close();
  });
