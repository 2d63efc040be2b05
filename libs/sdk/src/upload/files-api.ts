import type { CompletedPart, FileObject, UploadRequest, UploadTicket } from '@bonfire/contracts';
import type { FileRoutes } from '../api/voice';
import { segment as s, type HttpClient } from '../http';
import { byteLength, sliceData, type UploadData, type UploadTransport } from './transport';

export interface UploadFile {
  data: UploadData;
  filename: string;
  /** MIME type, e.g. image/png. Defaults to the Blob's type, else application/octet-stream. */
  contentType?: string;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0–1 */
  fraction: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** Overrides the client's transport for this upload. */
  transport?: UploadTransport;
  /** Parts in flight at once for multipart uploads. Default 3. */
  concurrency?: number;
  /** Attempts per part (network errors and 5xx). Default 3. */
  attempts?: number;
}

export type ThumbnailSize = 'small' | 'large';

/** Uploads (ticket → PUT bytes, single or multipart → complete) and downloads. */
export class FilesApi {
  constructor(
    private readonly http: HttpClient,
    private readonly routes: FileRoutes,
    private readonly defaultTransport: () => UploadTransport,
  ) {}

  /** Uploads an attachment for `channelId`; send its `id` in `messages.send({ attachments })`. */
  uploadAttachment(channelId: string, file: UploadFile, options: UploadOptions = {}): Promise<FileObject> {
    return this.upload((body) => this.routes.requestAttachment(channelId, body), file, options);
  }

  /** Uploads an avatar; set it with `users.updateMe({ avatarFileId })`. */
  uploadAvatar(file: UploadFile, options: UploadOptions = {}): Promise<FileObject> {
    return this.upload((body) => this.routes.requestAvatar(body), file, options);
  }

  /** Uploads a guild icon; set it with `guilds.update(guildId, { iconFileId })`. */
  uploadGuildIcon(guildId: string, file: UploadFile, options: UploadOptions = {}): Promise<FileObject> {
    return this.upload((body) => this.routes.requestGuildIcon(guildId, body), file, options);
  }

  /**
   * Runs an upload: asks for a ticket, PUTs the bytes (in parts when the ticket says multipart), then
   * completes it. Progress counts bytes acknowledged by the transport across all parts.
   */
  async upload(
    requestTicket: (body: UploadRequest) => Promise<UploadTicket>,
    file: UploadFile,
    options: UploadOptions = {},
  ): Promise<FileObject> {
    const total = byteLength(file.data);
    const contentType =
      file.contentType ??
      (typeof Blob !== 'undefined' && file.data instanceof Blob && file.data.type
        ? file.data.type
        : 'application/octet-stream');
    const ticket = await requestTicket({ filename: file.filename, size: total, contentType });
    const transport = options.transport ?? this.defaultTransport();
    const progress = new ProgressTracker(total, options.onProgress);
    const attempts = options.attempts ?? 3;
    if (ticket.method === 'PUT') {
      await withRetry(attempts, options.signal, () =>
        transport.put({
          url: ticket.uploadUrl,
          headers: ticket.headers,
          body: file.data,
          onProgress: (loaded) => progress.update(1, loaded),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
      return this.routes.complete(ticket.id);
    }
    const parts = planParts(ticket, total);
    const completed: CompletedPart[] = [];
    await runLimited(parts, options.concurrency ?? 3, async (part) => {
      const result = await withRetry(attempts, options.signal, () =>
        transport.put({
          url: part.url,
          headers: ticket.headers,
          body: sliceData(file.data, part.start, part.end),
          onProgress: (loaded) => progress.update(part.partNumber, loaded),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
      if (!result.etag) {
        throw new Error(
          `The object store answered part ${part.partNumber} without an ETag header (is ETag exposed by CORS?).`,
        );
      }
      completed.push({ partNumber: part.partNumber, etag: result.etag });
    });
    completed.sort((a, b) => a.partNumber - b.partNumber);
    return this.routes.complete(ticket.id, completed);
  }

  /** Metadata-less download of an attachment (auth, follows the redirect to the object store). */
  downloadAttachment(
    fileId: string,
    options: { size?: ThumbnailSize; signal?: AbortSignal } = {},
  ): Promise<Response> {
    return this.http.requestRaw('GET', `/api/v1/attachments/${s(fileId)}`, {
      query: { size: options.size },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /**
   * The short-lived object-store URL of an attachment (for `<img src>` / players), read from the 302
   * without following it. Works in Node and React Native; browsers hide redirect targets from fetch, so
   * there `downloadAttachment` + `URL.createObjectURL` is the way.
   */
  async attachmentLocation(fileId: string, size?: ThumbnailSize): Promise<string> {
    const response = await this.http.requestRaw('GET', `/api/v1/attachments/${s(fileId)}`, {
      query: { size },
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (!location) {
      throw new Error('The redirect target is not readable on this platform; use downloadAttachment().');
    }
    return location;
  }

  /** URL of a public file (avatar, guild icon); usable directly as an image source, no token needed. */
  publicFileUrl(fileId: string, size?: ThumbnailSize): string {
    return this.http.url(`/api/v1/files/${s(fileId)}`, { size });
  }
}

export interface PlannedPart {
  partNumber: number;
  url: string;
  start: number;
  end: number;
}

/** Byte ranges of each part, checked against the ticket's declared sizes and the file's size. */
export function planParts(
  ticket: Extract<UploadTicket, { method: 'multipart' }>,
  total: number,
): PlannedPart[] {
  const { partSize, parts } = ticket.multipart;
  const planned = [...parts]
    .sort((a, b) => a.partNumber - b.partNumber)
    .map((part) => {
      const start = (part.partNumber - 1) * partSize;
      return { partNumber: part.partNumber, url: part.url, start, end: Math.min(start + part.size, total) };
    });
  const covered = planned.reduce((sum, part) => sum + (part.end - part.start), 0);
  if (covered !== total || planned.some((part) => part.end <= part.start)) {
    throw new Error(`The upload ticket's parts cover ${covered} bytes, the file has ${total}.`);
  }
  return planned;
}

class ProgressTracker {
  private readonly loadedByPart = new Map<number, number>();
  private lastReported = -1;

  constructor(
    private readonly total: number,
    private readonly listener?: (progress: UploadProgress) => void,
  ) {}

  update(partNumber: number, loaded: number): void {
    this.loadedByPart.set(partNumber, loaded);
    let sum = 0;
    for (const value of this.loadedByPart.values()) sum += value;
    const loadedTotal = Math.min(sum, this.total);
    if (loadedTotal === this.lastReported) return;
    this.lastReported = loadedTotal;
    this.listener?.({
      loaded: loadedTotal,
      total: this.total,
      fraction: this.total === 0 ? 1 : loadedTotal / this.total,
    });
  }
}

async function withRetry<T>(
  attempts: number,
  signal: AbortSignal | undefined,
  run: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      const retryable = status === 0 || status >= 500;
      if (attempt >= attempts || !retryable || signal?.aborted) throw error;
      await new Promise((wait) => setTimeout(wait, 250 * 2 ** (attempt - 1)));
    }
  }
}

async function runLimited<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await run(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(workers);
}
