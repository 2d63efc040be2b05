import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

/** One HTTP attempt of a send. */
export interface Attempt {
  at: number;
  /** When the answer (or the error) came. */
  end: number;
  gateway: number;
  /** The HTTP status, or the network error's code (`ECONNREFUSED`, `TIMEOUT`…). */
  outcome: number | string;
  /** The error code of a refused attempt (`SERVICE_UNAVAILABLE`…), when the answer had one. */
  code?: string;
}

/** A message the traffic tried to send: one nonce, one or more attempts (retries keep the nonce). */
export interface SendRecord {
  phase: string;
  nonce: string;
  sender: number;
  channelId: string;
  attempts: Attempt[];
  /** Set when an attempt was answered 2xx: the message id chat gave, and the status (201, or 200 for a retry). */
  id?: string;
  status?: number;
  /** A forced second send of an acknowledged message with the same nonce: its answer (chat must say 200, same id). */
  resend?: { outcome: number | string; id?: string };
  resendAttempts?: Attempt[];
  /** The first attempt was dropped on purpose: the request was sent whole, then the connection closed unanswered. */
  abortedFirst?: boolean;
}

interface TrafficOptions {
  /** Every n-th send, once acknowledged, is sent again with the same nonce (0: never). */
  resendEvery?: number;
  /** Every n-th send has its first attempt dropped after the request was sent, then retried (0: never). */
  abortEvery?: number;
  retryForMs?: number;
  attemptTimeoutMs?: number;
}

export interface TrafficUser {
  token: string;
  channelIds: string[];
  /** The gateway this user's sends go to first (an index of the gateways). */
  home: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An attempt's answer is final (no retry): 2xx, or a refusal that would be refused again. */
function isFinal(outcome: number | string): boolean {
  return typeof outcome === 'number' && outcome < 500 && outcome !== 429 && outcome !== 408;
}

/**
 * Open-loop traffic: `rate` sends per second in total, round robin over the users and their channels, each
 * with a unique nonce. A send whose attempt fails (a network error, a timeout, 5xx, 429) is retried with the
 * same nonce after a short pause — on the other gateway after a network error, as a load balancer would —
 * until it is answered 2xx or `retryForMs` after the traffic stopped.
 */
export class Traffic {
  readonly records: SendRecord[] = [];
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private sequence = 0;
  private stoppedAt = 0;

  private readonly retryForMs: number;
  private readonly attemptTimeoutMs: number;

  constructor(
    private readonly users: TrafficUser[],
    private readonly gateways: () => string[],
    private readonly rate: number,
    private readonly options: TrafficOptions = {},
  ) {
    this.retryForMs = options.retryForMs ?? 25_000;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
  }

  /** Sends started and not yet acknowledged or given up. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  start(phase: string): void {
    this.running = true;
    const interval = 1000 / this.rate;
    this.loop = (async () => {
      let next = Date.now();
      while (this.running) {
        const user = this.sequence % this.users.length;
        const owner = this.users[user];
        if (owner) {
          const channelId =
            owner.channelIds[Math.floor(this.sequence / this.users.length) % owner.channelIds.length] ?? '';
          const send = this.send(phase, user, owner, channelId, this.sequence);
          this.inFlight.add(send);
          void send.finally(() => this.inFlight.delete(send));
        }
        this.sequence++;
        next += interval;
        const wait = next - Date.now();
        if (wait > 0) await sleep(wait);
      }
    })();
  }

  /** Stops sending new messages and waits until every send is acknowledged or given up. */
  async stop(): Promise<void> {
    this.running = false;
    this.stoppedAt = Date.now();
    await this.loop;
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  of(phase: string): SendRecord[] {
    return this.records.filter((record) => record.phase === phase);
  }

  /** The failed attempts of a phase by outcome: `503 SERVICE_UNAVAILABLE×12, ECONNREFUSED×3`. */
  failures(phase: string): string {
    const counts = new Map<string, number>();
    for (const record of this.of(phase)) {
      for (const attempt of [...record.attempts, ...(record.resendAttempts ?? [])]) {
        if (typeof attempt.outcome === 'number' && attempt.outcome < 300) continue;
        const key = `${attempt.outcome}${attempt.code ? ` ${attempt.code}` : ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return [...counts].map(([key, count]) => `${key}×${count}`).join(', ');
  }

  private async send(
    phase: string,
    sender: number,
    user: TrafficUser,
    channelId: string,
    sequence: number,
  ): Promise<void> {
    const record: SendRecord = {
      phase,
      nonce: `f${randomBytes(9).toString('hex')}`,
      sender,
      channelId,
      attempts: [],
    };
    this.records.push(record);
    const { resendEvery = 0, abortEvery = 0 } = this.options;
    if (abortEvery > 0 && sequence % abortEvery === abortEvery - 1) {
      const at = Date.now();
      await this.postAndDrop(this.gateways()[user.home] ?? '', user.token, channelId, record.nonce);
      record.attempts.push({ at, end: Date.now(), gateway: user.home, outcome: 'DROPPED' });
      record.abortedFirst = true;
      // The retry races the dropped attempt, which chat may still be handling.
      await sleep(Math.random() * 100);
    }
    const answer = await this.untilAnswered(user, channelId, record.nonce, record.attempts);
    if (answer === null) return;
    record.id = answer.id;
    record.status = answer.outcome as number;
    if (resendEvery > 0 && sequence % resendEvery === 0) {
      record.resendAttempts = [];
      const again = await this.untilAnswered(user, channelId, record.nonce, record.resendAttempts);
      record.resend = again ?? { outcome: 'GAVE_UP' };
    }
  }

  /**
   * Attempts (recorded in `attempts`) until one is answered 2xx (→ that answer) or finally refused or the
   * retry time after the traffic stopped ran out (→ null).
   */
  private async untilAnswered(
    user: TrafficUser,
    channelId: string,
    nonce: string,
    attempts: Attempt[],
  ): Promise<{ outcome: number | string; id?: string; code?: string } | null> {
    let gateway = user.home;
    for (let attempt = 0; ; attempt++) {
      const url = this.gateways()[gateway] ?? '';
      const at = Date.now();
      const outcome = await this.post(url, user.token, channelId, nonce);
      attempts.push({
        at,
        end: Date.now(),
        gateway,
        outcome: outcome.outcome,
        ...(outcome.code ? { code: outcome.code } : {}),
      });
      if (typeof outcome.outcome === 'number' && outcome.outcome >= 200 && outcome.outcome < 300) {
        return outcome;
      }
      if (isFinal(outcome.outcome)) return null;
      if (!this.running && Date.now() - this.stoppedAt > this.retryForMs) return null;
      if (typeof outcome.outcome === 'string') gateway = (gateway + 1) % this.gateways().length;
      await sleep(Math.min(250 * 2 ** Math.min(attempt, 3), 1_500));
    }
  }

  /** Sends the request whole, then closes the connection without waiting for the answer. */
  private postAndDrop(url: string, token: string, channelId: string, nonce: string): Promise<void> {
    return new Promise((done) => {
      const body = JSON.stringify({ content: `fault traffic ${nonce}`, nonce });
      const outgoing = request(`${url}/api/v1/channels/${channelId}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      });
      outgoing.on('error', () => done());
      outgoing.on('close', () => done());
      outgoing.end(body, () => setImmediate(() => outgoing.destroy()));
    });
  }

  private async post(
    url: string,
    token: string,
    channelId: string,
    nonce: string,
  ): Promise<{ outcome: number | string; id?: string; code?: string }> {
    try {
      const response = await fetch(`${url}/api/v1/channels/${channelId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ content: `fault traffic ${nonce}`, nonce }),
        signal: AbortSignal.timeout(this.attemptTimeoutMs),
      });
      const text = await response.text();
      if (response.status >= 200 && response.status < 300) {
        const body = JSON.parse(text) as { id: string; nonce: string | null };
        if (body.nonce !== nonce) return { outcome: `WRONG_NONCE:${body.nonce}` };
        return { outcome: response.status, id: body.id };
      }
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
      } catch {
        // not JSON
      }
      return { outcome: response.status, ...(code ? { code } : {}) };
    } catch (error) {
      const cause = (error as { cause?: { code?: string }; name?: string }).cause?.code;
      return { outcome: (error as Error).name === 'TimeoutError' ? 'TIMEOUT' : (cause ?? 'NETWORK') };
    }
  }
}
