import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceProcess, Stack } from '../support/stack';
import { auditFault, auditTable, type FaultAudit, type FaultTiming } from './support/audit';
import { Listener } from './support/listener';
import { Traffic, type TrafficUser } from './support/traffic';
import { buildWorld, type Guild, readHistory, UNLIMITED, unlimitedRoutesFile } from './support/world';

/**
 * Issue 23, first slice: steady traffic through two gateways while chat, one gateway and auth are each
 * killed (SIGKILL) and restarted, one at a time; after each fault an audit of every send against history
 * and every listener (e2e/faults/README.md). Sizes can be changed through FAULTS_* variables.
 */

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const USERS = number('FAULTS_USERS', 20);
const LISTENERS = number('FAULTS_LISTENERS', 40);
const RATE = number('FAULTS_RATE', 30);
/** Seconds of traffic before the kill, and after the restarted service is ready. */
const BEFORE_SECONDS = number('FAULTS_BEFORE_SECONDS', 4);
const AFTER_SECONDS = number('FAULTS_AFTER_SECONDS', 6);
/** How long the listeners may take to get every acknowledged message after the traffic stopped. */
const SETTLE_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// eslint-disable-next-line no-console -- the suite's output is its audit tables
const print = (text: string) => console.log(text);

interface Fault {
  name: string;
  /** The process killed and restarted (null: a phase without a fault, as a control). */
  target: (stack: Stack) => ServiceProcess | null;
}

const FAULTS: Fault[] = [
  { name: 'none (control)', target: () => null },
  { name: 'SIGKILL chat', target: (stack) => stack.service('chat') },
  { name: 'SIGKILL gateway-2', target: (stack) => stack.gateways[1] ?? null },
  { name: 'SIGKILL auth', target: (stack) => stack.service('auth') },
];

describe('faults: nothing acknowledged is lost or doubled while services die', () => {
  let stack: Stack;
  let gatewayUrls: string[];
  let world: Guild[];
  const listeners: Listener[] = [];
  let traffic: Traffic;
  const audits: FaultAudit[] = [];

  beforeAll(async () => {
    const stamp = Date.now();
    stack = await Stack.start({
      services: ['auth', 'chat', 'presence', 'gateway'],
      extraGateways: 1,
      env: {
        RATE_LIMIT_KEY_PREFIX: `faults-${stamp}`,
        PRESENCE_KEY_PREFIX: `presence-faults-${stamp}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
      },
      serviceEnv: {
        chat: { CHAT_SEND_LIMIT_PER_10S: UNLIMITED },
        presence: {
          PRESENCE_CONSUMER_GROUP: `presence.projection.faults-${stamp}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
        gateway: {
          GATEWAY_ROUTES_FILE: unlimitedRoutesFile(),
          REALTIME_MAX_CONNECTIONS_PER_USER: UNLIMITED,
          REALTIME_HANDSHAKES_PER_MINUTE: UNLIMITED,
        },
      },
    });
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
    const users: TrafficUser[] = people.map((entry, n) => ({
      token: entry.person.token,
      channelIds: entry.channelIds,
      home: n % gatewayUrls.length,
    }));
    traffic = new Traffic(users, () => gatewayUrls, RATE);
  }, 180_000);

  afterAll(async () => {
    for (const listener of listeners) listener.stop();
    await stack?.stop();
  });

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

  const totals = () => ({
    resumes: listeners.reduce((sum, listener) => sum + listener.resumes, 0),
    resyncs: listeners.reduce((sum, listener) => sum + listener.resyncs.length, 0),
  });

  it('audits every acknowledged message after each fault', async () => {
    const startedAt = Date.now();
    for (const fault of FAULTS) {
      const before = totals();
      const timing: FaultTiming = { killAt: null, readyAt: null };
      traffic.start(fault.name);
      await sleep(BEFORE_SECONDS * 1000);
      const target = fault.target(stack);
      if (target) {
        timing.killAt = Date.now();
        await target.kill();
        await target.start();
        timing.readyAt = Date.now();
      }
      await sleep(AFTER_SECONDS * 1000);
      await traffic.stop();
      await settle(fault.name);
      const after = totals();
      const history = await readHistory(gatewayUrls[0] ?? '', world);
      const audit = auditFault(fault.name, traffic.of(fault.name), history, listeners, timing, {
        resumes: after.resumes - before.resumes,
        resyncs: after.resyncs - before.resyncs,
      });
      audits.push(audit);
      print(`\n${auditTable([audit])}`);
      for (const problem of audit.problems.slice(0, 20)) print(`  ✗ ${problem}`);
    }
    const history = await readHistory(gatewayUrls[0] ?? '', world);
    const all = auditFault(
      'all',
      traffic.records,
      history,
      listeners,
      { killAt: null, readyAt: null },
      totals(),
    );
    const table = auditTable([...audits, all]);
    const summary =
      `${table}\n\nfaults suite: ${USERS} users, ${LISTENERS} listeners over ${gatewayUrls.length} gateways, ` +
      `${RATE} msg/s; ${Math.round((Date.now() - startedAt) / 1000)} s of traffic and audits; ` +
      `listeners: ${listeners.reduce((sum, l) => sum + l.replayedDropped, 0)} replayed dispatches dropped by seq, ` +
      `${listeners.reduce((sum, l) => sum + l.seqGaps, 0)} seq gaps, ` +
      `${listeners.reduce((sum, l) => sum + l.outOfOrder(), 0)} live deliveries out of id order, ` +
      `${listeners.reduce((sum, l) => sum + l.historyFills, 0)} history fills; ` +
      `${traffic.records.filter((record) => record.status === 200).length} sends answered 200 on a retry ` +
      `(an earlier attempt had been stored)`;
    print(`\n${summary}`);
    writeFileSync(join(tmpdir(), 'bonfire-faults-last.txt'), `${summary}\n`);
    const problems = [...audits, all].flatMap((audit) =>
      audit.problems.map((problem) => `${audit.fault}: ${problem}`),
    );
    expect(problems.slice(0, 30)).toEqual([]);
    expect(all.acknowledged).toBeGreaterThan(0);
  });
});
