/**
 * Issue 8: search on an index of 1,000,000 messages.
 *
 *   indexing   N synthetic message.created events (default 1,000,000; BENCH_SEARCH_MESSAGES or
 *              --messages) produced straight to Kafka in batches, indexed by the search service's real
 *              consumer (Kafka → eachBatch → validation → _bulk); throughput from the service's
 *              `search_indexer_operations_total`, checked against the index's `_count`
 *   freshness  a message sent through the gateway (chat → outbox → Kafka → search) until Elasticsearch
 *              finds it, one at a time, on the full index
 *   queries    guild searches through the gateway on the full index, one shape at a time: a content
 *              term, a phrase, from:, has:, in:
 *   permission chat's readable-channels call (asked once per guild search) timed alone, straight to chat
 *
 * The synthetic events go to a topic of the bench's own (`bench.search.<run>`, 12 partitions like
 * chat.messages, deleted at the end) that the bench's search process reads besides chat.messages
 * (SEARCH_SOURCE_TOPICS): a million events on chat.messages itself would reach every other consumer of
 * it (gateways' fan-out, file) and stay in its 7-day retention. Index alias `bench-search-<run>` and
 * consumer group `search.indexer.bench-<run>` are the run's own; index, template, topics and group are
 * deleted at the end unless --keep-index (then: see tools/bench/README.md → search).
 *
 * Run: node tools/bench/run.mjs search [--messages 1000000] [--query-seconds 10] [--connections 4]
 *      [--freshness-samples 50] [--keep-index]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/search
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import { Api, type AuthResult, registerUser } from '../../e2e/support/api';
import { Stack } from '../../e2e/support/stack';
import { createEvent } from '../../libs/messaging/src/event-bus';
import { IDENTITY_HEADER, signIdentity } from '../../libs/platform/src/identity/internal-identity';
import {
  findListeningPid,
  LatencyRecorder,
  pidOfServer,
  ProcessSampler,
  runBench,
  table,
  type WatchedProcess,
} from './lib';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: process.env['BENCH_SEARCH_MESSAGES'] ?? '1000000' },
    'query-seconds': { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    'freshness-samples': { type: 'string', default: '50' },
    'keep-index': { type: 'boolean', default: false },
  },
});
const total = Number(args.messages);
const querySeconds = Number(args['query-seconds']);
const connections = Number(args.connections);
const freshnessSamples = Number(args['freshness-samples']);

const UNLIMITED = '1000000000';
const BONFIRE_EPOCH_MS = Date.UTC(2026, 0, 1);
/** Worker id of the synthetic snowflakes: the highest, which no chat replica leases first. */
const FILL_WORKER_ID = 1023n;
const CHANNELS = 10;
const AUTHORS = 5;
const PRODUCE_BATCH = 2_000;
const PRODUCE_IN_FLIGHT = 4;
const PHRASE = 'quick brown fox';

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

/** A copy of the gateway's routing table with every per-route limit raised out of the way. */
function benchRoutesFile(directory: string): string {
  const routes = JSON.parse(readFileSync(resolve(__dirname, '../../apps/gateway/routes.json'), 'utf8')) as {
    rateLimits?: { limit: number }[];
  };
  for (const limit of routes.rateLimits ?? []) limit.limit = Number(UNLIMITED);
  const path = join(directory, 'routes.json');
  writeFileSync(path, JSON.stringify(routes, null, 2));
  return path;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run indexes the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 2,000 made-up words; word i is picked with a skewed (roughly Zipf-like) frequency. */
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'zi', 'pe', 'sa', 'do', 'fu', 'gi', 'ha', 'ju'];
const VOCABULARY = Array.from({ length: 2_000 }, (_, index) => {
  let word = '';
  for (let n = index + SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length))
    word += SYLLABLES[n % SYLLABLES.length];
  return word;
});

async function metricValue(serviceUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${serviceUrl}/metrics`)).text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

void runBench(
  'search',
  {
    // set-up ~60 s, indexing ~1 ms per message on 2 busy cores, then freshness, 5 query shapes and the
    // permission call
    deadlineSeconds: 240 + Math.ceil(total / 1000) + freshnessSamples * 3 + 8 * (querySeconds + 3),
    description: `indexing, freshness and query latency on an index of ${total.toLocaleString('en')} messages`,
  },
  async (bench) => {
    const run = Date.now().toString(36);
    const alias = `bench-search-${run}`;
    const group = `search.indexer.bench-${run}`;
    const topic = `bench.search.${run}`;
    const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
    const es = new Client({ node: process.env['ELASTICSEARCH_URL']!, requestTimeout: 60_000 });
    bench.onCleanup(() => es.close());
    const kafka = new Kafka({ clientId: 'bench-search', brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    bench.onCleanup(() => admin.disconnect());

    // cleanups run last registered first: the topics, group and index go after the stack has stopped
    bench.onCleanup(async () => {
      await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] });
      await admin.deleteGroups([group]).catch(() => undefined); // none if the consumer never joined
    });
    bench.onCleanup(async () => {
      if (args['keep-index']) {
        bench.log(
          `kept index ${alias}-v1 (alias ${alias}); remove it with ` +
            `curl -XDELETE ${process.env['ELASTICSEARCH_URL']}/${alias}-v1`,
        );
        return;
      }
      // deleting by wildcard is refused (action.destructive_requires_name): name the indices
      const indices = Object.keys(await es.indices.get({ index: `${alias}-v*` }));
      if (indices.length > 0) await es.indices.delete({ index: indices.join(',') });
      await es.indices.deleteIndexTemplate({ name: `${alias}-template` }, { ignore: [404] });
    });
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic, numPartitions: 12, replicationFactor: 1 },
        { topic: `${topic}.dlq`, numPartitions: 1, replicationFactor: 1 },
      ],
    });

    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));
    bench.log('starting auth + chat + search + gateway from apps/*/dist…');
    const stack = await Stack.start({
      services: ['auth', 'chat', 'search', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `bench-${run}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
        ACCESS_TOKEN_TTL_SECONDS: '3600',
      },
      serviceEnv: {
        chat: { CHAT_SEND_LIMIT_PER_10S: UNLIMITED },
        gateway: { GATEWAY_ROUTES_FILE: benchRoutesFile(directory) },
        search: {
          SEARCH_INDEX_ALIAS: alias,
          SEARCH_CONSUMER_GROUP: group,
          SEARCH_SOURCE_TOPICS: `chat.messages,${topic}`,
          SEARCH_INDEXER_START_FROM: 'latest',
          SEARCH_LAG_INTERVAL_MS: '1000',
        },
      },
    });
    bench.onCleanup(() => stack.stop());
    const gateway = stack.gateway;
    const search = stack.service('search');
    const chat = stack.service('chat');
    const watch: WatchedProcess[] = [
      { name: 'search', pid: pidOfServer(search.url) },
      { name: 'gateway', pid: pidOfServer(gateway.url) },
      { name: 'chat', pid: pidOfServer(chat.url) },
    ];
    for (const [name, url] of [
      ['elasticsearch', process.env['ELASTICSEARCH_URL']!],
      ['kafka', `tcp://${brokers[0]}`],
    ] as const) {
      const pid = findListeningPid(Number(new URL(url).port));
      if (pid !== undefined) watch.push({ name, pid, tree: name === 'kafka' });
    }
    const settings = {
      bulkMax: process.env['SEARCH_BULK_MAX'] ?? '200',
      refreshInterval: '500ms (infra/elasticsearch/messages.json)',
      esHeap: process.env['ELASTICSEARCH_HEAP'],
      shards: process.env['SEARCH_INDEX_SHARDS'] ?? '1',
    };
    bench.note(
      `search: SEARCH_BULK_MAX=${settings.bulkMax}, 6 partitions indexed concurrently, ` +
        `refresh ${settings.refreshInterval}, ${settings.shards} shard, ES heap ${settings.esHeap}`,
    );

    // ---- users, guild, channels
    const api = new Api(gateway.url);
    const users: AuthResult[] = [];
    for (let index = 0; index < AUTHORS; index++) users.push(await registerUser(api));
    const owner = users[0]!;
    const asOwner = api.withToken(owner.accessToken);
    const guild = (await asOwner.post<{ id: string }>('/api/v1/guilds', { name: 'search bench' })).body;
    const channels: { id: string; name: string }[] = [];
    for (let index = 0; index < CHANNELS; index++) {
      const created = await asOwner.post<{ id: string; name: string }>(
        `/api/v1/guilds/${guild.id}/channels`,
        {
          name: `bench-${index}`,
          type: 'text',
        },
      );
      if (created.status !== 201) throw new Error(`create channel: ${created.status}`);
      channels.push(created.body);
    }
    const general = (
      await asOwner.get<{ id: string; type: string }[]>(`/api/v1/guilds/${guild.id}/channels`)
    ).body.find((channel) => channel.type === 'text')!;

    // ---- the consumer starts at the end of the topics: wait until it reads the bench topic
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    bench.onCleanup(() => producer.disconnect());
    const startMs = BigInt(Date.now() - BONFIRE_EPOCH_MS - 30 * 24 * 3600_000);
    const eventFor = (n: number) => {
      const rng = random(Math.imul(n + 1, 2654435761));
      const id = (((startMs + BigInt(n)) << 22n) | (FILL_WORKER_ID << 12n)).toString();
      const channel = channels[n % CHANNELS]!;
      const author = users[Math.floor(rng() * AUTHORS)]!;
      const words: string[] = [];
      const length = 5 + Math.floor(rng() * 16);
      for (let w = 0; w < length; w++) words.push(VOCABULARY[Math.floor(VOCABULARY.length * rng() ** 3)]!);
      if (n % 50 === 7) words.splice(Math.floor(rng() * words.length), 0, PHRASE);
      if (n % 20 === 3) words.push(`https://example.com/p/${n}`);
      const attachment = n % 30 === 11;
      const mention = n % 10 === 5 ? users[((n / 10) % AUTHORS) | 0]!.user.id : null;
      const message = {
        id,
        channelId: channel.id,
        guildId: guild.id,
        authorId: author.user.id,
        content: words.join(' '),
        nonce: null,
        replyToId: null,
        attachments: attachment
          ? [
              n % 60 === 11
                ? { id, filename: 'a.png', contentType: 'image/png', size: 10, width: 1, height: 1 }
                : {
                    id,
                    filename: 'a.pdf',
                    contentType: 'application/pdf',
                    size: 10,
                    width: null,
                    height: null,
                  },
            ]
          : [],
        mentions: { userIds: mention ? [mention] : [], roleIds: [], everyone: false },
        pinned: false,
        revision: 0,
        editedAt: null,
        createdAt: new Date(BONFIRE_EPOCH_MS + Number(startMs) + n).toISOString(),
        reactions: [],
      };
      return {
        key: channel.id,
        value: JSON.stringify(createEvent('message.created', channel.id, { message }, 'bench')),
      };
    };
    {
      const deadline = Date.now() + 60_000;
      let probe = total + 1;
      for (;;) {
        const event = eventFor(probe);
        await producer.send({ topic, acks: -1, messages: [event] });
        const id = (JSON.parse(event.value) as { data: { message: { id: string } } }).data.message.id;
        await sleep(1_500);
        const found = await es.count({ index: alias, query: { term: { id } } });
        if (found.count === 1) break;
        if (Date.now() > deadline || bench.signal.aborted)
          throw new Error('the search consumer did not read the bench topic within 60 s');
        probe++;
      }
    }

    // ---- indexing: produce N events in batches while the service indexes them
    const opsBefore = await metricValue(search.url, 'search_indexer_operations_total');
    const countBefore = (await es.count({ index: alias })).count;
    bench.log(`producing ${total} events to ${topic} in batches of ${PRODUCE_BATCH}…`);
    const sampler = new ProcessSampler(watch, 1_000);
    sampler.start();
    const indexingStarted = performance.now();
    let produced = 0;
    let producedAt = NaN;
    const production = (async () => {
      let next = 0;
      const worker = async () => {
        while (next < total && !bench.signal.aborted) {
          const from = next;
          next = Math.min(total, next + PRODUCE_BATCH);
          const messages = [];
          for (let n = from; n < next; n++) messages.push(eventFor(n));
          await producer.send({ topic, acks: -1, messages });
          produced += messages.length;
        }
      };
      await Promise.all(Array.from({ length: PRODUCE_IN_FLIGHT }, worker));
      producedAt = performance.now();
    })();
    const timeline: { seconds: number; produced: number; indexed: number; lag: number }[] = [];
    let indexed = 0;
    let peakLag = 0;
    let lastLog = 0;
    while (indexed < total) {
      if (bench.signal.aborted) throw new Error(`aborted while indexing (${indexed} of ${total})`);
      await sleep(1_000);
      indexed = (await metricValue(search.url, 'search_indexer_operations_total')) - opsBefore;
      const lag = await metricValue(search.url, 'search_indexer_consumer_lag');
      peakLag = Math.max(peakLag, lag);
      const seconds = (performance.now() - indexingStarted) / 1000;
      timeline.push({ seconds, produced, indexed, lag });
      if (seconds - lastLog >= 15) {
        lastLog = seconds;
        bench.log(`  ${fixed(seconds, 0)} s: produced ${produced}, indexed ${indexed}, lag ${lag}`);
      }
    }
    const indexingSeconds = (performance.now() - indexingStarted) / 1000;
    await production;
    const indexingProcesses = sampler.stop();
    await es.indices.refresh({ index: alias });
    const countAfter = (await es.count({ index: alias })).count;
    const stats = await es.indices.stats({ index: alias, metric: ['store', 'docs'] });
    const storeBytes = stats._all.primaries?.store?.size_in_bytes ?? NaN;
    // steady rate: between 10 % and 90 % of the messages indexed
    const at = (fraction: number) => timeline.find((point) => point.indexed >= total * fraction);
    const low = at(0.1);
    const high = at(0.9);
    const steadyRate = low && high ? (high.indexed - low.indexed) / (high.seconds - low.seconds) : NaN;
    const indexing = {
      messages: total,
      produceSeconds: (producedAt - indexingStarted) / 1000,
      indexingSeconds,
      messagesPerSecond: total / indexingSeconds,
      steadyMessagesPerSecond: steadyRate,
      peakConsumerLag: peakLag,
      documentsAdded: countAfter - countBefore,
      indexDocuments: countAfter,
      indexStoreMiB: storeBytes / 2 ** 20,
      processes: indexingProcesses,
      machineCpuPercent: sampler.machineCpuPercent,
    };
    if (indexing.documentsAdded < total)
      throw new Error(`the index holds ${indexing.documentsAdded} new documents, expected ${total}`);
    bench.section(
      `== indexing ${total} messages (Kafka → search consumer → _bulk), produced in batches of ${PRODUCE_BATCH}`,
      `produced in ${fixed(indexing.produceSeconds, 1)} s (${fixed(total / indexing.produceSeconds, 0)} events/s); ` +
        `all indexed after ${fixed(indexingSeconds, 1)} s: ${fixed(indexing.messagesPerSecond, 0)} messages/s overall, ` +
        `${fixed(steadyRate, 0)} messages/s between 10 % and 90 %; peak consumer lag ${peakLag}.\n` +
        `index: ${countAfter} documents (${indexing.documentsAdded} new), ${fixed(indexing.indexStoreMiB, 0)} MiB on disk\n` +
        table(
          ['process', 'CPU %', 'RSS peak MiB'],
          [
            ...indexingProcesses.map((process) => [
              process.name,
              fixed(process.cpuPercent, 0),
              fixed(process.rssPeakMiB, 0),
            ]),
            ['whole machine', fixed(sampler.machineCpuPercent, 0), '-'],
          ],
        ),
      'indexing',
      { ...indexing, timeline },
    );

    // ---- freshness on the full index: send through the gateway, wait until Elasticsearch finds it
    {
      const recorder = new LatencyRecorder();
      for (let sample = 0; sample < freshnessSamples; sample++) {
        if (bench.signal.aborted) throw new Error('aborted during freshness');
        const started = performance.now();
        const sent = await asOwner.post<{ id: string }>(`/api/v1/channels/${general.id}/messages`, {
          content: `freshness probe ${run} ${sample}`,
        });
        if (sent.status !== 201) throw new Error(`send: ${sent.status} ${JSON.stringify(sent.body)}`);
        for (;;) {
          const found = await es.count({ index: alias, query: { term: { id: sent.body.id } } });
          if (found.count === 1) break;
          if (performance.now() - started > 30_000)
            throw new Error(`message ${sent.body.id} not searchable in 30 s`);
          await sleep(20);
        }
        recorder.record(performance.now() - started);
        await sleep(200);
      }
      const summary = recorder.summary();
      bench.section(
        `== freshness on ${countAfter} documents: POST through the gateway → found in Elasticsearch (ms, ${freshnessSamples} sends, one at a time)`,
        table(
          ['n', 'mean', 'p50', 'p95', 'p99', 'max'],
          [
            [
              String(summary.count),
              ...[summary.mean, summary.p50, summary.p95, summary.p99, summary.max].map((v) => fixed(v, 0)),
            ],
          ],
        ),
        'freshness',
        summary,
      );
    }

    // ---- query shapes through the gateway
    const secondAuthor = users[1]!;
    const term = VOCABULARY[40]!;
    const shapes: [string, string][] = [
      ['content term', `content=${term}`],
      ['phrase', `q=${encodeURIComponent(`"${PHRASE}"`)}`],
      ['from:', `q=${encodeURIComponent(`from:${secondAuthor.user.username}`)}`],
      ['has:', `q=${encodeURIComponent('has:link')}`],
      ['in:', `q=${encodeURIComponent(`in:#${channels[3]!.name} ${term}`)}`],
    ];
    const totals: Record<string, number> = {};
    for (const [name, query] of shapes) {
      const path = `/api/v1/guilds/${guild.id}/messages/search?${query}`;
      const probe = await asOwner.get<{ total: number }>(path);
      if (probe.status !== 200) throw new Error(`${name}: ${probe.status} ${JSON.stringify(probe.body)}`);
      totals[name] = probe.body.total;
      await bench.load({
        name: `search ${name} (${probe.body.total} hits)`,
        target: gateway.url,
        request: { path, headers: { authorization: `Bearer ${owner.accessToken}` } },
        connections,
        warmupSeconds: 2,
        durationSeconds: querySeconds,
        watch,
        expectStatus: 200,
      });
    }
    bench.note(
      `queries: GET /api/v1/guilds/{id}/messages/search (limit 25, default sort) as the guild owner over ${CHANNELS + 1} ` +
        `readable channels; content term "${term}", phrase "${PHRASE}" (1 message in 50), from: one of ${AUTHORS} authors, ` +
        `has:link (1 in 20), in:#${channels[3]!.name} + the term; hits: ${JSON.stringify(totals)}`,
    );

    // ---- the permission call alone: chat's readable channels, as search asks it (signed identity)
    const { sid } = JSON.parse(Buffer.from(owner.accessToken.split('.')[1]!, 'base64url').toString()) as {
      sid: string;
    };
    const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
    let identity = signIdentity(secret, { userId: owner.user.id, sessionId: sid });
    const resign = setInterval(
      () => (identity = signIdentity(secret, { userId: owner.user.id, sessionId: sid })),
      5_000,
    );
    bench.onCleanup(() => clearInterval(resign));
    for (const conns of [1, connections]) {
      await bench.load({
        name: `permission call: chat readable-channels, ${conns} conn${conns === 1 ? '' : 's'}`,
        target: chat.url,
        request: () => ({
          path: `/internal/v1/search/guilds/${guild.id}/readable-channels`,
          headers: { [IDENTITY_HEADER]: identity },
        }),
        connections: conns,
        warmupSeconds: 2,
        durationSeconds: querySeconds,
        watch,
        expectStatus: 200,
      });
    }
  },
).catch((error: unknown) => {
  console.error(error);
  process.exitCode ||= 1;
});
