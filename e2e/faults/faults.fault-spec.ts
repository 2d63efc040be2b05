import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeSearchIndex } from '../support/search-index';
import { Stack } from '../support/stack';
import { auditFault, auditTable, type FaultAudit, type FaultExtras, type FaultTiming } from './support/audit';
import {
  Background,
  downloadMatches,
  findsByText,
  searchableIds,
  type UploadRecord,
} from './support/background';
import { deadLetterOffsets, deadLettersSince } from './support/dead-letters';
import { Listener, listenerTotals } from './support/listener';
import { MemorySampler } from './support/memory';
import { recentErrors, recovery } from './support/recovery';
import { InfraServer, type InfraServerName } from './support/servers';
import { type SendRecord, Traffic, type TrafficUser } from './support/traffic';
import { buildWorld, type Guild, readHistory, UNLIMITED, unlimitedRoutesFile } from './support/world';

/**
 * Issue 23: steady traffic through two gateways, with uploads and searches beside it, while services (chat,
 * a gateway, auth, file) and servers (Kafka, Redis, Postgres, S3, Elasticsearch) are each killed (SIGKILL)
 * and restarted, one at a time; after each fault an audit of every send against history, every listener,
 * search and every upload, and how long the services took to be ready again (e2e/faults/README.md).
 * Sizes can be changed through FAULTS_* variables; FAULTS_ONLY=chat,kafka runs only those faults.
 */

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const USERS = number('FAULTS_USERS', 20);
const LISTENERS = number('FAULTS_LISTENERS', 40);
const RATE = number('FAULTS_RATE', 30);
/** Seconds of traffic before the kill, and after the restarted service is ready. */
const BEFORE_SECONDS = number('FAULTS_BEFORE_SECONDS', 4);
const AFTER_SECONDS = number('FAULTS_AFTER_SECONDS', 6);
const UPLOAD_RATE = number('FAULTS_UPLOAD_RATE', 1);
const SEARCH_RATE = number('FAULTS_SEARCH_RATE', 1);
/** Every n-th acknowledged send is sent again with its nonce; every n-th send's first attempt is dropped. */
const RESEND_EVERY = number('FAULTS_RESEND_EVERY', 40);
const DROP_EVERY = number('FAULTS_DROP_EVERY', 50);
/** How long Elasticsearch stays down, and Postgres in its outage phase. */
const ES_DOWN_SECONDS = number('FAULTS_ES_DOWN_SECONDS', 30);
const PG_DOWN_SECONDS = number('FAULTS_PG_DOWN_SECONDS', 5);
const ONLY = process.env['FAULTS_ONLY']?.split(',').filter(Boolean) ?? null;
/** How long the listeners may take to get every acknowledged message after the traffic stopped. */
const SETTLE_MS = 30_000;
/** Every service must be ready this soon after the dependency is back. */
const RECOVERY_BOUND_S = 60;
/** Every acknowledged message must be searchable this soon after the traffic stopped (or Elasticsearch is back). */
const SEARCH_BOUND_S = 30;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// eslint-disable-next-line no-console -- the suite's output is its audit tables
const print = (text: string) => console.log(text);

/** What a fault kills and brings back: a service process, or a server through infra. */
type Target = Pick<InfraServer, 'kill' | 'start'>;

interface Fault {
  /** For FAULTS_ONLY. */
  key: string;
  name: string;
  /** A service process (by name; gateway-2 is the second gateway) or an infra server. */
  service?: string;
  server?: InfraServerName;
  /** How long it stays dead before the restart. */
  downSeconds?: number;
  /** Kill only while sends are in flight (a restart mid-transaction). */
  midTransaction?: boolean;
}

const ALL_FAULTS: Fault[] = [
  { key: 'none', name: 'none (control)' },
  { key: 'chat', name: 'SIGKILL chat', service: 'chat' },
  { key: 'gateway', name: 'SIGKILL gateway-2', service: 'gateway-2' },
  { key: 'auth', name: 'SIGKILL auth', service: 'auth' },
  { key: 'file', name: 'SIGKILL file', service: 'file' },
  { key: 'kafka', name: 'SIGKILL kafka', server: 'kafka' },
  { key: 'redis', name: 'SIGKILL redis', server: 'redis' },
  {
    key: 'postgres',
    name: `SIGKILL postgres, ${PG_DOWN_SECONDS} s down`,
    server: 'postgres',
    downSeconds: PG_DOWN_SECONDS,
  },
  { key: 'postgres-tx', name: 'postgres mid-transaction', server: 'postgres', midTransaction: true },
  { key: 's3', name: 'SIGKILL s3', server: 's3' },
  {
    key: 'elasticsearch',
    name: `SIGKILL elasticsearch, ${ES_DOWN_SECONDS} s down`,
    server: 'elasticsearch',
    downSeconds: ES_DOWN_SECONDS,
  },
];
const FAULTS = ALL_FAULTS.filter((fault) => fault.key === 'none' || !ONLY || ONLY.includes(fault.key));

describe('faults: nothing acknowledged is lost or doubled while services and servers die', () => {
  const stamp = Date.now();
  const searchAlias = `messages-faults-${stamp}`;
  let stack: Stack;
  let gatewayUrls: string[];
  let world: Guild[];
  const listeners: Listener[] = [];
  let traffic: Traffic;
  let background: Background;
  const servers = new Map<InfraServerName, InfraServer>();
  let deadLettersBefore: Awaited<ReturnType<typeof deadLetterOffsets>>;
  const audits: FaultAudit[] = [];
  /** Acknowledged messages already found by search (later checks look only for the rest). */
  const searchable = new Set<string>();
  let users: TrafficUser[];

  beforeAll(async () => {
    // Every server a fault needs must be one infra started (its pid file): checked before anything runs.
    for (const fault of FAULTS) {
      if (fault.server && !servers.has(fault.server)) {
        servers.set(fault.server, await InfraServer.load(fault.server));
      }
    }
    stack = await Stack.start({
      services: ['auth', 'chat', 'presence', 'file', 'search', 'gateway'],
      extraGateways: 1,
      env: {
        RATE_LIMIT_KEY_PREFIX: `faults-${stamp}`,
        PRESENCE_KEY_PREFIX: `presence-faults-${stamp}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
        // The users keep one access token for the whole run (an app would refresh it): a soak of 30 min
        // outlives the default 15 min.
        ACCESS_TOKEN_TTL_SECONDS: '7200',
      },
      serviceEnv: {
        chat: { CHAT_SEND_LIMIT_PER_10S: UNLIMITED },
        presence: {
          PRESENCE_CONSUMER_GROUP: `presence.projection.faults-${stamp}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
        file: {
          FILE_CONSUMER_GROUP: `file.chat-events.faults-${stamp}`,
          FILE_CONSUMER_START_FROM: 'latest',
          FILE_MAX_OPEN_UPLOADS: UNLIMITED,
        },
        search: {
          SEARCH_INDEX_ALIAS: searchAlias,
          SEARCH_CONSUMER_GROUP: `search.indexer.faults-${stamp}`,
          SEARCH_INDEXER_START_FROM: 'latest',
          SEARCH_RETRY_MAX_DELAY_MS: '1000',
        },
        gateway: {
          GATEWAY_ROUTES_FILE: unlimitedRoutesFile(),
          REALTIME_MAX_CONNECTIONS_PER_USER: UNLIMITED,
          REALTIME_HANDSHAKES_PER_MINUTE: UNLIMITED,
        },
      },
    });
    deadLettersBefore = await deadLetterOffsets();
    // A restarted process keeps its port, so these stay right.
    gatewayUrls = stack.gateways.map((gateway) => gateway.url);
    world = await buildWorld(gatewayUrls[0] ?? '', USERS, 2, 2);
    const people = world.flatMap((guild) =>
      guild.members.map((person) => ({ person, channelIds: guild.channelIds })),
    );
    for (let n = 0; n < LISTENERS; n++) {
      const entry = people[n % people.length];
      if (!entry) continue;
      const home = Math.floor(n / people.length) % gatewayUrls.length;
      const order = () => [...gatewayUrls.slice(home), ...gatewayUrls.slice(0, home)];
      listeners.push(
        new Listener(`listener-${n}@gw${home + 1}`, entry.person.token, entry.channelIds, order, n % 2 === 1),
      );
    }
    for (let n = 0; n < listeners.length; n += 10) {
      await Promise.all(listeners.slice(n, n + 10).map((listener) => listener.start()));
    }
    users = people.map((entry, n) => ({
      token: entry.person.token,
      channelIds: entry.channelIds,
      home: n % gatewayUrls.length,
    }));
    traffic = new Traffic(users, () => gatewayUrls, RATE, {
      resendEvery: RESEND_EVERY,
      abortEvery: DROP_EVERY,
    });
    background = new Background(
      users,
      () => gatewayUrls[0] ?? '',
      guildOf,
      () => traffic.records.findLast((record) => record.id !== undefined)?.nonce,
      UPLOAD_RATE,
      SEARCH_RATE,
    );
  }, 180_000);

  afterAll(async () => {
    for (const listener of listeners) listener.stop();
    // A process that died or is not ready at the end: its last output, to say why.
    const all = [...(stack?.services.values() ?? []), ...(stack?.gateways ?? [])];
    for (const service of all) {
      const ready = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (!ready)
        print(`\n${service.name} (${service.url}) is not ready at the end:\n${service.logs().slice(-3000)}`);
    }
    await stack?.stop();
    await removeSearchIndex(searchAlias).catch(() => undefined);
  });

  const guildOf = (channelId: string) =>
    world.find((guild) => guild.channelIds.includes(channelId))?.id ?? '';
  const readerOf = (guildId: string) => world.find((guild) => guild.id === guildId)?.members[0]?.token ?? '';

  function target(fault: Fault): Target | null {
    if (fault.service === 'gateway-2') return stack.gateways[1] ?? null;
    if (fault.service) return stack.service(fault.service);
    if (fault.server) return servers.get(fault.server) ?? null;
    return null;
  }

  /** Waits until every listener is connected and has every acknowledged message of its channels. */
  async function settle(phase: string): Promise<void> {
    const acked = traffic.of(phase).filter((record) => record.id !== undefined);
    const deadline = Date.now() + SETTLE_MS;
    while (Date.now() < deadline) {
      const done = listeners.every((listener) => {
        if (!listener.isConnected) return false;
        const seen = listener.seen();
        return acked.every(
          (record) => !listener.channelIds.includes(record.channelId) || seen.has(record.id ?? ''),
        );
      });
      if (done) return;
      await sleep(250);
    }
  }

  /** Every service process, by a name the table can show. */
  const processes = () => [
    ...[...stack.services.values()].map((service) => ({ name: service.name, url: service.url })),
    ...stack.gateways.map((gateway, n) => ({ name: `gateway-${n + 1}`, url: gateway.url })),
  ];

  /**
   * Waits until every acknowledged message so far is searchable (a guild search finds it), at most until
   * `since` + SEARCH_BOUND_S; answers the seconds from `since`, and the problems. Also searches a few of
   * the phase's messages by their unique text.
   */
  async function searchability(
    records: SendRecord[],
    since: number,
  ): Promise<{ seconds: number | null; problems: string[] }> {
    const wanted = new Map<string, string>();
    for (const record of traffic.records) {
      if (record.id !== undefined && !searchable.has(record.id)) {
        wanted.set(record.id, guildOf(record.channelId));
      }
    }
    const deadline = since + SEARCH_BOUND_S * 1000;
    for (;;) {
      const found = await searchableIds(gatewayUrls[0] ?? '', readerOf, wanted);
      for (const id of found) {
        searchable.add(id);
        wanted.delete(id);
      }
      if (wanted.size === 0) break;
      if (Date.now() > deadline) {
        return {
          seconds: null,
          problems: [
            `${wanted.size} acknowledged message(s) not searchable ${SEARCH_BOUND_S} s after ` +
              `${Math.round((Date.now() - since) / 1000)} s, e.g. ${[...wanted.keys()].slice(0, 3).join(', ')}`,
          ],
        };
      }
      await sleep(500);
    }
    const seconds = Math.max(0, Math.round((Date.now() - since) / 100) / 10);
    const problems: string[] = [];
    if (seconds > SEARCH_BOUND_S)
      problems.push(`search found every acknowledged message only after ${seconds} s`);
    const sample = records.filter((record) => record.id !== undefined).slice(0, 3);
    for (const record of sample) {
      const guildId = guildOf(record.channelId);
      if (
        !(await findsByText(gatewayUrls[0] ?? '', readerOf(guildId), guildId, record.nonce, record.id ?? ''))
      ) {
        problems.push(`searching the unique text ${record.nonce} does not find exactly ${record.id}`);
      }
    }
    return { seconds, problems };
  }

  /** Downloads every completed upload of `uploads` and compares the bytes. */
  async function uploadAudit(
    uploads: UploadRecord[],
  ): Promise<{ audit: FaultAudit['uploads']; problems: string[] }> {
    const completed = uploads.filter((upload) => upload.completed);
    const problems: string[] = [];
    let identical = 0;
    for (const upload of completed) {
      const problem = await downloadMatches(gatewayUrls[0] ?? '', users[upload.user]?.token ?? '', upload);
      if (problem) problems.push(problem);
      else identical++;
    }
    return {
      audit: { started: uploads.length, completed: completed.length, identical },
      problems: problems.slice(0, 10),
    };
  }

  const totals = () => listenerTotals(listeners);

  it('audits every acknowledged message, upload and search after each fault', async () => {
    const startedAt = Date.now();
    const notes: string[] = [];
    // every service's resident memory, sampled through the run (a soak's series tells a plateau from a leak)
    const memory = MemorySampler.start(stack, number('FAULTS_MEMORY_SAMPLE_SECONDS', 60));
    for (const fault of FAULTS) {
      const before = totals();
      const timing: FaultTiming = { killAt: null, readyAt: null };
      traffic.start(fault.name);
      background.start(fault.name);
      await sleep(BEFORE_SECONDS * 1000);
      const victim = target(fault);
      let recovered: Promise<{ seconds: number | null; last?: string } | null> = Promise.resolve(null);
      if (victim) {
        if (fault.midTransaction) {
          const until = Date.now() + 3_000;
          while (traffic.inFlightCount === 0 && Date.now() < until) await sleep(1);
          notes.push(`${fault.name}: ${traffic.inFlightCount} send(s) in flight at the kill`);
        }
        timing.killAt = Date.now();
        await victim.kill();
        if (fault.downSeconds) await sleep(fault.downSeconds * 1000);
        await victim.start();
        timing.readyAt = Date.now();
        recovered = recovery(processes(), timing.readyAt, (RECOVERY_BOUND_S + 30) * 1000);
      }
      await sleep(AFTER_SECONDS * 1000);
      await Promise.all([traffic.stop(), background.stop()]);
      const stoppedAt = Date.now();
      // Searched while the listeners settle: the seconds it reports are the indexing's, not the wait's.
      const searching = searchability(
        traffic.of(fault.name),
        fault.server === 'elasticsearch' ? (timing.readyAt ?? stoppedAt) : stoppedAt,
      );
      await settle(fault.name);
      const recoveredAnswer = await recovered;
      const recoveredSeconds = recoveredAnswer?.seconds ?? null;
      const extras: FaultExtras = {
        recoveredSeconds,
        ...(recoveredAnswer?.last && recoveredSeconds !== null
          ? { recoveredLast: recoveredAnswer.last }
          : {}),
        searchableSeconds: null,
        uploads: null,
        problems: [],
      };
      if (recoveredAnswer && recoveredSeconds === null) {
        extras.problems.push(
          `still not ready ${RECOVERY_BOUND_S + 30} s after the dependency was back: ${recoveredAnswer.last}`,
        );
      } else if (recoveredSeconds !== null && recoveredSeconds > RECOVERY_BOUND_S) {
        extras.problems.push(
          `${recoveredAnswer?.last ?? 'a service'} ready only ${recoveredSeconds} s after the dependency was back`,
        );
      }
      const searched = await searching;
      extras.searchableSeconds = searched.seconds;
      extras.problems.push(...searched.problems);
      const uploads = await uploadAudit(background.uploads.filter((upload) => upload.phase === fault.name));
      extras.uploads = uploads.audit;
      extras.problems.push(...uploads.problems);
      const after = totals();
      const history = await readHistory(gatewayUrls[0] ?? '', world);
      const audit = auditFault(
        fault.name,
        traffic.of(fault.name),
        history,
        listeners,
        timing,
        { resumes: after.resumes - before.resumes, resyncs: after.resyncs - before.resyncs },
        extras,
      );
      audits.push(audit);
      print(`\n${auditTable([audit])}`);
      const failedUploads = background.uploads
        .filter((upload) => upload.phase === fault.name && upload.failed)
        .map((upload) => upload.failed);
      print(
        `  searches: ${background.searchOutcomes(fault.name) || 'none'}; failed uploads: ` +
          `${failedUploads.length ? failedUploads.join(', ') : 'none'}; failed send attempts: ` +
          `${traffic.failures(fault.name) || 'none'}`,
      );
      for (const problem of audit.problems.slice(0, 20)) print(`  ✗ ${problem}`);
      if (audit.problems.length > 0) print(recentErrors([...stack.services.values(), ...stack.gateways]));
    }
    memory.stop();
    const history = await readHistory(gatewayUrls[0] ?? '', world);
    const finalSearch = await searchability(traffic.records, Date.now());
    const finalUploads = await uploadAudit(background.uploads);
    const deadLetters = await deadLettersSince(deadLettersBefore);
    const all = auditFault(
      'all',
      traffic.records,
      history,
      listeners,
      { killAt: null, readyAt: null },
      totals(),
      {
        recoveredSeconds: null,
        searchableSeconds: finalSearch.seconds,
        uploads: finalUploads.audit,
        problems: [
          ...finalSearch.problems,
          ...finalUploads.problems,
          ...deadLetters
            .filter((letter) => !letter.invalid)
            .map(
              (letter) =>
                `dead letter on ${letter.topic} (group ${letter.group}, ${letter.attempts} attempts): ${letter.reason}`,
            ),
        ],
      },
    );
    const table = auditTable([...audits, all]);
    const summary =
      `${table}\n\nfaults suite: ${USERS} users, ${LISTENERS} listeners over ${gatewayUrls.length} gateways, ` +
      `${RATE} msg/s, ${UPLOAD_RATE} upload/s, ${SEARCH_RATE} search/s; ` +
      `${Math.round((Date.now() - startedAt) / 1000)} s of traffic and audits; ` +
      `listeners: ${listeners.reduce((sum, l) => sum + l.replayedDropped, 0)} replayed dispatches dropped by seq, ` +
      `${listeners.reduce((sum, l) => sum + l.seqGaps, 0)} seq gaps (each resumed, as the SDK does), ` +
      `${listeners.reduce((sum, l) => sum + l.outOfOrder(), 0)} live deliveries out of id order, ` +
      `${listeners.reduce((sum, l) => sum + l.historyFills, 0)} history fills; ` +
      `${traffic.records.filter((record) => record.status === 200).length} sends answered 200 on a retry ` +
      `(an earlier attempt had been stored); dead letters: ${deadLetters.length} ` +
      `(${deadLetters.filter((letter) => letter.invalid).length} invalid)` +
      (notes.length ? `; ${notes.join('; ')}` : '') +
      `\n${memory.report()}`;
    print(`\n${summary}`);
    writeFileSync(join(tmpdir(), 'bonfire-faults-last.txt'), `${summary}\n`);
    const problems = [...audits, all].flatMap((audit) =>
      audit.problems.map((problem) => `${audit.fault}: ${problem}`),
    );
    expect(problems.slice(0, 30)).toEqual([]);
    expect(all.acknowledged).toBeGreaterThan(0);
  });
});
