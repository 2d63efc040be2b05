/** A raw HTTP answer: status, the text as sent, and the JSON when it parses. */
export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

interface RequestOptions {
  token?: string | null;
  body?: unknown;
  query?: string;
}

/**
 * One request through the gateway, redirects not followed (downloads answer 302 to the object store), the
 * text kept as sent so a leak check sees exactly what the caller would.
 */
export async function send<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}${options.query ? `?${options.query}` : ''}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: 'manual',
  });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: body as T };
}

/** A signed-in user as the tests drive them. */
export class Client {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  request<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    return send<T>(this.baseUrl, method, path, { token: this.token, body });
  }

  /** The answer's body when the status is a success, else an error naming the call. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.request<T>(method, path, body);
    if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status} ${reply.text}`);
    return reply.body;
  }
}

/**
 * Retries until the call succeeds: chat learns users from auth's events, so a user's first calls into chat
 * can be refused for a moment after registering.
 */
export async function retrying<T>(attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
}

/** Runs tasks with at most `limit` at once; resolves when all are done (never rejects: tasks record). */
export async function bounded<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  });
  await Promise.all(workers);
}
