import { ERROR } from '@bonfire/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@bonfire/platform';

/** The path under which the standalone shape serves stored objects (through the gateway). */
export const STORAGE_PATH = '/storage';

/** What one signed URL allows. */
export interface StorageGrant {
  method: 'PUT' | 'GET';
  key: string;
  /** Unix seconds after which the URL is refused. */
  expires: number;
  /** PUT: the exact Content-Length. */
  length?: number;
  /** GET: the answer's Content-Type. */
  contentType?: string;
  /** GET: the answer's Content-Disposition. */
  disposition?: string;
  /** PUT of one part of a multipart upload. */
  uploadId?: string;
  partNumber?: number;
}

const PARAMS = {
  expires: 'expires',
  length: 'length',
  contentType: 'content-type',
  disposition: 'content-disposition',
  uploadId: 'uploadId',
  partNumber: 'partNumber',
  signature: 'signature',
} as const;

/**
 * Signs and verifies the storage URLs of the standalone shape: HMAC-SHA256 over the method, the object
 * key, the expiry and every condition of the grant. The key is derived from the service's secret for
 * this one purpose, so a URL signature can never pass for an identity header signature.
 */
export class StorageUrlSigner {
  private readonly key: Buffer;

  constructor(
    secret: string,
    /** The public base URL the links point at (the gateway's address). */
    private readonly baseUrl: string,
  ) {
    this.key = createHmac('sha256', secret).update('bonfire/file/storage-url/v1').digest();
  }

  url(grant: StorageGrant): string {
    const url = new URL(`${STORAGE_PATH}/${encodeKey(grant.key)}`, this.baseUrl);
    const query = url.searchParams;
    query.set(PARAMS.expires, String(grant.expires));
    if (grant.length !== undefined) query.set(PARAMS.length, String(grant.length));
    if (grant.contentType !== undefined) query.set(PARAMS.contentType, grant.contentType);
    if (grant.disposition !== undefined) query.set(PARAMS.disposition, grant.disposition);
    if (grant.uploadId !== undefined) query.set(PARAMS.uploadId, grant.uploadId);
    if (grant.partNumber !== undefined) query.set(PARAMS.partNumber, String(grant.partNumber));
    query.set(PARAMS.signature, this.sign(grant));
    return url.toString();
  }

  /**
   * The grant of a request's URL (path and query, as the gateway forwards it). A signature that does not
   * match (tampered, or another method) → 403 SIGNATURE_MISMATCH; past its expiry → 403 URL_EXPIRED.
   */
  verify(method: 'PUT' | 'GET', pathAndQuery: string, now = Date.now()): StorageGrant {
    const url = new URL(pathAndQuery, 'http://storage.invalid');
    if (!url.pathname.startsWith(`${STORAGE_PATH}/`)) throw invalidUrl('not a storage path');
    const query = url.searchParams;
    const single = (name: string): string | undefined => {
      const values = query.getAll(name);
      if (values.length > 1) throw invalidUrl(`${name} is repeated`);
      return values[0];
    };
    const number = (name: string): number | undefined => {
      const value = single(name);
      if (value === undefined) return undefined;
      if (!/^\d{1,15}$/.test(value)) throw invalidUrl(`${name} must be a whole number`);
      return Number(value);
    };
    const signature = single(PARAMS.signature);
    const expires = number(PARAMS.expires);
    if (signature === undefined || expires === undefined) throw invalidUrl('the URL is not signed');
    const grant: StorageGrant = {
      method,
      key: decodeKey(url.pathname.slice(STORAGE_PATH.length + 1)),
      expires,
      length: number(PARAMS.length),
      contentType: single(PARAMS.contentType),
      disposition: single(PARAMS.disposition),
      uploadId: single(PARAMS.uploadId),
      partNumber: number(PARAMS.partNumber),
    };
    const expected = Buffer.from(this.sign(grant));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new AppError(
        ERROR.SIGNATURE_MISMATCH,
        'The URL signature does not match (altered, or used with another method).',
      );
    }
    if (now > expires * 1_000) {
      throw new AppError(ERROR.URL_EXPIRED, 'The URL has expired; ask for a new one.');
    }
    return grant;
  }

  private sign(grant: StorageGrant): string {
    const canonical = JSON.stringify([
      grant.method,
      grant.key,
      grant.expires,
      grant.length ?? null,
      grant.contentType ?? null,
      grant.disposition ?? null,
      grant.uploadId ?? null,
      grant.partNumber ?? null,
    ]);
    return createHmac('sha256', this.key).update(canonical).digest('base64url');
  }
}

/** Unix seconds at least `expiresIn` seconds from now. */
export function expiryFromNow(expiresIn: number, now = Date.now()): number {
  return Math.ceil(now / 1_000) + expiresIn;
}

function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

function decodeKey(path: string): string {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw invalidUrl('the object key is not valid percent-encoding');
  }
}

function invalidUrl(reason: string): AppError {
  return new AppError(ERROR.INVALID_STORAGE_URL, `Not a valid storage URL: ${reason}.`);
}
