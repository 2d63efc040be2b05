import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { IDENTITY_HEADER, signIdentity, type CallerIdentity } from './internal-identity';

export interface InternalRequestOptions {
  /** The other service's base URL, e.g. CHAT_URL. */
  baseUrl: string;
  path: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Who the request is for: signed with the shared secret, as the gateway signs it. */
  caller: CallerIdentity;
  identitySecret: string;
  timeoutMs: number;
}

export interface InternalResponse {
  status: number;
  /** The parsed JSON answer; undefined when there is none (204, an empty or non-JSON body). */
  body: unknown;
}

/** The request got no answer: the service is unreachable, reset the connection, or did not answer in time. */
export class InternalRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalRequestError';
  }
}

// One keep-alive pool per protocol for every internal call of the process. node:http rather than fetch:
// these calls run once per realtime handshake, and fetch's web streams allocate several times more per
// request (measured in tools/bench realtime-baseline, issue 17).
const agents = {
  'http:': new HttpAgent({ keepAlive: true, scheduling: 'lifo' }),
  'https:': new HttpsAgent({ keepAlive: true, scheduling: 'lifo' }),
};

/**
 * One request to another service's internal API on behalf of `caller`: the one internal client of the
 * platform. Any status is an answer; InternalRequestError means there was none. A request that met a
 * kept-alive connection the server had just closed is sent again once on a new one.
 */
export async function internalRequest(options: InternalRequestOptions): Promise<InternalResponse> {
  const url = new URL(options.path, options.baseUrl);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    return await send(url, options, payload, signal);
  } catch (error) {
    if (!(error instanceof StaleConnectionError)) throw error;
    return send(url, options, payload, signal);
  }
}

class StaleConnectionError extends InternalRequestError {}

function send(
  url: URL,
  options: InternalRequestOptions,
  payload: string | undefined,
  signal: AbortSignal,
): Promise<InternalResponse> {
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      [IDENTITY_HEADER]: signIdentity(options.identitySecret, options.caller),
    };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const request = (https ? httpsRequest : httpRequest)(url, {
      method: options.method ?? 'GET',
      headers,
      agent: agents[https ? 'https:' : 'http:'],
      signal,
    });
    request.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(new InternalRequestError(error.message)));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const text = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
        resolve({ status, body: parseJson(text) });
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted) return reject(new InternalRequestError(`no answer within ${options.timeoutMs} ms`));
      const stale = request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      reject(stale ? new StaleConnectionError(error.message) : new InternalRequestError(error.message));
    });
    request.end(payload);
  });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface InternalGetOptions extends Omit<InternalRequestOptions, 'method' | 'body'> {
  /** The error to throw when the service cannot answer (unreachable, timed out, or any status but 2xx/404). */
  unavailable: (reason: string) => Error;
}

/**
 * GET on another service's internal API on behalf of `caller`. 404 means "not visible to this caller" and
 * answers null; every other failure throws `unavailable(reason)`, so callers answer 503 instead of guessing.
 */
export async function getInternalJson<T>(options: InternalGetOptions): Promise<T | null> {
  let response: InternalResponse;
  try {
    response = await internalRequest(options);
  } catch (error) {
    throw options.unavailable(`unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 404) return null;
  if (response.status < 200 || response.status > 299 || response.body === undefined) {
    throw options.unavailable(`answered ${response.status} to ${options.path}`);
  }
  return response.body as T;
}
