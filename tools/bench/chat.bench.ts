/**
 * Issue 4: chat message send throughput, and history pages in a channel of 1,000,000 messages.
 *
 *   send A  50 users, one connection each, all sending into ONE channel (sends of one channel are
 *           serialised by a row lock on the channel: the ordering guarantee; chat writes the sends
 *           waiting for a channel together, one transaction per turn — apps/chat/src/messages/send-order.ts)
 *   send B  the same 50 users, each sending into its OWN channel (50 text channels of one guild)
 *   history GET /channels/{id}/messages?limit=50&before=<random message id> in a channel holding
 *           1,000,000 messages (filled directly in SQL), at 10 and at 50 connections through the
 *           gateway; then the same page query run straight against Postgres, so the database part is
 *           visible apart from the HTTP/service overhead.
 *   and both with one connection (send C, history 1 conn): latency without queueing behind other requests.
 *   send D  open loop: the 50 users in turn send `--rate` messages/s in total into ONE channel (a steady
 *           offered load, not as fast as the box allows: send A's latency is its queue, 50 / throughput);
 *           then the order check: the channel's message.created events in outbox order carry strictly
 *           increasing ids, the same as its history (ids), each message once.
 *
 * Auth, chat and gateway run from their build output as processes (e2e/support/stack.ts) on the local
 * servers, with throwaway databases, every rate limit raised out of the way (gateway global and
 * per-route limits, chat's CHAT_SEND_LIMIT_PER_10S) and their own rate-limit key prefix.
 * Run: node tools/bench/run.mjs chat [--senders 50] [--seconds 20] [--warmup 3] [--history-seconds 15]
 *      [--messages 1000000] [--sql-queries 400] [--single-seconds 8] [--rate 100] [--profile <dir>]
 *      [--skip-send] [--skip-history]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Api, type AuthResult, registerUser } from '../../e2e/support/api';
import { Stack } from '../../e2e/support/stack';
import {
  type BenchContext,
  benchRoutesFile,
  findListeningPid,
  LatencyRecorder,
  type LatencySummary,
  pidOfServer,
  ProcessSampler,
  type RequestSpec,
  runBench,
  table,
  UNLIMITED,
  type WatchedProcess,
} from './lib';
import { freePort, InspectorProfiler, inspectArgs, profileText, summarizeProfile } from './lib/cpu-profile';
import { sendAtRate } from './lib/realtime-delivery';

const { values: args } = parseArgs({
  options: {
    senders: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'history-seconds': { type: 'string', default: '15' },
    messages: { type: 'string', default: '1000000' },
    'sql-queries': { type: 'string', default: '400' },
    'skip-send': { type: 'boolean', default: false },
    'skip-history': { type: 'boolean', default: false },
    /** Length of the one-connection runs (latency without queueing); 0 skips them. */
    'single-seconds': { type: 'string', default: '8' },
    /** Messages/s of the open-loop run into one channel (send D); 0 skips it. */
    rate: { type: 'string', default: '100' },
    /** Runs chat and the gateway with `--inspect` and writes a CPU profile of each over send A to this folder. */
    profile: { type: 'string' },
  },
});
const senders = Number(args.senders);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const historySeconds = Number(args['history-seconds']);
const historyMessages = Number(args.messages);
const sqlQueries = Number(args['sql-queries']);
const singleSeconds = Number(args['single-seconds']);
const rate = Number(args.rate);
const profileDir = args.profile ? resolve(args.profile) : undefined;
const PAGE = 50;

/** Same as BONFIRE_EPOCH_MS in libs/platform/src/ids/snowflake.ts (not imported: keeps Nest code out). */
const BONFIRE_EPOCH_MS = Date.UTC(2026, 0, 1);
/** Worker id of the SQL-made snowflakes: the highest, which no chat replica leases first. */
const FILL_WORKER_ID = 1023;
/** Filler messages in each of the other channels, so the table is not one channel only. */
const OTHER_CHANNELS = 4;
const OTHER_CHANNEL_MESSAGES = 50_000;

interface Guild {
  id: string;
}
interface Channel {
  id: string;
  type: string;
  name: string;
}
interface Message {
  id: string;
  channelId: string;
}

async function expectStatus<T>(
  what: string,
  response: Promise<{ status: number; body: T }>,
  status: number,
): Promise<T> {
  const answer = await response;
  if (answer.status !== status)
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)} (expected ${status})`);
  return answer.body;
}

/** Runs `action` over `items`, at most `limit` at a time. */
async function inBatches<T, R>(items: T[], limit: number, action: (item: T, index: number) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(
      ...(await Promise.all(items.slice(start, start + limit).map((item, i) => action(item, start + i)))),
    );
  }
  return results;
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

function summaryTable(
  rows: { name: string; connections: number; elapsed: number; summary: LatencySummary }[],
) {
  return table(
    ['measurement', 'conns', 'n', 'per s', 'mean ms', 'p50', 'p95', 'p99', 'max'],
    rows.map(({ name, connections, elapsed, summary }) => [
      name,
      String(connections),
      String(summary.count),
      fixed(summary.count / elapsed, 0),
      fixed(summary.mean, 3),
      fixed(summary.p50, 3),
      fixed(summary.p95, 3),
      fixed(summary.p99, 3),
      fixed(summary.max, 2),
    ]),
  );
}

/**
 * send D: open loop — `rate` messages/s in total into one channel, the users taking turns (at most one
 * request per user outstanding on average: `senders` in flight at most, a tick finding them all busy skips
 * its message and is counted). A 2-s warm-up at the same rate is not recorded.
 */
async function openLoop(
  bench: BenchContext,
  options: {
    gatewayUrl: string;
    channelId: string;
    users: AuthResult[];
    watch: WatchedProcess[];
    tag: string;
  },
) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.users.length });
  try {
    const tokens = options.users.map((user) => user.accessToken);
    const common = {
      gatewayUrl: options.gatewayUrl,
      channelId: options.channelId,
      tokens,
      rate,
      agent,
      signal: bench.signal,
      maxInFlight: options.users.length,
    };
    await sendAtRate({ ...common, tag: `${options.tag}-dw`, seconds: 2, capacity: Math.ceil(rate * 2) + 1 });
    const sampler = new ProcessSampler(options.watch);
    sampler.start();
    const started = performance.now();
    const result = await sendAtRate({
      ...common,
      tag: `${options.tag}-d`,
      seconds,
      capacity: Math.ceil(rate * seconds) + 1,
    });
    const elapsed = (performance.now() - started) / 1000;
    const processes = sampler.stop();
    const name = `send D: ${options.users.length} senders, 1 channel, ${rate} msg/s open loop`;
    const errors = Object.entries(result.errors)
      .map(([code, count]) => `${code}×${count}`)
      .join(' ');
    bench.section(
      `== ${name} (ms)`,
      `${summaryTable([{ name, connections: options.users.length, elapsed, summary: result.http }])}\n` +
        `issued ${result.issued}, 201 ${result.ok}, skipped (all senders busy) ${result.skipped}, errors ${errors || '0'}\n` +
        table(
          ['process', 'CPU %', 'RSS MiB'],
          [
            ...processes.map((stats) => [
              stats.name,
              fixed(stats.cpuPercent, 0),
              fixed(stats.rssAfterMiB, 1),
            ]),
            ['whole machine', fixed(sampler.machineCpuPercent, 0), '-'],
          ],
        ),
      'sendOpenLoop',
      {
        name,
        rate,
        seconds: elapsed,
        issued: result.issued,
        ok: result.ok,
        skipped: result.skipped,
        errors: result.errors,
        latency: result.http,
        processes,
        machineCpuPercent: sampler.machineCpuPercent,
      },
    );
  } finally {
    agent.destroy();
  }
}

/**
 * After the sends: the channel's message.created events, in outbox (= publication) order, carry strictly
 * increasing message ids, and they are exactly the channel's messages in id (= history) order.
 */
async function orderCheck(bench: BenchContext, databaseUrl: string, channelId: string) {
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  try {
    const events = await database.query<{ id: string }>(
      `select envelope->'data'->'message'->>'id' as id from outbox_events
       where key = $1 and envelope->>'type' = 'message.created' order by position`,
      [channelId],
    );
    const messages = await database.query<{ id: string }>(
      'select id::text from messages where channel_id = $1 order by id',
      [channelId],
    );
    const eventIds = events.rows.map((row) => row.id);
    const messageIds = messages.rows.map((row) => row.id);
    const increasing = eventIds.every(
      (id, index) => index === 0 || BigInt(eventIds[index - 1]!) < BigInt(id),
    );
    const same =
      eventIds.length === messageIds.length && eventIds.every((id, index) => id === messageIds[index]);
    const figures = { events: eventIds.length, messages: messageIds.length, increasing, sameAsHistory: same };
    bench.section(
      '== order check of the one channel (outbox order vs ids vs history)',
      `${figures.events} message.created events, ${figures.messages} messages; ids strictly increasing in ` +
        `outbox order: ${increasing ? 'yes' : 'NO'}; events = history in id order, each once: ${same ? 'yes' : 'NO'}`,
      'orderCheck',
      figures,
    );
    if (!increasing || !same) throw new Error('order check failed: see the section above');
  } finally {
    await database.end();
  }
}

void runBench(
  'chat',
  {
    deadlineSeconds:
      120 +
      (args['skip-send']
        ? 0
        : 2 * (warmup + seconds) +
          10 +
          (singleSeconds > 0 ? 1 + singleSeconds : 0) +
          (rate > 0 ? 30 + seconds : 0)) +
      (args['skip-history']
        ? 0
        : 150 + 2 * (2 + historySeconds) + 40 + (singleSeconds > 0 ? 1 + singleSeconds : 0)),
    description: 'message send throughput (1 channel vs 50 channels) and history pages in 1M messages',
  },
  async (bench) => {
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));

    bench.log('starting auth + chat + gateway from apps/*/dist (build first: see tools/bench/README.md)…');
    const chatInspect = profileDir ? await freePort() : undefined;
    const gatewayInspect = profileDir ? await freePort() : undefined;
    const stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `bench-${Date.now()}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
      },
      serviceEnv: {
        chat: {
          CHAT_SEND_LIMIT_PER_10S: UNLIMITED,
          ...(chatInspect ? { NODE_OPTIONS: inspectArgs(chatInspect).join(' ') } : {}),
        },
        gateway: {
          GATEWAY_ROUTES_FILE: benchRoutesFile(directory),
          ...(gatewayInspect ? { NODE_OPTIONS: inspectArgs(gatewayInspect).join(' ') } : {}),
        },
      },
    });
    bench.onCleanup(() => stack.stop());
    const gateway = stack.gateway;
    const watch: WatchedProcess[] = [
      { name: 'gateway', pid: pidOfServer(gateway.url) },
      { name: 'chat', pid: pidOfServer(stack.service('chat').url) },
      { name: 'auth', pid: pidOfServer(stack.service('auth').url) },
    ];
    // the shared servers on the request path (Kafka: the outbox relay publishes every message)
    for (const [name, port, tree] of [
      ['postgres', process.env['POSTGRES_PORT'], true],
      ['redis', new URL(process.env['REDIS_URL']!).port || '6379', true],
      ['kafka', (process.env['KAFKA_BROKERS'] ?? '').split(',')[0]?.split(':')[1], false],
    ] as const) {
      const pid = port ? findListeningPid(Number(port)) : undefined;
      if (pid !== undefined) watch.push({ name, pid, tree });
    }
    bench.note(
      `services: LOG_LEVEL=${process.env['E2E_LOG_LEVEL'] ?? 'warn'}, gateway and chat rate limits raised to ` +
        `${UNLIMITED}, CHAT_DATABASE_POOL_SIZE=${process.env['CHAT_DATABASE_POOL_SIZE'] ?? '20 (default)'}`,
    );

    // ---- users, one guild, channels
    const setupStarted = performance.now();
    const api = new Api(gateway.url);
    const users: AuthResult[] = await inBatches(Array.from({ length: senders }), 10, () => registerUser(api));
    const owner = api.withToken(users[0]!.accessToken);
    const guild = await expectStatus(
      'create guild',
      owner.post<Guild>('/api/v1/guilds', { name: 'bench' }),
      201,
    );
    const listed = await expectStatus(
      'list channels',
      owner.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`),
      200,
    );
    const general = listed.find((channel) => channel.type === 'text');
    if (!general) throw new Error('the new guild has no text channel');
    const invite = await expectStatus(
      'create invite',
      owner.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, { maxUses: senders + 10 }),
      201,
    );
    // chat learns of new users from auth's Kafka events: retry the join until it has
    await inBatches(users.slice(1), 10, async (user) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const joined = await api.withToken(user.accessToken).post(`/api/v1/invites/${invite.code}`);
        if (joined.status < 300) return;
        if (Date.now() > deadline || bench.signal.aborted)
          throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
        await new Promise((wait) => setTimeout(wait, 250));
      }
    });
    const createChannel = (name: string) =>
      expectStatus(
        `create channel ${name}`,
        owner.post<Channel>(`/api/v1/guilds/${guild.id}/channels`, { name, type: 'text' }),
        201,
      );
    const spread: Channel[] = [general];
    for (let index = 1; index < senders; index++) spread.push(await createChannel(`send-${index}`));
    const historyChannel = await createChannel('history');
    const otherChannels: Channel[] = [];
    for (let index = 0; index < OTHER_CHANNELS; index++)
      otherChannels.push(await createChannel(`other-${index}`));
    bench.log(
      `set-up: ${users.length} users registered and joined guild ${guild.id}, ` +
        `${spread.length + 1 + OTHER_CHANNELS} text channels, in ${fixed((performance.now() - setupStarted) / 1000, 1)} s`,
    );

    // sanity: every user can send (also warms each user's caches once)
    await inBatches(users, 10, (user, index) =>
      expectStatus(
        `first send of user ${index}`,
        api
          .withToken(user.accessToken)
          .post<Message>(`/api/v1/channels/${spread[index]!.id}/messages`, { content: 'hello' }),
        201,
      ),
    );

    // what the processes use with no load from us (Kafka consumers, outbox relay, neighbours' work)
    {
      const sampler = new ProcessSampler(watch);
      sampler.start();
      await new Promise((wait) => setTimeout(wait, 3_000));
      const idle = sampler.stop();
      bench.section(
        '== idle for 3 s before the load (CPU % of one core, RSS MiB)',
        table(
          ['process', 'CPU %', 'RSS MiB'],
          [
            ...idle.map((stats) => [stats.name, fixed(stats.cpuPercent, 0), fixed(stats.rssAfterMiB, 1)]),
            ['whole machine', fixed(sampler.machineCpuPercent, 0), '-'],
          ],
        ),
        'idle',
        { processes: idle, machineCpuPercent: sampler.machineCpuPercent },
      );
    }

    const authorization = users.map((user) => ({ authorization: `Bearer ${user.accessToken}` }));
    const runTag = Date.now().toString(36);
    const send =
      (scenario: string, channelOf: (connection: number) => string) =>
      (sequence: number, connection: number): RequestSpec => ({
        method: 'POST',
        path: `/api/v1/channels/${channelOf(connection)}/messages`,
        headers: authorization[connection % users.length]!,
        // clients send a nonce (idempotent retries): one more unique-index entry per message, as in production
        body: {
          content: `bench message ${sequence} from sender ${connection}: the quick brown fox jumps over the lazy dog`,
          nonce: `${runTag}-${scenario}-${sequence}`, // sequences restart with each scenario
        },
      });

    if (!args['skip-send']) {
      const profilers = new Map<string, InspectorProfiler>();
      for (const [name, port] of [
        ['chat', chatInspect],
        ['gateway', gatewayInspect],
      ] as const) {
        if (port === undefined) continue;
        const profiler = await InspectorProfiler.connect(port);
        bench.onCleanup(() => profiler.close());
        profilers.set(name, profiler);
      }
      for (const profiler of profilers.values()) await profiler.start();
      await bench.load({
        name: `send A: ${senders} senders, 1 channel`,
        target: gateway.url,
        request: send('a', () => general.id),
        connections: senders,
        warmupSeconds: warmup,
        durationSeconds: seconds,
        watch,
        expectStatus: 201,
      });
      for (const [name, profiler] of profilers) {
        const profile = await profiler.stop();
        mkdirSync(profileDir!, { recursive: true });
        const file = join(
          profileDir!,
          `${name}-send-a-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`,
        );
        writeFileSync(file, JSON.stringify(profile));
        const summary = summarizeProfile(profile, 30);
        bench.section(
          `== CPU profile of ${name} over send A (warm-up included): ${file}`,
          profileText(summary),
          `profile-${name}`,
          summary,
        );
      }
      await bench.load({
        name: `send B: ${senders} senders, ${senders} channels`,
        target: gateway.url,
        request: send('b', (connection) => spread[connection % spread.length]!.id),
        connections: senders,
        warmupSeconds: warmup,
        durationSeconds: seconds,
        watch,
        expectStatus: 201,
      });
      if (singleSeconds > 0) {
        await bench.load({
          name: 'send C: 1 sender, 1 channel',
          target: gateway.url,
          request: send('c', () => general.id),
          connections: 1,
          warmupSeconds: 1,
          durationSeconds: singleSeconds,
          watch,
          expectStatus: 201,
        });
      }
      bench.note(
        `send A: every connection is one user sending into the same channel (#${general.name}); ` +
          `send B: connection i is user i sending into channel i (${senders} channels of one guild); ` +
          'send C: one user alone (latency without queueing); ' +
          'body ~90 characters + a unique nonce; expected status 201',
      );
      if (rate > 0)
        await openLoop(bench, { gatewayUrl: gateway.url, channelId: general.id, users, watch, tag: runTag });
      await orderCheck(bench, stack.databaseUrl('chat'), general.id);
    }

    if (args['skip-history']) return;

    // ---- history: fill one channel with 1,000,000 messages straight in SQL
    const databaseUrl = stack.databaseUrl('chat');
    const database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    bench.onCleanup(() => database.end());
    const authorIds = users.map((user) => user.user.id);
    // ids are snowflakes of past milliseconds, older than anything the run sent, worker id 1023. History
    // message n (0 … N-1) is made at millisecond startOffset + n with sequence 0; the other channels'
    // messages are spread over the same span (sequence 1 + channel index), so in id order the channels
    // interleave, as in a real table, and the primary key's order is not the history channel's alone.
    const startOffset = Date.now() - 2 * 24 * 3600_000 - historyMessages - BONFIRE_EPOCH_MS;
    const idOf = (n: number) =>
      ((BigInt(startOffset + n) << 22n) | (BigInt(FILL_WORKER_ID) << 12n)).toString();

    bench.log(
      `filling channel #${historyChannel.name} (${historyChannel.id}) with ${historyMessages} messages ` +
        `and ${OTHER_CHANNELS} other channels with ${OTHER_CHANNEL_MESSAGES} each…`,
    );
    // message k of a channel is made at millisecond startOffset + floor(k * spacing), sequence `sequence`
    const fill = async (channelId: string, count: number, spacing: number, sequence: number) => {
      await database.query(
        `insert into messages (id, channel_id, guild_id, author_id, content, created_at)
         select ((($3::bigint + floor(k * $4::float8)::bigint)) << 22) | ($5::bigint << 12) | $6::bigint,
                $1::bigint, $2::bigint,
                ($7::bigint[])[1 + (k % cardinality($7::bigint[]))],
                'history message ' || k || ' ' || repeat('lorem ipsum ', 1 + (k % 8)::int),
                to_timestamp(($8::bigint + $3::bigint + floor(k * $4::float8)::bigint) / 1000.0)
         from generate_series(0, $9::bigint - 1) as k`,
        [
          channelId,
          guild.id,
          startOffset,
          spacing,
          FILL_WORKER_ID,
          sequence,
          authorIds,
          BONFIRE_EPOCH_MS,
          count,
        ],
      );
    };
    const fillStarted = performance.now();
    await fill(historyChannel.id, historyMessages, 1, 0);
    const historyFilled = performance.now();
    for (const [index, channel] of otherChannels.entries())
      await fill(channel.id, OTHER_CHANNEL_MESSAGES, historyMessages / OTHER_CHANNEL_MESSAGES, 1 + index);
    await database.query(
      `update channels c set last_message_id = (select max(id) from messages m where m.channel_id = c.id)`,
    );
    const inserted = performance.now();
    await database.query('vacuum (analyze) messages');
    const fillEnded = performance.now();
    const counts = await database.query<{ channel_id: string; count: string }>(
      'select channel_id, count(*) from messages group by channel_id order by count(*) desc',
    );
    const tableSize = await database.query<{ table: string; indexes: string }>(
      `select pg_size_pretty(pg_table_size('messages')) as table, pg_size_pretty(pg_indexes_size('messages')) as indexes`,
    );
    const historyCount = Number(counts.rows.find((row) => row.channel_id === historyChannel.id)?.count ?? 0);
    if (historyCount < historyMessages) throw new Error(`history channel holds ${historyCount} messages`);
    const fillFigures = {
      historyMessages,
      historyInsertSeconds: (historyFilled - fillStarted) / 1000,
      otherMessages: OTHER_CHANNELS * OTHER_CHANNEL_MESSAGES,
      otherInsertSeconds: (inserted - historyFilled) / 1000,
      vacuumAnalyzeSeconds: (fillEnded - inserted) / 1000,
      totalSeconds: (fillEnded - fillStarted) / 1000,
      rowsInTable: counts.rows.reduce((sum, row) => sum + Number(row.count), 0),
      channels: counts.rows.length,
      tableSize: tableSize.rows[0]?.table,
      indexSize: tableSize.rows[0]?.indexes,
    };
    bench.section(
      '== history fill (SQL insert … select from generate_series, one statement per channel; then vacuum (analyze))',
      `${historyMessages} messages into the history channel in ${fixed(fillFigures.historyInsertSeconds, 1)} s ` +
        `(${fixed(historyMessages / fillFigures.historyInsertSeconds, 0)} rows/s); ` +
        `${fillFigures.otherMessages} into ${OTHER_CHANNELS} other channels in ${fixed(fillFigures.otherInsertSeconds, 1)} s; ` +
        `vacuum (analyze) ${fixed(fillFigures.vacuumAnalyzeSeconds, 1)} s; total ${fixed(fillFigures.totalSeconds, 1)} s.\n` +
        `messages table: ${fillFigures.rowsInTable} rows in ${fillFigures.channels} channels, ` +
        `table ${fillFigures.tableSize}, indexes ${fillFigures.indexSize}`,
      'historyFill',
      fillFigures,
    );

    // cursors: a random message of the channel, from the 51st oldest on (a full page before it)
    const randomCursor = () => idOf(PAGE + Math.floor(Math.random() * (historyMessages - PAGE)));
    const historyPath = (cursor: string) =>
      `/api/v1/channels/${historyChannel.id}/messages?limit=${PAGE}&before=${cursor}`;

    // sanity: a page is 50 messages of the channel, newest first, all before the cursor
    {
      const cursor = randomCursor();
      const page = await expectStatus(
        'history page',
        api.withToken(users[1]!.accessToken).get<Message[]>(historyPath(cursor)),
        200,
      );
      const ok =
        page.length === PAGE &&
        page.every(
          (message) => message.channelId === historyChannel.id && BigInt(message.id) < BigInt(cursor),
        ) &&
        page.every((message, index) => index === 0 || BigInt(page[index - 1]!.id) > BigInt(message.id));
      if (!ok) throw new Error(`history page before ${cursor} is not the expected 50 messages`);
    }

    const history = (sequence: number, connection: number): RequestSpec => ({
      path: historyPath(randomCursor()),
      headers: authorization[connection % users.length]!,
    });
    for (const connections of [10, 50, ...(singleSeconds > 0 ? [1] : [])]) {
      await bench.load({
        name: `history: page of ${PAGE}, ${connections} conn${connections === 1 ? '' : 's'}`,
        target: gateway.url,
        request: history,
        connections,
        warmupSeconds: connections === 1 ? 1 : 2,
        durationSeconds: connections === 1 ? singleSeconds : historySeconds,
        watch,
        expectStatus: 200,
      });
    }
    bench.note(
      `history: GET /channels/{id}/messages?limit=${PAGE}&before=<random message id of the ${historyMessages}> ` +
        'by the guild members in turn; each request also runs the access check, the cursor-channel check ' +
        'and the reaction counts of the page (about 5 queries in all) in chat',
    );

    // ---- the page query alone, straight against Postgres (the query Kysely sends for `before`)
    const pageQuery =
      'select * from "messages" where "channel_id" = $1 and "id" < $2 order by "id" desc limit $3';
    const plan = await database.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${pageQuery}`, [
      historyChannel.id,
      randomCursor(),
      PAGE,
    ]);
    const planText = plan.rows.map((row) => row['QUERY PLAN']).join('\n');

    const sqlRows: { name: string; connections: number; elapsed: number; summary: LatencySummary }[] = [];
    // client-side round trip, one connection, one query at a time
    {
      const recorder = new LatencyRecorder();
      for (let i = 0; i < 50; i++) await database.query(pageQuery, [historyChannel.id, randomCursor(), PAGE]);
      const started = performance.now();
      for (let i = 0; i < sqlQueries; i++) {
        const t0 = performance.now();
        await database.query(pageQuery, [historyChannel.id, randomCursor(), PAGE]);
        recorder.record(performance.now() - t0);
      }
      sqlRows.push({
        name: 'SQL page query, client round trip',
        connections: 1,
        elapsed: (performance.now() - started) / 1000,
        summary: recorder.summary(),
      });
    }
    // server-side execution and planning time, from EXPLAIN ANALYZE (adds its own timing overhead)
    {
      const execution = new LatencyRecorder();
      const planning = new LatencyRecorder();
      const started = performance.now();
      for (let i = 0; i < sqlQueries; i++) {
        const result = await database.query<{
          'QUERY PLAN': [{ 'Execution Time': number; 'Planning Time': number }];
        }>(`explain (analyze, format json) ${pageQuery}`, [historyChannel.id, randomCursor(), PAGE]);
        const figures = result.rows[0]!['QUERY PLAN'][0];
        execution.record(figures['Execution Time']);
        planning.record(figures['Planning Time']);
      }
      const elapsed = (performance.now() - started) / 1000;
      sqlRows.push({
        name: 'SQL EXPLAIN ANALYZE execution time',
        connections: 1,
        elapsed,
        summary: execution.summary(),
      });
      sqlRows.push({
        name: 'SQL EXPLAIN ANALYZE planning time',
        connections: 1,
        elapsed,
        summary: planning.summary(),
      });
    }
    // client-side round trip at 10 concurrent connections (as the 10-connection HTTP run)
    {
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
      bench.onCleanup(() => pool.end());
      const recorder = new LatencyRecorder();
      const perWorker = Math.ceil((sqlQueries * 5) / 10);
      const worker = async (record: boolean) => {
        const client = await pool.connect();
        try {
          for (let i = 0; i < perWorker; i++) {
            const t0 = performance.now();
            await client.query(pageQuery, [historyChannel.id, randomCursor(), PAGE]);
            if (record) recorder.record(performance.now() - t0);
          }
        } finally {
          client.release();
        }
      };
      await Promise.all(Array.from({ length: 10 }, () => worker(false))); // warm-up
      const started = performance.now();
      await Promise.all(Array.from({ length: 10 }, () => worker(true)));
      sqlRows.push({
        name: 'SQL page query, client round trip',
        connections: 10,
        elapsed: (performance.now() - started) / 1000,
        summary: recorder.summary(),
      });
    }
    bench.section(
      `== the page query alone against Postgres (${PAGE} rows, random cursor over ${historyMessages} messages; ms)`,
      `${pageQuery}\n\n${summaryTable(sqlRows)}\n\none plan:\n${planText.replace(/^/gm, '  ')}`,
      'historySql',
      { query: pageQuery, plan: planText, results: sqlRows },
    );
  },
).catch((error: unknown) => {
  console.error(error);
  process.exitCode ||= 1;
});
