import type { Message } from '@bonfire/contracts';
import { sql } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from '../testing/chat-test-app';
import { ChatFixtures } from './testing/chat-fixtures';

const TOTAL = 10_000;

/** Figures for the report (benchmarks proper live in tools/bench). */
function report(line: string): void {
  process.stdout.write(`${line}\n`);
}

describe('history paging', () => {
  let app: ChatTestApp;
  let user: string;
  let channelId: string;
  /** Every message id, oldest first. */
  let ids: string[];

  const page = (query: string) =>
    app.call<Message[]>('GET', `/api/v1/channels/${channelId}/messages?${query}`, { as: user });

  beforeAll(async () => {
    app = await ChatTestApp.start();
    const fx = new ChatFixtures(app);
    user = await app.createUser();
    const guild = await fx.guild(user);
    channelId = await fx.channel(guild);
    ids = Array.from({ length: TOTAL }, () => fx.ids.next());
    for (let start = 0; start < TOTAL; start += 2_000) {
      await app.db
        .insertInto('messages')
        .values(
          ids.slice(start, start + 2_000).map((id, i) => ({
            id,
            channelId,
            guildId: guild,
            authorId: user,
            content: `m${start + i}`,
            nonce: null,
            replyToId: null,
            editedAt: null,
          })),
        )
        .execute();
    }
    // 90,000 messages of 9 other channels interleaved in time (ids of unused worker ids 1013..1021), so
    // the planner faces a realistic table where this channel is a tenth of the rows.
    const others = await Promise.all(Array.from({ length: 9 }, () => fx.channel(guild)));
    await sql`
      insert into messages (id, channel_id, guild_id, author_id, content)
      select m.id - 4096 * k, (${others}::bigint[])[k - 1], m.guild_id, m.author_id, 'noise'
      from messages m, generate_series(2, 10) k
      where m.channel_id = ${channelId}
    `.execute(app.db);
    await sql`analyze messages`.execute(app.db);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('pages back through 10,000 messages with before= and limit=100: each exactly once, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const timings: number[] = [];
    for (;;) {
      const started = performance.now();
      const reply = await page(`limit=100${cursor ? `&before=${cursor}` : ''}`);
      timings.push(performance.now() - started);
      expect(reply.status).toBe(200);
      if (reply.body.length === 0) break;
      seen.push(...reply.body.map((message) => message.id));
      cursor = reply.body.at(-1)!.id;
    }
    expect(seen).toHaveLength(TOTAL);
    expect(seen).toEqual([...ids].reverse());
    timings.sort((a, b) => a - b);
    report(
      `history: ${timings.length} pages of 100 over HTTP, p50 ${timings[Math.floor(timings.length / 2)]!.toFixed(1)} ms, ` +
        `p95 ${timings[Math.floor(timings.length * 0.95)]!.toFixed(1)} ms`,
    );
  });

  it('pages forward with after= (each page still newest first), and around= centres on the message', async () => {
    const seen: string[] = [];
    let cursor = '0';
    for (;;) {
      const reply = await page(`limit=100&after=${cursor}`);
      if (reply.body.length === 0) break;
      expect(reply.body[0]!.id > reply.body.at(-1)!.id || reply.body.length === 1).toBe(true);
      seen.push(...[...reply.body].reverse().map((message) => message.id));
      cursor = reply.body[0]!.id;
    }
    expect(seen).toEqual(ids);

    const around = await page(`limit=5&around=${ids[500]}`);
    expect(around.body.map((message) => message.id)).toEqual([
      ids[502],
      ids[501],
      ids[500],
      ids[499],
      ids[498],
    ]);
    const latest = await page('limit=3');
    expect(latest.body.map((message) => message.id)).toEqual([
      ids[TOTAL - 1],
      ids[TOTAL - 2],
      ids[TOTAL - 3],
    ]);
  });

  it('serves a page from one backward range scan of the (channel_id, id) index, no sort', async () => {
    const plan = await sql<{ 'QUERY PLAN': unknown }>`
      explain (analyze, format json)
      select * from messages where channel_id = ${channelId} and id < ${ids[5_000]} order by id desc limit 100
    `.execute(app.db);
    const text = JSON.stringify(plan.rows[0]!['QUERY PLAN']);
    expect(text).toContain('messages_channel_id_idx');
    expect(text).toContain('Backward');
    expect(text).not.toContain('"Sort"');
    const executionMs = (plan.rows[0]!['QUERY PLAN'] as { 'Execution Time': number }[])[0]!['Execution Time'];
    report(`history: page query on 10k rows executes in ${executionMs.toFixed(3)} ms (EXPLAIN ANALYZE)`);
  });
});
