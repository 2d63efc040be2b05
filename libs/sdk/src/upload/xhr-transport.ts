import { BonfireApiError } from '../errors';
import type { UploadTransport } from './transport';
import { storageError } from './transport';

/** The part of XMLHttpRequest the transport uses (browsers and React Native both provide it). */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  getResponseHeader(name: string): string | null;
  send(body: unknown): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  readonly upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

/**
 * An upload transport on XMLHttpRequest, which (unlike fetch) reports upload progress. Works in browsers
 * and React Native. Multipart uploads need the object store's CORS to expose the `ETag` header.
 */
export function createXhrUploadTransport(
  createXhr: () => XhrLike = () => {
    const Xhr = (globalThis as { XMLHttpRequest?: new () => XhrLike }).XMLHttpRequest;
    if (!Xhr)
      throw new Error('XMLHttpRequest is not available on this platform; use createFetchUploadTransport().');
    return new Xhr();
  },
): UploadTransport {
  return {
    put(request) {
      return new Promise((resolve, reject) => {
        const xhr = createXhr();
        const onAbort = () => xhr.abort();
        xhr.open('PUT', request.url);
        for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
        xhr.upload.onprogress = (event) => request.onProgress(event.loaded);
        xhr.onload = () => {
          request.signal?.removeEventListener('abort', onAbort);
          if (xhr.status >= 200 && xhr.status < 300) {
            resolve({ etag: xhr.getResponseHeader('etag') });
          } else {
            reject(storageError(xhr.status, xhr.responseText));
          }
        };
        xhr.onerror = () => {
          request.signal?.removeEventListener('abort', onAbort);
          reject(BonfireApiError.network(new Error('the upload connection failed')));
        };
        xhr.onabort = () => reject(new BonfireApiError(0, 'ABORTED', 'The upload was cancelled.'));
        if (request.signal?.aborted) {
          reject(new BonfireApiError(0, 'ABORTED', 'The upload was cancelled.'));
          return;
        }
        request.signal?.addEventListener('abort', onAbort, { once: true });
        xhr.send(request.body);
      });
    },
  };
}
