import { BonfireApiError } from '../errors';
import type { FetchLike } from '../http';

/** Bytes to upload. Blob covers browser File objects; ArrayBuffer / Uint8Array cover Node and React Native. */
export type UploadData = Blob | ArrayBuffer | Uint8Array;

/** One PUT of bytes to a presigned object-store URL (a whole file or one multipart part). */
export interface UploadPutRequest {
  url: string;
  /** Exactly these headers (the presigned signature covers them). */
  headers: Record<string, string>;
  body: UploadData;
  /** Bytes of this PUT sent so far; called as often as the platform can tell. */
  onProgress: (loadedBytes: number) => void;
  signal?: AbortSignal;
}

export interface UploadPutResult {
  /** The object store's ETag header (needed to complete a multipart upload). */
  etag: string | null;
}

/**
 * Moves bytes to the object store. fetch cannot report upload progress, so platforms inject their own:
 * `createXhrUploadTransport()` (browsers, React Native) from `@bonfire/sdk/browser`; the default
 * `createFetchUploadTransport()` reports progress once per PUT (0 then everything).
 */
export interface UploadTransport {
  put(request: UploadPutRequest): Promise<UploadPutResult>;
}

export function byteLength(data: UploadData): number {
  if (data instanceof Uint8Array) return data.byteLength;
  if (data instanceof ArrayBuffer) return data.byteLength;
  return data.size;
}

/** Bytes [start, end) of the data, without copying where the platform allows. */
export function sliceData(data: UploadData, start: number, end: number): UploadData {
  if (data instanceof Uint8Array) return data.subarray(start, end);
  if (data instanceof ArrayBuffer) return new Uint8Array(data, start, end - start);
  return data.slice(start, end);
}

/** PUT with fetch: works everywhere fetch does, with progress only at the end of each PUT. */
export function createFetchUploadTransport(
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): UploadTransport {
  return {
    async put(request) {
      request.onProgress(0);
      let response: Response;
      try {
        response = await fetchImpl(request.url, {
          method: 'PUT',
          headers: request.headers,
          body: request.body as NonNullable<RequestInit['body']>,
          ...(request.signal ? { signal: request.signal } : {}),
        });
      } catch (error) {
        if (request.signal?.aborted) throw error;
        throw BonfireApiError.network(error);
      }
      if (!response.ok) throw await storageError(response.status, await response.text().catch(() => ''));
      request.onProgress(byteLength(request.body));
      return { etag: response.headers.get('etag') };
    },
  };
}

/** The object store answers XML errors, not the API's format: wrap them as UPLOAD_FAILED. */
export function storageError(status: number, body: string): BonfireApiError {
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  return new BonfireApiError(
    status,
    'UPLOAD_FAILED',
    `The object store refused the upload (${status}${code ? ` ${code}` : ''}).`,
  );
}
