import type { Message } from '@bonfire/contracts';
import type { Listener } from './listener';
import type { SendRecord } from './traffic';

/** What happened to one fault (or to the whole run): the figures of the table and what broke. */
export interface FaultAudit {
  fault: string;
  sent: number;
  acknowledged: number;
  /** Acknowledged messages found in history (exactly once). */
  stored: number;
  /** (client, acknowledged message of its channels) pairs delivered live or filled from history after a resync. */
  delivered: number;
  eligible: number;
  /** Messages more than once in history (by nonce or id) + pairs delivered live more than once. */
  duplicates: number;
  /** Acknowledged messages missing from history + pairs never delivered. */
  lost: number;
  /** Sends never acknowledged, and how many of those are in history anyway (allowed: once). */
  unacknowledged: number;
  unacknowledgedStored: number;
  /** Sends that needed more than one attempt. */
  retried: number;
  resumes: number;
  resyncs: number;
  /** Seconds from the kill until the restarted service answered ready, until sends stopped failing, and until the last client was back. */
  readySeconds: number | null;
  sendsSeconds: number | null;
  clientsSeconds: number | null;
  /** The longest time an acknowledged send took, from its first attempt to its 2xx (retries included). */
  slowestSendSeconds: number;
  /** Acknowledged sends sent again with their nonce, and how many of those were answered 200 with the same id. */
  resent: number;
  resentSame: number;
  /** Sends whose first attempt was dropped after it was sent, and how many of those chat had stored (200 on the retry). */
  dropped: number;
  droppedStored: number;
  /** Seconds from the dependency back until every service answered /health/ready, and the last one ready. */
  recoveredSeconds: number | null;
  recoveredLast?: string;
  /** Seconds until every acknowledged message was searchable (from the traffic's end, or Elasticsearch back). */
  searchableSeconds: number | null;
  /** Uploads started, completed, and completed ones that downloaded byte-identical. */
  uploads: { started: number; completed: number; identical: number } | null;
  problems: string[];
}

/** What the spec measured beside the sends: recovery, searchability, uploads, and what broke there. */
export interface FaultExtras {
  recoveredSeconds: number | null;
  recoveredLast?: string;
  searchableSeconds: number | null;
  uploads: FaultAudit['uploads'];
  problems: string[];
}

export interface FaultTiming {
  killAt: number | null;
  readyAt: number | null;
}

/** Every message of a channel, newest first (as history answers), paged with `before`. */
export type History = Map<string, Message[]>;

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * Audits the sends of `records` against history and the listeners: each acknowledged message exactly once
 * in history (in chat's order: ids strictly descending page after page), each eligible listener got it
 * exactly once (live, or from history after a resync), a send retried after a failed attempt is there once.
 */
export function auditFault(
  fault: string,
  records: SendRecord[],
  history: History,
  listeners: Listener[],
  timing: FaultTiming,
  counters: { resumes: number; resyncs: number },
  extras: FaultExtras = { recoveredSeconds: null, searchableSeconds: null, uploads: null, problems: [] },
): FaultAudit {
  const problems: string[] = [...extras.problems];
  const byNonce = new Map<string, Message[]>();
  const byId = new Map<string, number>();
  for (const [channelId, messages] of history) {
    let previous: bigint | null = null;
    for (const message of messages) {
      const id = BigInt(message.id);
      if (previous !== null && id >= previous) {
        problems.push(`history of ${channelId} out of order at ${message.id} (after ${previous})`);
      }
      previous = id;
      byId.set(message.id, (byId.get(message.id) ?? 0) + 1);
      if (message.nonce) byNonce.set(message.nonce, [...(byNonce.get(message.nonce) ?? []), message]);
    }
  }
  const acked = records.filter((record) => record.id !== undefined);
  let stored = 0;
  let duplicates = 0;
  let lost = 0;
  for (const record of records) {
    const found = byNonce.get(record.nonce) ?? [];
    if (found.length > 1) {
      duplicates += found.length - 1;
      problems.push(
        `nonce ${record.nonce} ${found.length}× in history (${found.map((m) => m.id).join(', ')})`,
      );
    }
    if (record.id === undefined) continue;
    // A resend never answered (the retry time ran out) proves nothing either way: only answers are judged.
    const resend = record.resend?.outcome === 'GAVE_UP' ? undefined : record.resend;
    if (resend && (resend.outcome !== 200 || resend.id !== record.id)) {
      problems.push(
        `resend of ${record.id} (${record.nonce}) answered ${resend.outcome} ${resend.id ?? ''} ` +
          '(wanted 200 and the same id)',
      );
    }
    const count = byId.get(record.id) ?? 0;
    if (count === 1 && found.some((message) => message.id === record.id)) stored++;
    else if (count === 0) {
      lost++;
      problems.push(`acknowledged ${record.id} (${record.nonce}, ${record.status}) missing from history`);
    } else if (count > 1) duplicates += count - 1;
    else problems.push(`acknowledged ${record.id} stored under another nonce than ${record.nonce}`);
  }
  let delivered = 0;
  let eligible = 0;
  let disconnectedSince: number | null = null;
  for (const listener of listeners) {
    const live = listener.liveCounts();
    const seen = listener.seen();
    const missing: string[] = [];
    for (const record of acked) {
      if (!listener.channelIds.includes(record.channelId) || record.id === undefined) continue;
      eligible++;
      const times = live.get(record.id) ?? 0;
      if (times > 1) {
        duplicates += times - 1;
        problems.push(`${listener.name} got ${record.id} live ${times}×`);
      }
      if (seen.has(record.id)) delivered++;
      else missing.push(record.id);
    }
    if (missing.length > 0) {
      lost += missing.length;
      problems.push(
        `${listener.name} never got ${missing.length} message(s), e.g. ${missing.slice(0, 3).join(', ')} ` +
          `(resumes ${listener.resumes}, resyncs ${listener.resyncs.join('/') || 0}, connected ${listener.isConnected})`,
      );
    }
    if (
      timing.killAt !== null &&
      listener.lastDisconnectAt !== null &&
      listener.lastDisconnectAt >= timing.killAt
    ) {
      const reconnected = listener.lastReconnectAt;
      const back =
        reconnected !== null && reconnected >= listener.lastDisconnectAt ? reconnected : Date.now();
      disconnectedSince = Math.max(disconnectedSince ?? 0, back - timing.killAt);
    }
  }
  const failedEnds = records
    .flatMap((record) => record.attempts)
    // A dropped first attempt is the suite's doing, not a failure of the system.
    .filter(
      (attempt) =>
        attempt.outcome !== 'DROPPED' && (typeof attempt.outcome !== 'number' || attempt.outcome >= 300),
    )
    .map((attempt) => attempt.end);
  const lastFailure = failedEnds.length > 0 ? Math.max(...failedEnds) : null;
  const unacked = records.filter((record) => record.id === undefined);
  return {
    fault,
    sent: records.length,
    acknowledged: acked.length,
    stored,
    delivered,
    eligible,
    duplicates,
    lost,
    unacknowledged: unacked.length,
    unacknowledgedStored: unacked.filter((record) => byNonce.has(record.nonce)).length,
    retried: records.filter((record) => record.attempts.length > 1).length,
    resumes: counters.resumes,
    resyncs: counters.resyncs,
    readySeconds:
      timing.killAt !== null && timing.readyAt !== null ? seconds(timing.readyAt - timing.killAt) : null,
    sendsSeconds:
      timing.killAt === null
        ? null
        : lastFailure === null
          ? 0
          : seconds(Math.max(0, lastFailure - timing.killAt)),
    clientsSeconds: disconnectedSince === null ? null : seconds(disconnectedSince),
    slowestSendSeconds: seconds(
      Math.max(
        0,
        ...acked.map((record) => (record.attempts.at(-1)?.end ?? 0) - (record.attempts[0]?.at ?? 0)),
      ),
    ),
    resent: records.filter((record) => record.resend && record.resend.outcome !== 'GAVE_UP').length,
    resentSame: records.filter((record) => record.resend?.outcome === 200 && record.resend.id === record.id)
      .length,
    dropped: records.filter((record) => record.abortedFirst).length,
    droppedStored: records.filter((record) => record.abortedFirst && record.status === 200).length,
    recoveredSeconds: extras.recoveredSeconds,
    ...(extras.recoveredLast ? { recoveredLast: extras.recoveredLast } : {}),
    searchableSeconds: extras.searchableSeconds,
    uploads: extras.uploads,
    problems,
  };
}

/** The table of the audits, one row per fault. */
export function auditTable(audits: FaultAudit[]): string {
  const header = [
    'fault',
    'sent',
    'acked',
    'stored',
    'delivered',
    'dup',
    'lost',
    'unacked (stored)',
    'retried',
    'resumed/resync',
    'ready s',
    'sends ok s',
    'clients back s',
    'slowest send s',
    'resent (200)',
    'dropped 1st (200)',
    'recovered s',
    'searchable s',
    'uploads ok/done/started',
  ];
  const rows = audits.map((audit) => [
    audit.fault,
    String(audit.sent),
    String(audit.acknowledged),
    String(audit.stored),
    `${audit.delivered}/${audit.eligible}`,
    String(audit.duplicates),
    String(audit.lost),
    `${audit.unacknowledged} (${audit.unacknowledgedStored})`,
    String(audit.retried),
    `${audit.resumes}/${audit.resyncs}`,
    audit.readySeconds === null ? '–' : String(audit.readySeconds),
    audit.sendsSeconds === null ? '–' : String(audit.sendsSeconds),
    audit.clientsSeconds === null ? '–' : String(audit.clientsSeconds),
    String(audit.slowestSendSeconds),
    `${audit.resent} (${audit.resentSame})`,
    `${audit.dropped} (${audit.droppedStored})`,
    audit.recoveredSeconds === null
      ? '–'
      : `${audit.recoveredSeconds}${audit.recoveredLast ? ` (${audit.recoveredLast})` : ''}`,
    audit.searchableSeconds === null ? '–' : String(audit.searchableSeconds),
    audit.uploads === null
      ? '–'
      : `${audit.uploads.identical}/${audit.uploads.completed}/${audit.uploads.started}`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
