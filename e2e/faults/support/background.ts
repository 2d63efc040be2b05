import { randomBytes } from 'node:crypto';
import type { SearchResults, UploadTicket } from '@bonfire/contracts';
import type { TrafficUser } from './traffic';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One background upload: random bytes through request → PUT to the presigned URL → complete. */
export interface UploadRecord {
  phase: string;
  user: number;
  bytes: Buffer;
  id?: string;
  /** The step that failed (`request 503`, `put ECONNREFUSED`, `complete 500`…); unset when completed. */
  failed?: string;
  completed: boolean;
}

async function call(
  url: string,
  token: string,
  method: string,
  body?: unknown,
): Promise<{ status: number | string; body: unknown; location?: string | null }> {
  try {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, location: response.headers.get('location') };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      status: (error as Error).name === 'TimeoutError' ? 'TIMEOUT' : (cause ?? 'NETWORK'),
      body: null,
    };
  }
}

/**
 * Background load beside the sends: `uploadRate` uploads per second (1–32 KiB of random bytes each, as a
 * client does: request, PUT straight to S3, complete), and `searchRate` guild searches per second for the
 * unique text of a recent message. Nothing is retried: an upload that failed at any step is simply not
 * completed; every completed one must later download byte-identical.
 */
export class Background {
  readonly uploads: UploadRecord[] = [];
  readonly searches = new Map<string, number>();
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private sequence = 0;

  constructor(
    private readonly users: TrafficUser[],
    private readonly gateway: () => string,
    private readonly guildOf: (channelId: string) => string,
    /** The unique text of a recently acknowledged message, if any. */
    private readonly recentText: () => string | undefined,
    private readonly uploadRate: number,
    private readonly searchRate: number,
  ) {}

  start(phase: string): void {
    this.running = true;
    const loop = (rate: number, task: () => Promise<void>) =>
      (async () => {
        if (rate <= 0) return;
        let next = Date.now();
        while (this.running) {
          const job = task();
          this.inFlight.add(job);
          void job.finally(() => this.inFlight.delete(job));
          next += 1000 / rate;
          const wait = next - Date.now();
          if (wait > 0) await sleep(wait);
        }
      })();
    this.loops = [
      loop(this.uploadRate, () => this.upload(phase)),
      loop(this.searchRate, () => this.search(phase)),
    ];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async upload(phase: string): Promise<void> {
    const index = this.sequence++ % this.users.length;
    const user = this.users[index];
    if (!user) return;
    const channelId = user.channelIds[0] ?? '';
    const record: UploadRecord = {
      phase,
      user: index,
      bytes: randomBytes(1024 + Math.floor(Math.random() * 31 * 1024)),
      completed: false,
    };
    this.uploads.push(record);
    const base = this.gateway();
    const requested = await call(`${base}/api/v1/channels/${channelId}/attachments`, user.token, 'POST', {
      filename: `fault-${record.bytes.length}.bin`,
      contentType: 'application/octet-stream',
      size: record.bytes.length,
    });
    if (requested.status !== 201) {
      record.failed = `request ${requested.status}`;
      return;
    }
    const ticket = requested.body as UploadTicket;
    record.id = ticket.id;
    try {
      const put = await fetch(ticket.uploadUrl, {
        method: 'PUT',
        headers: ticket.headers,
        body: new Uint8Array(record.bytes),
        signal: AbortSignal.timeout(10_000),
      });
      await put.arrayBuffer();
      if (put.status !== 200) {
        record.failed = `put ${put.status}`;
        return;
      }
    } catch (error) {
      record.failed = `put ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name}`;
      return;
    }
    const completed = await call(`${base}/api/v1/attachments/${ticket.id}/complete`, user.token, 'POST');
    if (completed.status !== 200) {
      record.failed = `complete ${completed.status}`;
      return;
    }
    record.completed = true;
  }

  private async search(phase: string): Promise<void> {
    const user = this.users[this.sequence++ % this.users.length];
    const text = this.recentText();
    const channelId = user?.channelIds[0];
    if (!user || !text || !channelId) return;
    const answer = await call(
      `${this.gateway()}/api/v1/guilds/${this.guildOf(channelId)}/messages/search?content=${encodeURIComponent(text)}`,
      user.token,
      'GET',
    );
    const code = (answer.body as { error?: { code?: string } } | null)?.error?.code;
    const key = `${phase}:${answer.status}${code ? ` ${code}` : ''}`;
    this.searches.set(key, (this.searches.get(key) ?? 0) + 1);
  }

  /** Search answers of a phase by status: `200×12, 503×3`. */
  searchOutcomes(phase: string): string {
    return [...this.searches]
      .filter(([key]) => key.startsWith(`${phase}:`))
      .map(([key, count]) => `${key.slice(phase.length + 1)}×${count}`)
      .join(', ');
  }
}

/** Downloads a completed upload through the gateway (302 → the presigned URL) and compares the bytes. */
export async function downloadMatches(
  gateway: string,
  token: string,
  upload: UploadRecord,
): Promise<string | null> {
  const redirect = await call(`${gateway}/api/v1/attachments/${upload.id}`, token, 'GET');
  if (redirect.status !== 302 || !redirect.location) return `download ${upload.id}: ${redirect.status}`;
  try {
    const response = await fetch(redirect.location, { signal: AbortSignal.timeout(10_000) });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) return `download ${upload.id} from S3: ${response.status}`;
    return bytes.equals(upload.bytes)
      ? null
      : `download ${upload.id}: ${bytes.length} bytes differ from the ${upload.bytes.length} uploaded`;
  } catch (error) {
    return `download ${upload.id} from S3: ${(error as Error).message}`;
  }
}

/**
 * Which of `wanted` (message id → guild id) a guild search finds: every guild searched oldest first from
 * just before its oldest wanted message, keyset-paged with `after`.
 */
export async function searchableIds(
  gateway: string,
  tokenOf: (guildId: string) => string,
  wanted: Map<string, string>,
): Promise<Set<string>> {
  const found = new Set<string>();
  const oldest = new Map<string, bigint>();
  for (const [id, guildId] of wanted) {
    const value = BigInt(id);
    const current = oldest.get(guildId);
    if (current === undefined || value < current) oldest.set(guildId, value);
  }
  for (const [guildId, from] of oldest) {
    let after = from - 1n;
    for (;;) {
      const page = await call(
        `${gateway}/api/v1/guilds/${guildId}/messages/search?sort=oldest&limit=25&after=${after}`,
        tokenOf(guildId),
        'GET',
      );
      if (page.status !== 200) break;
      const messages = (page.body as SearchResults).messages;
      for (const message of messages) if (wanted.has(message.id)) found.add(message.id);
      const last = messages.at(-1);
      if (messages.length < 25 || !last) break;
      after = BigInt(last.id);
    }
  }
  return found;
}

/** A guild search for a message's unique text finds exactly that message. */
export async function findsByText(
  gateway: string,
  token: string,
  guildId: string,
  text: string,
  id: string,
): Promise<boolean> {
  const answer = await call(
    `${gateway}/api/v1/guilds/${guildId}/messages/search?content=${encodeURIComponent(text)}`,
    token,
    'GET',
  );
  if (answer.status !== 200) return false;
  const ids = (answer.body as SearchResults).messages.map((message) => message.id);
  return ids.length === 1 && ids[0] === id;
}
