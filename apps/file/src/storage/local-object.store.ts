import { ERROR } from '@bonfire/contracts';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, HealthRegistry } from '@bonfire/platform';
import { type OnModuleInit } from '@nestjs/common';
import {
  type CompleteMultipartResult,
  type GetResponse,
  MIN_PART_BYTES,
  ObjectStore,
  type PartGrant,
  type PutGrant,
} from './object-store';
import { concatenateVerified, exists, fileSize, isMissing, LocalFolder, pruneEmpty } from './local-folder';
import { expiryFromNow, StorageUrlSigner } from './signed-url';

interface LocalStoreSettings {
  /** The folder that holds everything (`<BONFIRE_DATA_DIR>/files`). */
  root: string;
  /** Base URL of the links (the gateway, which proxies /storage to this service). */
  publicUrl: string;
  /** Signs the links. */
  secret: string;
}

/** An object opened for reading: the size and the bytes of one snapshot (a replacement does not show). */
interface OpenedObject {
  size: number;
  /** Bytes `start` to `end` inclusive (the file stays open until `close()`). */
  stream(start: number, end: number): Readable;
  close(): Promise<void>;
}

const KEY = /^(?:[A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+$/;
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * The object store in a local folder (the standalone shape): `objects/<key>` holds the objects,
 * `uploads/<uploadId>/` a multipart upload (its key and one file per part), `tmp/` writes in progress.
 * Every write goes to `tmp/` and is renamed into place, so a reader sees a whole object or none. Clients
 * reach the bytes through StorageUrlSigner links served by LocalStorageController; ETags are the MD5 hex
 * in quotes, as S3 answers them.
 */
export class LocalObjectStore extends ObjectStore implements OnModuleInit {
  readonly signer: StorageUrlSigner;
  private readonly objects: string;
  private readonly uploads: string;
  private readonly folder: LocalFolder;

  constructor(settings: LocalStoreSettings, health?: HealthRegistry) {
    super();
    this.signer = new StorageUrlSigner(settings.secret, settings.publicUrl);
    this.objects = join(settings.root, 'objects');
    this.uploads = join(settings.root, 'uploads');
    this.folder = new LocalFolder(join(settings.root, 'tmp'));
    health?.register('storage', () => access(this.objects, constants.W_OK));
  }

  onModuleInit(): Promise<void> {
    return this.prepare();
  }

  /** Creates the folders; writes left half-done by a process that died are dropped. */
  async prepare(): Promise<void> {
    await this.folder.prepare();
    await Promise.all([this.objects, this.uploads].map((dir) => mkdir(dir, { recursive: true })));
  }

  presignPut(key: string, grant: PutGrant): Promise<string> {
    this.objectPath(key);
    return Promise.resolve(
      this.signer.url({
        method: 'PUT',
        key,
        expires: expiryFromNow(grant.expiresIn),
        length: grant.size,
      }),
    );
  }

  async createMultipart(key: string, contentType: string): Promise<string> {
    this.objectPath(key);
    const uploadId = randomBytes(16).toString('hex');
    await mkdir(join(this.uploads, uploadId));
    await this.folder.writeAtomically(
      join(this.uploads, uploadId, 'upload.json'),
      JSON.stringify({ key, contentType }),
    );
    return uploadId;
  }

  presignPart(key: string, uploadId: string, partNumber: number, grant: PartGrant): Promise<string> {
    this.objectPath(key);
    return Promise.resolve(
      this.signer.url({
        method: 'PUT',
        key,
        expires: expiryFromNow(grant.expiresIn),
        length: grant.size,
        uploadId,
        partNumber,
      }),
    );
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
  ): Promise<CompleteMultipartResult> {
    const upload = await this.openUpload(key, uploadId);
    if (!upload) return { ok: false, gone: true };
    const refused = (name: string): CompleteMultipartResult => ({ ok: false, gone: false, refused: name });
    if (parts.length === 0) return refused('MalformedXML');
    if (parts.some((part, index) => index > 0 && part.partNumber <= parts[index - 1]!.partNumber)) {
      return refused('InvalidPartOrder');
    }
    const sizes = await Promise.all(parts.map((part) => fileSize(join(upload, partFile(part.partNumber)))));
    if (sizes.includes(null)) {
      return (await exists(upload)) ? refused('InvalidPart') : { ok: false, gone: true };
    }
    if (sizes.slice(0, -1).some((size) => size! < MIN_PART_BYTES)) return refused('EntityTooSmall');

    const assembled = this.folder.tempPath();
    let matched: boolean;
    try {
      matched = await concatenateVerified(
        assembled,
        parts.map((part) => ({ path: join(upload, partFile(part.partNumber)), md5: bareEtag(part.etag) })),
      );
    } catch (error) {
      if (isMissing(error) && !(await exists(upload))) return { ok: false, gone: true };
      throw error;
    }
    if (!matched) return refused('InvalidPart');
    // Taking the upload away first: of two completions at once, only one installs the object.
    const claimed = this.folder.tempPath();
    try {
      await rename(upload, claimed);
    } catch (error) {
      await rm(assembled, { force: true });
      if (isMissing(error)) return { ok: false, gone: true };
      throw error;
    }
    await this.folder.install(assembled, this.objectPath(key));
    await rm(claimed, { recursive: true, force: true });
    return { ok: true };
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    const upload = await this.openUpload(key, uploadId);
    if (upload) await rm(upload, { recursive: true, force: true });
  }

  presignGet(key: string, expiresIn: number, response: GetResponse): Promise<string> {
    this.objectPath(key);
    return Promise.resolve(
      this.signer.url({
        method: 'GET',
        key,
        expires: expiryFromNow(expiresIn),
        contentType: response.contentType,
        disposition: response.disposition,
      }),
    );
  }

  size(key: string): Promise<number | null> {
    return fileSize(this.objectPath(key));
  }

  async head(key: string, length: number): Promise<Buffer> {
    let handle;
    try {
      handle = await open(this.objectPath(key));
    } catch (error) {
      if (isMissing(error)) throw noSuchKey();
      throw error;
    }
    try {
      const buffer = Buffer.alloc(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  }

  async read(key: string): Promise<Buffer> {
    try {
      return await readFile(this.objectPath(key));
    } catch (error) {
      if (isMissing(error)) throw noSuchKey();
      throw error;
    }
  }

  async put(key: string, body: Buffer, _contentType: string): Promise<void> {
    await this.folder.writeAtomically(this.objectPath(key), body);
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const path = this.objectPath(key);
      await unlink(path).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
      await pruneEmpty(dirname(path), this.objects);
    }
  }

  /** Stores a PUT's body (exactly `length` bytes, streamed) as the object; answers its ETag. */
  async writeObject(key: string, body: Readable, length: number): Promise<string> {
    const path = this.objectPath(key);
    const { temp, etag } = await this.folder.receive(body, length);
    await this.folder.install(temp, path);
    return etag;
  }

  /** Stores one part of an open multipart upload (a part sent again replaces the earlier one). */
  async writePart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Readable,
    length: number,
  ): Promise<string> {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) throw noSuchUpload();
    const upload = await this.openUpload(key, uploadId);
    if (!upload) throw noSuchUpload();
    const { temp, etag } = await this.folder.receive(body, length);
    try {
      await rename(temp, join(upload, partFile(partNumber)));
    } catch (error) {
      await rm(temp, { force: true });
      // Completed or aborted while the bytes were arriving.
      if (isMissing(error)) throw noSuchUpload();
      throw error;
    }
    return etag;
  }

  /** The object for reading, or null when there is none. */
  async openObject(key: string): Promise<OpenedObject | null> {
    let handle;
    try {
      handle = await open(this.objectPath(key));
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw error;
    }
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return null;
    }
    const file = handle;
    return {
      size: info.size,
      stream: (start, end) => file.createReadStream({ start, end, autoClose: false }),
      close: () => file.close(),
    };
  }

  /** The open upload's folder, or null when it does not exist or belongs to another key (S3: NoSuchUpload). */
  private async openUpload(key: string, uploadId: string): Promise<string | null> {
    this.objectPath(key);
    if (!UPLOAD_ID.test(uploadId)) return null;
    const dir = join(this.uploads, uploadId);
    try {
      const upload = JSON.parse(await readFile(join(dir, 'upload.json'), 'utf8')) as { key: string };
      return upload.key === key ? dir : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private objectPath(key: string): string {
    if (key.length > 1_024 || !KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..')) {
      throw new AppError(ERROR.INVALID_STORAGE_URL, 'Not a valid object key.');
    }
    return join(this.objects, ...key.split('/'));
  }
}

function partFile(partNumber: number): string {
  return `${partNumber}.part`;
}

function bareEtag(etag: string): string {
  return etag.trim().replace(/^"|"$/g, '').toLowerCase();
}

export function noSuchKey(): AppError {
  return new AppError(ERROR.NO_SUCH_KEY, 'There is no such object.');
}

function noSuchUpload(): AppError {
  return new AppError(ERROR.NO_SUCH_UPLOAD, 'There is no such upload (completed or aborted).');
}
