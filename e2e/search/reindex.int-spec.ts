import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Client as ElasticClient } from '@elastic/elasticsearch';
import type { Channel, Guild, Message, SearchResults } from '@bonfire/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { Stack } from '../support/stack';
import { removeSearchIndex } from '../support/search-index';

const workspaceRoot = resolve(__dirname, '../..');
/** Same as BONFIRE_EPOCH_MS in libs/platform/src/ids/snowflake.ts. */
const BONFIRE_EPOCH_MS = Date.UTC(2026, 0, 1);
/** Messages written straight into chat's table: in the database, never announced on Kafka. */
const ARCHIVED = 30_000;

/** Runs tools/reindex/reindex.mjs; resolves with its exit code and output. */
function runReindex(env: Record<string, string>): {
  done: Promise<{ code: number | null; output: string }>;
} {
  const child = spawn(process.execPath, [resolve(workspaceRoot, 'tools/reindex/reindex.mjs')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk));
  return { done: new Promise((done) => child.on('close', (code) => done({ code, output }))) };
}

describe('tools/reindex on a chat database with messages (real Postgres, Kafka, Elasticsearch)', () => {
  const suffix = randomUUID().slice(0, 8);
  const alias = `messages-reindex-${suffix}`;
  const es = new ElasticClient({ node: process.env['ELASTICSEARCH_URL']! });
  let stack: Stack;
  let api: Api;
  let owner: AuthResult;
  let guild: Guild;
  let general: Channel;
  let databaseUrl: string;
  const live: Message[] = [];

  const search = (query: string) =>
    api
      .withToken(owner.accessToken)
      .get<SearchResults>(`/api/v1/guilds/${guild.id}/messages/search?${query}`);

  async function send(content: string): Promise<Message> {
    const response = await api
      .withToken(owner.accessToken)
      .post<Message>(`/api/v1/channels/${general.id}/messages`, { content });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'search', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-reindex-${suffix}` },
      serviceEnv: {
        chat: { CHAT_SEND_LIMIT_PER_10S: '1000' },
        search: {
          SEARCH_INDEX_ALIAS: alias,
          SEARCH_CONSUMER_GROUP: `search.indexer.e2e-reindex-${suffix}`,
          SEARCH_INDEXER_START_FROM: 'latest',
        },
      },
    });
    api = new Api(stack.gateway.url);
    owner = await registerUser(api);
    guild = (await api.withToken(owner.accessToken).post<Guild>('/api/v1/guilds', { name: 'Reindex' })).body;
    general = (
      await api.withToken(owner.accessToken).get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`)
    ).body.find((channel) => channel.type === 'text')!;
    databaseUrl = stack.databaseUrl('chat');

    // 20 messages through the API (indexed live), one edited and one deleted ...
    for (let index = 0; index < 20; index++) live.push(await send(`live message ${index}`));
    const edited = await api
      .withToken(owner.accessToken)
      .patch(`/api/v1/channels/${general.id}/messages/${live[0]!.id}`, {
        content: 'live message edited zebra',
      });
    expect(edited.status).toBe(200);
    const deleted = await api
      .withToken(owner.accessToken)
      .delete(`/api/v1/channels/${general.id}/messages/${live[1]!.id}`);
    expect(deleted.status).toBeLessThan(300);
    await eventually(async () => {
      const indexed = await search('content=live');
      expect(indexed.body.total).toBe(19);
      expect((await search('content=zebra')).body.total).toBe(1);
    }, 15_000);

    // ... and 30,000 older ones written straight into chat's table, which only a reindex can find
    const database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    try {
      const startOffset = Date.now() - 24 * 3600_000 - ARCHIVED - BONFIRE_EPOCH_MS;
      await database.query(
        `insert into messages (id, channel_id, guild_id, author_id, content, created_at)
         select (($3::bigint + k) << 22) | (1023 << 12), $1::bigint, $2::bigint, $4::bigint,
                'archived message ' || k || ' ' || repeat('lorem ipsum ', 1 + (k % 5)::int),
                to_timestamp(($5::bigint + $3::bigint + k) / 1000.0)
           from generate_series(0, $6::bigint - 1) as k`,
        [general.id, guild.id, startOffset, owner.user.id, BONFIRE_EPOCH_MS, ARCHIVED],
      );
    } finally {
      await database.end();
    }
  }, 150_000);

  afterAll(async () => {
    await stack?.stop();
    await removeSearchIndex(alias, es);
    await es.close();
  }, 60_000);

  it('rebuilds the index from the database and swaps the alias while search keeps answering', async () => {
    expect((await search('content=archived')).body.total).toBe(0);
    expect(Object.keys(await es.indices.getAlias({ name: alias }))).toEqual([`${alias}-v1`]);

    const reindex = runReindex({
      CHAT_DATABASE_URL: databaseUrl,
      SEARCH_INDEX_ALIAS: alias,
      REINDEX_BATCH: '1000',
    });
    let finished = false;
    const answers: { status: number; total: number }[] = [];
    const raced: Message[] = [];
    const poller = (async () => {
      for (let round = 0; !finished; round++) {
        const answer = await search('limit=1');
        answers.push({ status: answer.status, total: answer.body.total });
        // messages sent and edited during the copy reach the old index; the tool carries them over
        if (round === 2) raced.push(await send('live message raced during the copy'));
        if (round === 3) {
          await api
            .withToken(owner.accessToken)
            .patch(`/api/v1/channels/${general.id}/messages/${live[2]!.id}`, {
              content: 'live raced giraffe',
            });
        }
        await new Promise((wait) => setTimeout(wait, 100));
      }
    })();
    const { code, output } = await reindex.done;
    finished = true;
    await poller;

    expect(code, output).toBe(0);
    // 19 rows at the start, 20 if the copy's scan reached the raced message
    expect(output).toMatch(new RegExp(`done: (${ARCHIVED + 19}|${ARCHIVED + 20}) messages`));
    expect(output).toContain(`alias ${alias} → ${alias}-v2`);
    // no downtime: every search during the reindex answered (from the old index until the swap, with
    // the 19 live messages; from the new one after it, with the archived ones too), never with fewer
    expect(answers.filter((answer) => answer.total < ARCHIVED).length).toBeGreaterThan(3);
    expect(answers.every((answer) => answer.status === 200 && answer.total >= 19)).toBe(true);
    expect(raced).toHaveLength(1);

    expect(Object.keys(await es.indices.getAlias({ name: alias }))).toEqual([`${alias}-v2`]);
    expect(await es.indices.exists({ index: `${alias}-v1` })).toBe(false);
    await eventually(async () => {
      expect((await search('content=archived')).body.total).toBe(ARCHIVED);
      expect((await search('content=live')).body.total).toBe(20);
      expect((await search('content=zebra')).body.messages.map((message) => message.id)).toEqual([
        live[0]!.id,
      ]);
      expect((await search('content=giraffe')).body.messages.map((message) => message.id)).toEqual([
        live[2]!.id,
      ]);
      expect((await search(`content=${encodeURIComponent('raced during')}`)).body.total).toBe(1);
    }, 15_000);
    const deletedOne = await search(`before=${live[2]!.id}&after=${live[0]!.id}`);
    expect(deletedOne.body.total).toBe(0);
  }, 180_000);
});
