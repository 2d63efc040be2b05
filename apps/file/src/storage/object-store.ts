/** How completing a multipart upload went. */
export type CompleteMultipartResult =
  | { ok: true }
  /** The upload no longer exists (already completed, or aborted). */
  | { ok: false; gone: true }
  /** A refusal the client can fix (S3's error name: InvalidPart, InvalidPartOrder, EntityTooSmall…). */
  | { ok: false; gone: false; refused: string };

/** What a presigned single-PUT upload allows. */
export interface PutGrant {
  /** The object's content type (the client sends it as its Content-Type header). */
  contentType: string;
  /** The exact byte count: the URL is signed for it, and the store refuses a body of any other length. */
  size: number;
  expiresIn: number;
}

/** What a presigned part upload allows. */
export interface PartGrant {
  /** The exact byte count of the part (signed, like a single PUT's). */
  size: number;
  expiresIn: number;
}

/** How a presigned download answers. */
export interface GetResponse {
  contentType: string;
  disposition: string;
}

/**
 * The object store port (the DI token). Uploads and downloads go straight between the client and the
 * store through presigned URLs; this service only signs, inspects, writes thumbnails and deletes.
 * Adapters: S3ObjectStore (any S3-compatible server, distributed shape) and LocalObjectStore (a local
 * directory served through the gateway, standalone shape).
 */
export abstract class ObjectStore {
  /** A URL the client PUTs the bytes to. */
  abstract presignPut(key: string, grant: PutGrant): Promise<string>;

  /** Opens a multipart upload; returns its upload id. */
  abstract createMultipart(key: string, contentType: string): Promise<string>;

  /** A URL the client PUTs one part to; its answer's ETag header is what completion needs. */
  abstract presignPart(key: string, uploadId: string, partNumber: number, grant: PartGrant): Promise<string>;

  /**
   * Assembles the parts (ascending part numbers, each with the ETag its PUT answered) into the object.
   * Completing a completed upload again answers `gone` (or success, as S3 does for retries).
   */
  abstract completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
  ): Promise<CompleteMultipartResult>;

  /** Abandons a multipart upload and frees its parts; an upload already gone is fine. */
  abstract abortMultipart(key: string, uploadId: string): Promise<void>;

  /** A short-lived download URL; the store answers with the given content type and disposition. */
  abstract presignGet(key: string, expiresIn: number, response: GetResponse): Promise<string>;

  /** The stored size, or null when there is no such object. */
  abstract size(key: string): Promise<number | null>;

  /** The first `length` bytes (or fewer, for a shorter object). */
  abstract head(key: string, length: number): Promise<Buffer>;

  abstract read(key: string): Promise<Buffer>;

  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;

  /** Deletes objects; missing ones are fine. */
  abstract delete(keys: readonly string[]): Promise<void>;
}

/** S3's smallest part (every part of a multipart upload but the last). */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

/** Where a file's bytes and thumbnails live. */
export const objectKeys = {
  original: (fileId: string) => `files/${fileId}/original`,
  thumbnail: (fileId: string, size: 'small' | 'large') => `files/${fileId}/${size}.webp`,
  all: (fileId: string) => [
    `files/${fileId}/original`,
    `files/${fileId}/small.webp`,
    `files/${fileId}/large.webp`,
  ],
};
