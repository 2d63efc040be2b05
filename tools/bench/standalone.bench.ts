/**
 * Issue 14: the standalone shape — every service in one Node process on embedded parts.
 *
 *   start     first start into an empty folder with no cached database template (initdb in a child
 *             process), then a warm start on the same folder: time from spawn to /health/ready
 *   memory    RSS of the process idle after start, and after the load below
 *   send      POST /channels/{id}/messages through the gateway: 20 users into one channel, then one user
 *   history   GET /channels/{id}/messages?limit=50&before=<random id> in the channel filled by the sends
 *   search    GET /guilds/{id}/messages/search over 100,000 indexed messages (filled straight into the
 *             embedded database while the platform is stopped, as the chat bench fills Postgres)
 *
 * Run: node tools/bench/run.mjs standalone --no-infra [--seconds 15] [--warmup 3] [--senders 20]
 *      [--search-messages 100000]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/presence @bonfire/file @bonfire/search @bonfire/voice
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedPostgres } from '@bonfire/platform';
import { Api, type AuthResult, registerUser } from '../../e2e/support/api';
import { freePort, ServiceProcess, voiceSignalingPort } from '../../e2e/support/stack';
import { benchRoutesFile, pidOfServer, readRssKiB, runBench, table, UNLIMITED } from './lib';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    senders: { type: 'string', default: '20' },
    'search-messages': { type: 'string', default: '100000' },
  },
});
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const senders = Number(args.senders);
const searchMessages = Number(args['search-messages']);
const launcher = resolve(__dirname, '../standalone/main.mjs');

interface Channel {
  id: string;
  type: string;
}

async function platformEnv(directory: string, dataDir: string, cacheDir: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BONFIRE_DATA_DIR: dataDir,
    BONFIRE_CACHE_DIR: cacheDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
    RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
    CHAT_SEND_LIMIT_PER_10S: UNLIMITED,
    GATEWAY_ROUTES_FILE: benchRoutesFile(directory),
  };
  for (const service of ['GATEWAY', 'AUTH', 'CHAT', 'PRESENCE', 'FILE', 'SEARCH', 'VOICE']) {
    const port = await freePort();
    env[`${service}_PORT`] = String(port);
    env[`${service}_URL`] = `http://127.0.0.1:${port}`;
  }
  // voice signaling's own public listener (clients are sent there; VOICE_URL is the internal port)
  await voiceSignalingPort(env);
  return env;
}

async function timedStart(platform: ServiceProcess): Promise<number> {
  const started = performance.now();
  await platform.start();
  return performance.now() - started;
}

const mib = (kib: number) => (kib / 1024).toFixed(0);
const ms = (value: number) => value.toFixed(0);

/** Fills the search index of the (stopped) platform's embedded database with generated messages. */
async function fillSearchIndex(dataDir: string, guildId: string, channelId: string, authorId: string) {
  const database = await EmbeddedPostgres.shared(join(dataDir, 'postgres'));
  const pool = await database.pool('search');
  try {
    // Words are picked with a skewed frequency from 2,000 made-up ones; "campfire" is in 1 message of 200.
    await pool.query(
      `
      insert into message_documents
        (id, channel_id, guild_id, author_id, content, created_at, revision, deleted, source, indexed_at)
      select id::numeric, $1::text, $2::text, $3::text, content, created_at, 0, false,
        jsonb_build_object('id', id::text, 'channelId', $1::text, 'guildId', $2::text, 'authorId', $3::text,
          'createdAt', to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'editedAt', null, 'pinned', false, 'has', '[]'::jsonb,
          'mentions', '{"userIds":[],"roleIds":[],"everyone":false}'::jsonb),
        now()
      from (
        select 100000000000000000 + g as id,
          now() - make_interval(secs => ${searchMessages} - g) as created_at,
          (select string_agg('w' || floor(2000 * random() ^ 3)::int, ' ') from generate_series(1, 6 + g % 14))
            || case when g % 200 = 7 then ' campfire' else '' end as content
        from generate_series(1, ${searchMessages}) as g
      ) as generated`,
      [channelId, guildId, authorId],
    );
    await pool.query('analyze message_documents');
  } finally {
    await pool.end();
  }
}

void runBench(
  'standalone',
  {
    deadlineSeconds: 600 + 6 * (warmup + seconds),
    description: 'start time, memory, send/history latency and search over 100k messages in one process',
  },
  async (bench) => {
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-standalone-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));
    const dataDir = join(directory, 'data');
    const env = await platformEnv(directory, dataDir, join(directory, 'cache'));
    const platform = new ServiceProcess('standalone', Number(env['GATEWAY_PORT']), env, launcher, [
      '--quiet',
    ]);
    bench.onCleanup(() => platform.stop());

    const firstStartMs = await timedStart(platform);
    await platform.stop();
    const warmStartMs = await timedStart(platform);
    const pid = pidOfServer(platform.url);
    await new Promise((wait) => setTimeout(wait, 5_000));
    const idleRssKiB = readRssKiB(pid);
    bench.section(
      '== start and memory',
      table(
        ['measurement', 'value'],
        [
          ['first start, empty folder, no template (ms)', ms(firstStartMs)],
          ['warm start (ms)', ms(warmStartMs)],
          ['idle RSS after start (MiB)', mib(idleRssKiB)],
        ],
      ),
      'start',
      { firstStartMs, warmStartMs, idleRssMiB: idleRssKiB / 1024 },
    );

    const api = new Api(platform.url);
    const users: AuthResult[] = [];
    for (let i = 0; i < senders; i++) users.push(await registerUser(api));
    const owner = api.withToken(users[0]!.accessToken);
    const guild = (await owner.post<{ id: string }>('/api/v1/guilds', { name: 'bench' })).body;
    const channel = (await owner.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`)).body.find(
      (entry) => entry.type === 'text',
    )!;
    const invite = (await owner.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, {})).body;
    for (const user of users.slice(1)) {
      for (let attempt = 0; ; attempt++) {
        const joined = await api.withToken(user.accessToken).post(`/api/v1/invites/${invite.code}`);
        if (joined.status < 300) break;
        if (attempt > 50) throw new Error(`join failed: ${joined.status}`);
        await new Promise((wait) => setTimeout(wait, 100));
      }
    }
    const watch = [{ name: 'bonfire (all services)', pid }];
    const send = (sequence: number, connection: number) => ({
      method: 'POST',
      path: `/api/v1/channels/${channel.id}/messages`,
      headers: { authorization: `Bearer ${users[connection % users.length]!.accessToken}` },
      body: { content: `bench message ${sequence} from ${connection} about the campfire` },
    });
    await bench.load({
      name: `send, ${senders} users, one channel`,
      target: platform.url,
      connections: senders,
      request: send,
      warmupSeconds: warmup,
      durationSeconds: seconds,
      expectStatus: 201,
      watch,
    });
    await bench.load({
      name: 'send, one user',
      target: platform.url,
      connections: 1,
      request: send,
      warmupSeconds: 1,
      durationSeconds: Math.max(5, seconds / 2),
      expectStatus: 201,
      watch,
    });
    const page = await owner.get<{ id: string }[]>(`/api/v1/channels/${channel.id}/messages?limit=100`);
    const cursors = page.body.map((message) => message.id);
    await bench.load({
      name: 'history page of 50, 10 connections',
      target: platform.url,
      connections: 10,
      request: (sequence) => ({
        path: `/api/v1/channels/${channel.id}/messages?limit=50&before=${cursors[sequence % cursors.length]}`,
        headers: { authorization: `Bearer ${users[0]!.accessToken}` },
      }),
      warmupSeconds: warmup,
      durationSeconds: seconds,
      watch,
    });
    const loadedRssKiB = readRssKiB(pid);

    await platform.stop();
    const fillStarted = performance.now();
    await fillSearchIndex(dataDir, guild.id, channel.id, users[0]!.user.id);
    const fillMs = performance.now() - fillStarted;
    const restartMs = await timedStart(platform);
    const searchPid = pidOfServer(platform.url);
    const login = await api.post<AuthResult>('/api/v1/auth/login', {
      login: users[0]!.user.username,
      password: (users[0] as AuthResult & { password: string }).password,
    });
    const searchAs = { authorization: `Bearer ${login.body.accessToken}` };
    for (const [name, query] of [
      ['search one rare word (1 in 200)', 'content=campfire'],
      ['search two common words', 'content=w1%20w2'],
      ['search from: author, newest first', `authorId=${users[0]!.user.id}&sort=newest`],
    ] as const) {
      await bench.load({
        name: `${name}, ${searchMessages} messages`,
        target: platform.url,
        connections: 4,
        request: { path: `/api/v1/guilds/${guild.id}/messages/search?${query}`, headers: searchAs },
        warmupSeconds: warmup,
        durationSeconds: seconds,
        watch: [{ name: 'bonfire (all services)', pid: searchPid }],
      });
    }
    bench.section(
      '== memory after load, and the search fill',
      table(
        ['measurement', 'value'],
        [
          ['RSS after send and history load (MiB)', mib(loadedRssKiB)],
          [
            `RSS with ${searchMessages} indexed messages, after search load (MiB)`,
            mib(readRssKiB(searchPid)),
          ],
          [`fill ${searchMessages} index rows in SQL (ms)`, ms(fillMs)],
          ['start with them (ms)', ms(restartMs)],
        ],
      ),
      'memory',
      { loadedRssMiB: loadedRssKiB / 1024, fillMs, restartMs },
    );
  },
);
