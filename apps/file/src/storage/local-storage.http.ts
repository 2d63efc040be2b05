import { ERROR } from '@bonfire/contracts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { AppError, toAppError } from '@bonfire/platform';
import { type LocalObjectStore, noSuchKey } from './local-object.store';
import { type StorageGrant } from './signed-url';

/** Served objects never run as a page of the gateway's origin (the web client's own). */
const SAFETY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  // No gzip on the way out: ranges and lengths stay those of the stored bytes.
  'cache-control': 'private, no-transform',
};

/**
 * Serves one request to a signed storage URL (standalone shape): PUT streams the body into the store
 * (exactly the signed Content-Length; the answer carries the ETag), GET and HEAD stream the object out
 * (one `Range: bytes=…` honoured). Refusals answer in the common error format. Resolves with the error
 * when the failure was ours (500), for the caller to log.
 */
export async function serveStorage(
  store: LocalObjectStore,
  req: IncomingMessage,
  res: ServerResponse,
  pathAndQuery: string,
): Promise<unknown> {
  try {
    const method =
      req.method === 'PUT' ? 'PUT' : req.method === 'GET' || req.method === 'HEAD' ? 'GET' : null;
    if (!method) {
      throw new AppError(ERROR.METHOD_NOT_ALLOWED, 'Storage URLs take PUT, GET or HEAD.', {
        headers: {
          allow: 'PUT, GET, HEAD',
        },
      });
    }
    const grant = store.signer.verify(method, pathAndQuery);
    if (method === 'PUT') await receive(store, grant, req, res);
    else await send(store, grant, req, res);
    return undefined;
  } catch (error) {
    const appError = toAppError(error);
    if (res.headersSent) {
      res.destroy();
    } else {
      const body = JSON.stringify(appError.toBody());
      res.writeHead(appError.status, {
        ...appError.headers,
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    }
    return appError.status >= 500 ? error : undefined;
  }
}

async function receive(
  store: LocalObjectStore,
  grant: StorageGrant,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (grant.length === undefined) throw new AppError(ERROR.INVALID_STORAGE_URL, 'Not an upload URL.');
  const declared = req.headers['content-length'];
  if (declared === undefined) {
    throw new AppError(ERROR.LENGTH_REQUIRED, 'Send the Content-Length of the body.');
  }
  if (Number(declared) !== grant.length) {
    throw new AppError(
      ERROR.CONTENT_LENGTH_MISMATCH,
      `This URL takes exactly ${grant.length} bytes, not ${declared}.`,
      { status: 403 },
    );
  }
  const etag =
    grant.uploadId === undefined
      ? await store.writeObject(grant.key, req, grant.length)
      : await store.writePart(grant.key, grant.uploadId, grant.partNumber ?? 0, req, grant.length);
  res.writeHead(200, { etag, 'content-length': 0 });
  res.end();
}

async function send(
  store: LocalObjectStore,
  grant: StorageGrant,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const file = await store.openObject(grant.key);
  if (!file) throw noSuchKey();
  try {
    const range = parseRange(req.headers.range, file.size);
    if (range === 'unsatisfiable') {
      throw new AppError(ERROR.INVALID_RANGE, 'The range is outside the object.', {
        headers: {
          'content-range': `bytes */${file.size}`,
        },
      });
    }
    const [start, end] = range ?? [0, file.size - 1];
    res.writeHead(range ? 206 : 200, {
      ...SAFETY_HEADERS,
      'content-type': grant.contentType ?? 'application/octet-stream',
      ...(grant.disposition ? { 'content-disposition': grant.disposition } : {}),
      'accept-ranges': 'bytes',
      'content-length': end - start + 1,
      ...(range ? { 'content-range': `bytes ${start}-${end}/${file.size}` } : {}),
    });
    if (req.method === 'HEAD' || end < start) {
      res.end();
      return;
    }
    await pipeline(file.stream(start, end), res);
  } finally {
    await file.close();
  }
}

/**
 * One `bytes=first-last`, `bytes=first-` or `bytes=-suffix` range; null (the whole object) when there is
 * no Range header or one this server does not take (several ranges, other units), as RFC 9110 allows.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): [number, number] | null | 'unsatisfiable' {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const first = Number(match[1]);
  const last = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (first >= size || (match[2] !== '' && Number(match[2]) < first)) return 'unsatisfiable';
  return [first, last];
}
