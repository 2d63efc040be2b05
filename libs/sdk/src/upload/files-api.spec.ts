import type { CompletedPart, FileObject, UploadRequest, UploadTicket } from '@bonfire/contracts';
import { describe, expect, it, vi } from 'vitest';
import type { FileRoutes } from '../api/voice';
import { BonfireApiError } from '../errors';
import type { HttpClient } from '../http';
import { FilesApi, planParts, type UploadProgress } from './files-api';
import type { UploadPutRequest, UploadTransport } from './transport';
import { createXhrUploadTransport, type XhrLike } from './xhr-transport';

const fileObject = { id: '9', status: 'ready' } as FileObject;

function routesFor(ticket: UploadTicket) {
  const requests: UploadRequest[] = [];
  const completions: (CompletedPart[] | undefined)[] = [];
  const routes = {
    requestAttachment: vi.fn(async (_channelId: string, body: UploadRequest) => {
      requests.push(body);
      return ticket;
    }),
    complete: vi.fn(async (_id: string, parts?: CompletedPart[]) => {
      completions.push(parts);
      return fileObject;
    }),
  } as unknown as FileRoutes;
  return { routes, requests, completions };
}

/** Records every PUT's bytes and reports progress in two steps, like a slow network. */
function recordingTransport(failures: Record<string, number> = {}) {
  const puts: { url: string; bytes: number[]; headers: Record<string, string> }[] = [];
  const transport: UploadTransport = {
    async put(request: UploadPutRequest) {
      if ((failures[request.url] ?? 0) > 0) {
        failures[request.url]!--;
        throw new BonfireApiError(503, 'UPLOAD_FAILED', 'busy');
      }
      const bytes = [...(request.body as Uint8Array)];
      request.onProgress(Math.floor(bytes.length / 2));
      await Promise.resolve();
      request.onProgress(bytes.length);
      puts.push({ url: request.url, bytes, headers: request.headers });
      return { etag: `"etag-${request.url.slice(-1)}"` };
    },
  };
  return { transport, puts };
}

const bytes = (length: number) => Uint8Array.from({ length }, (_, index) => index % 251);

describe('FilesApi upload', () => {
  it('single PUT: ticket with name/size/type, the bytes with the signed headers, progress to 100%, complete', async () => {
    const ticket: UploadTicket = {
      id: '9',
      method: 'PUT',
      uploadUrl: 'http://s3.test/obj',
      headers: { 'content-type': 'image/png' },
      expiresAt: '2030-01-01T00:00:00Z',
    };
    const { routes, requests, completions } = routesFor(ticket);
    const { transport, puts } = recordingTransport();
    const files = new FilesApi({} as HttpClient, routes, () => transport);
    const progress: UploadProgress[] = [];

    const result = await files.uploadAttachment(
      '5',
      { data: bytes(10), filename: 'a.png', contentType: 'image/png' },
      { onProgress: (event) => progress.push(event) },
    );

    expect(result).toBe(fileObject);
    expect(requests).toEqual([{ filename: 'a.png', size: 10, contentType: 'image/png' }]);
    expect(puts).toEqual([
      { url: 'http://s3.test/obj', bytes: [...bytes(10)], headers: { 'content-type': 'image/png' } },
    ]);
    expect(progress.map((event) => event.loaded)).toEqual([5, 10]);
    expect(progress.at(-1)).toEqual({ loaded: 10, total: 10, fraction: 1 });
    expect(completions).toEqual([undefined]);
  });

  it('multipart: splits the bytes by the ticket, sums progress over parts, completes with every ETag in order', async () => {
    const ticket: UploadTicket = {
      id: '9',
      method: 'multipart',
      uploadUrl: 'http://s3.test/p1',
      headers: {},
      expiresAt: '2030-01-01T00:00:00Z',
      multipart: {
        partSize: 4,
        parts: [
          { partNumber: 3, url: 'http://s3.test/p3', size: 2 },
          { partNumber: 1, url: 'http://s3.test/p1', size: 4 },
          { partNumber: 2, url: 'http://s3.test/p2', size: 4 },
        ],
      },
    };
    const { routes, completions } = routesFor(ticket);
    const { transport, puts } = recordingTransport({ 'http://s3.test/p2': 1 });
    const files = new FilesApi({} as HttpClient, routes, () => transport);
    const progress: number[] = [];
    const data = bytes(10);

    await files.uploadAttachment(
      '5',
      { data, filename: 'big.bin' },
      { onProgress: (event) => progress.push(event.loaded), concurrency: 2 },
    );

    const byUrl = Object.fromEntries(puts.map((put) => [put.url, put.bytes]));
    expect(byUrl).toEqual({
      'http://s3.test/p1': [...data.subarray(0, 4)],
      'http://s3.test/p2': [...data.subarray(4, 8)],
      'http://s3.test/p3': [...data.subarray(8, 10)],
    });
    expect(completions).toEqual([
      [
        { partNumber: 1, etag: '"etag-1"' },
        { partNumber: 2, etag: '"etag-2"' },
        { partNumber: 3, etag: '"etag-3"' },
      ],
    ]);
    expect(progress.at(-1)).toBe(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('refuses a multipart ticket whose parts do not cover the file', () => {
    const ticket = {
      id: '9',
      method: 'multipart',
      uploadUrl: 'http://s3.test/p1',
      headers: {},
      expiresAt: '2030-01-01T00:00:00Z',
      multipart: { partSize: 4, parts: [{ partNumber: 1, url: 'http://s3.test/p1', size: 4 }] },
    } as const;
    expect(() =>
      planParts({ ...ticket, multipart: { ...ticket.multipart, parts: [...ticket.multipart.parts] } }, 10),
    ).toThrow(/cover 4 bytes, the file has 10/);
  });

  it('does not retry a 4xx refusal of the object store', async () => {
    const ticket: UploadTicket = {
      id: '9',
      method: 'PUT',
      uploadUrl: 'http://s3.test/obj',
      headers: {},
      expiresAt: '2030-01-01T00:00:00Z',
    };
    const { routes, completions } = routesFor(ticket);
    const put = vi.fn(async () => Promise.reject(new BonfireApiError(403, 'UPLOAD_FAILED', 'expired')));
    const files = new FilesApi({} as HttpClient, routes, () => ({ put }));
    await expect(files.uploadAttachment('5', { data: bytes(3), filename: 'a' })).rejects.toMatchObject({
      status: 403,
    });
    expect(put).toHaveBeenCalledTimes(1);
    expect(completions).toEqual([]);
  });
});

describe('createXhrUploadTransport', () => {
  class FakeXhr implements XhrLike {
    status = 0;
    responseText = '';
    upload: XhrLike['upload'] = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    opened: [string, string] | null = null;
    headers: Record<string, string> = {};
    sent: unknown;
    open(method: string, url: string) {
      this.opened = [method, url];
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    getResponseHeader(name: string) {
      return name.toLowerCase() === 'etag' ? '"abc"' : null;
    }
    send(body: unknown) {
      this.sent = body;
    }
    abort() {
      this.onabort?.();
    }
  }

  it('reports XHR upload progress and answers the ETag', async () => {
    const xhr = new FakeXhr();
    const progress: number[] = [];
    const put = createXhrUploadTransport(() => xhr).put({
      url: 'http://s3.test/obj',
      headers: { 'content-type': 'image/png' },
      body: bytes(100),
      onProgress: (loaded) => progress.push(loaded),
    });
    xhr.upload.onprogress?.({ loaded: 40, total: 100 });
    xhr.upload.onprogress?.({ loaded: 100, total: 100 });
    xhr.status = 200;
    xhr.onload?.();

    await expect(put).resolves.toEqual({ etag: '"abc"' });
    expect(xhr.opened).toEqual(['PUT', 'http://s3.test/obj']);
    expect(xhr.headers).toEqual({ 'content-type': 'image/png' });
    expect(progress).toEqual([40, 100]);
  });

  it('turns an object-store XML error into UPLOAD_FAILED and an abort into ABORTED', async () => {
    const xhr = new FakeXhr();
    const put = createXhrUploadTransport(() => xhr).put({
      url: 'u',
      headers: {},
      body: bytes(1),
      onProgress: () => {},
    });
    xhr.status = 403;
    xhr.responseText = '<Error><Code>SignatureDoesNotMatch</Code></Error>';
    xhr.onload?.();
    await expect(put).rejects.toMatchObject({
      status: 403,
      code: 'UPLOAD_FAILED',
      message: expect.stringContaining('SignatureDoesNotMatch'),
    });

    const controller = new AbortController();
    const second = new FakeXhr();
    const aborted = createXhrUploadTransport(() => second).put({
      url: 'u',
      headers: {},
      body: bytes(1),
      onProgress: () => {},
      signal: controller.signal,
    });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
