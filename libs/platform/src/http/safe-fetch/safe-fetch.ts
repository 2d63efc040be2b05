import { lookup as dnsLookup } from 'node:dns/promises';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AddressPolicy } from './address-policy';

/** Why a safe fetch failed. */
export type SafeFetchFailure =
  | 'bad_url'
  | 'blocked'
  | 'dns'
  | 'too_many_redirects'
  | 'timeout'
  | 'http_status'
  | 'unsupported_type'
  | 'too_large'
  | 'network';

export class SafeFetchError extends Error {
  constructor(
    readonly failure: SafeFetchFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }
}

export interface SafeFetchOptions {
  policy: AddressPolicy;
  /** Bytes read at most; the rest of the body is never read. */
  maxBytes: number;
  /** What happens past maxBytes: `truncate` keeps the first maxBytes (a page's head), `fail` refuses (images). */
  oversize: 'truncate' | 'fail';
  /** Whether the final response's content type (lower-case, without parameters) is wanted at all. */
  accept: (contentType: string) => boolean;
  /** Whether to read the body for this content type (false: headers only, e.g. a video link). Default: yes. */
  readBody?: (contentType: string) => boolean;
  connectTimeoutMs: number;
  /** For the whole fetch: every redirect, DNS lookup, connection and the body. */
  totalTimeoutMs: number;
  maxRedirects?: number;
  userAgent?: string;
  /** The Accept header. */
  acceptHeader?: string;
}

export interface SafeFetchResult {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  contentType: string;
  contentLength: number | null;
  body: Buffer;
  /** The body was cut at maxBytes. */
  truncated: boolean;
}

export const SAFE_FETCH_USER_AGENT = 'Mozilla/5.0 (compatible; Bonfire-Unfurler/1.0; +https://bonfire.chat)';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GET on a URL given by a user, safe by construction against server-side request forgery:
 * - http and https only; the default ports only, unless the allow-list names the address with its port;
 * - the host name is resolved ONCE, every address it resolves to is checked (private, loopback,
 *   link-local/metadata, CGNAT, multicast, unspecified, IPv4-in-IPv6… are refused: AddressPolicy), and the
 *   connection goes to the checked address (a `lookup` that answers it, so no second resolution can differ);
 *   TLS still verifies the certificate for the host name;
 * - redirects are followed by hand (at most maxRedirects, 5 by default), each hop checked the same way;
 * - no cookies are sent or kept, no connection is reused (a fresh socket per hop);
 * - connect and total time limits; the body is read up to maxBytes and the socket closed there.
 */
export async function safeFetch(input: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const deadline = AbortSignal.timeout(options.totalTimeoutMs);
  const maxRedirects = options.maxRedirects ?? 5;
  let url = parseUrl(input);
  for (let hop = 0; ; hop += 1) {
    const address = await checkedAddress(url, options.policy, deadline, options.totalTimeoutMs);
    const response = await open(url, address, options, deadline);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location !== undefined) {
      response.destroy();
      if (hop >= maxRedirects) {
        throw new SafeFetchError('too_many_redirects', `more than ${maxRedirects} redirects`);
      }
      url = parseUrl(location, url);
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw new SafeFetchError('http_status', `answered ${status}`);
    }
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!options.accept(contentType)) {
      response.destroy();
      throw new SafeFetchError('unsupported_type', `content type ${contentType || '(none)'} not wanted`);
    }
    const lengthHeader = response.headers['content-length'];
    const contentLength = lengthHeader === undefined ? null : Number(lengthHeader);
    const base = { url: url.toString(), status, contentType, contentLength };
    if (options.readBody && !options.readBody(contentType)) {
      response.destroy();
      return { ...base, body: Buffer.alloc(0), truncated: false };
    }
    if (options.oversize === 'fail' && contentLength !== null && contentLength > options.maxBytes) {
      response.destroy();
      throw new SafeFetchError('too_large', `${contentLength} bytes, more than ${options.maxBytes}`);
    }
    const { body, truncated } = await readCapped(response, options, deadline);
    return { ...base, body, truncated };
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new SafeFetchError('bad_url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SafeFetchError('bad_url', `${url.protocol} is not http or https`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new SafeFetchError('bad_url', 'credentials in the URL');
  }
  return url;
}

function portOf(url: URL): { port: number; defaultPort: boolean } {
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  return url.port === ''
    ? { port: defaultPort, defaultPort: true }
    : { port: Number(url.port), defaultPort: Number(url.port) === defaultPort };
}

/** Resolves the host once and checks every address; answers the address to connect to. */
async function checkedAddress(
  url: URL,
  policy: AddressPolicy,
  deadline: AbortSignal,
  totalTimeoutMs: number,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const { port, defaultPort } = portOf(url);
  let addresses: { address: string; family: number }[];
  if (isIP(host) !== 0) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await withDeadline(
        dnsLookup(host, { all: true, verbatim: true }),
        deadline,
        totalTimeoutMs,
      );
    } catch (error) {
      if (error instanceof SafeFetchError) throw error;
      throw new SafeFetchError('dns', `${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new SafeFetchError('dns', `${host} does not resolve`);
  for (const { address } of addresses) {
    const refusal = policy.refusal(address, port, defaultPort);
    if (refusal !== null) throw new SafeFetchError('blocked', refusal);
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

function withDeadline<T>(promise: Promise<T>, deadline: AbortSignal, totalTimeoutMs: number): Promise<T> {
  if (deadline.aborted) return Promise.reject(timeoutError(totalTimeoutMs));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(timeoutError(totalTimeoutMs));
    deadline.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        deadline.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        deadline.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function timeoutError(totalTimeoutMs: number): SafeFetchError {
  return new SafeFetchError('timeout', `no complete answer within ${totalTimeoutMs} ms`);
}

/** Opens one hop: connects to the checked address only (the lookup answers it), no agent, no cookies. */
function open(
  url: URL,
  checked: { address: string; family: 4 | 6 },
  options: SafeFetchOptions,
  deadline: AbortSignal,
): Promise<IncomingMessage> {
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) {
      (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
        { address: checked.address, family: checked.family },
      ]);
    } else {
      callback(null, checked.address, checked.family);
    }
  };
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    const request = (https ? httpsRequest : httpRequest)(url, {
      method: 'GET',
      agent: false,
      lookup,
      signal: deadline,
      headers: {
        'user-agent': options.userAgent ?? SAFE_FETCH_USER_AGENT,
        accept: options.acceptHeader ?? '*/*',
        'accept-encoding': 'identity',
        connection: 'close',
      },
    });
    const connectTimer = setTimeout(() => {
      request.destroy(new SafeFetchError('timeout', `no connection within ${options.connectTimeoutMs} ms`));
    }, options.connectTimeoutMs);
    request.on('socket', (socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (!socket.connecting) connected();
      socket.once(https ? 'secureConnect' : 'connect', connected);
    });
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      resolve(response);
    });
    request.on('error', (error) => {
      clearTimeout(connectTimer);
      if (error instanceof SafeFetchError) return reject(error);
      if (deadline.aborted) return reject(timeoutError(options.totalTimeoutMs));
      reject(new SafeFetchError('network', error.message));
    });
    request.end();
  });
}

/** Reads at most maxBytes of the body, then closes the socket (the rest is never read). */
function readCapped(
  response: IncomingMessage,
  options: SafeFetchOptions,
  deadline: AbortSignal,
): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = (result: { body: Buffer; truncated: boolean } | Error) => {
      if (done) return;
      done = true;
      deadline.removeEventListener('abort', onAbort);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onAbort = () => {
      response.destroy();
      finish(timeoutError(options.totalTimeoutMs));
    };
    deadline.addEventListener('abort', onAbort, { once: true });
    response.on('data', (chunk: Buffer) => {
      if (done) return;
      const room = options.maxBytes - length;
      if (chunk.length > room) {
        response.destroy();
        if (options.oversize === 'fail') {
          finish(new SafeFetchError('too_large', `more than ${options.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk.subarray(0, room));
        finish({ body: Buffer.concat(chunks), truncated: true });
        return;
      }
      chunks.push(chunk);
      length += chunk.length;
    });
    response.on('end', () => finish({ body: Buffer.concat(chunks), truncated: false }));
    response.on('error', (error) => {
      if (deadline.aborted) finish(timeoutError(options.totalTimeoutMs));
      else finish(new SafeFetchError('network', error.message));
    });
    response.on('close', () => {
      if (!response.complete) {
        finish(
          deadline.aborted
            ? timeoutError(options.totalTimeoutMs)
            : new SafeFetchError('network', 'connection closed early'),
        );
      }
    });
  });
}
