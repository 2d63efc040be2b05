import { randomBytes } from 'node:crypto';

/** One HTTP attempt of a send. */
export interface Attempt {
  at: number;
  /** When the answer (or the error) came. */
  end: number;
  gateway: number;
  /** The HTTP status, or the network error's code (`ECONNREFUSED`, `TIMEOUT`…). */
  outcome: number | string;
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

  constructor(
    private readonly users: TrafficUser[],
    private readonly gateways: () => string[],
    private readonly rate: number,
    private readonly retryForMs = 25_000,
    private readonly attemptTimeoutMs = 5_000,
  ) {}

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
          const send = this.send(phase, user, owner, channelId);
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

  private async send(phase: string, sender: number, user: TrafficUser, channelId: string): Promise<void> {
    const record: SendRecord = {
      phase,
      nonce: `f${randomBytes(9).toString('hex')}`,
      sender,
      channelId,
      attempts: [],
    };
    this.records.push(record);
    let gateway = user.home;
    for (let attempt = 0; ; attempt++) {
      const url = this.gateways()[gateway] ?? '';
      const at = Date.now();
      const outcome = await this.post(url, user.token, channelId, record.nonce);
      record.attempts.push({ at, end: Date.now(), gateway, outcome: outcome.outcome });
      if (typeof outcome.outcome === 'number' && outcome.outcome >= 200 && outcome.outcome < 300) {
        record.id = outcome.id;
        record.status = outcome.outcome;
        return;
      }
      if (isFinal(outcome.outcome)) return;
      if (!this.running && Date.now() - this.stoppedAt > this.retryForMs) return;
      if (typeof outcome.outcome === 'string') gateway = (gateway + 1) % this.gateways().length;
      await sleep(Math.min(250 * 2 ** Math.min(attempt, 3), 1_500));
    }
  }

  private async post(
    url: string,
    token: string,
    channelId: string,
    nonce: string,
  ): Promise<{ outcome: number | string; id?: string }> {
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
      return { outcome: response.status };
    } catch (error) {
      const cause = (error as { cause?: { code?: string }; name?: string }).cause?.code;
      return { outcome: (error as Error).name === 'TimeoutError' ? 'TIMEOUT' : (cause ?? 'NETWORK') };
    }
  }
}
