import { ERROR } from '@bonfire/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@bonfire/platform';

/**
 * Atomic writes in one folder tree: everything is written under `tmp/` and renamed into place (same
 * file system), so a reader sees a whole file or none.
 */
export class LocalFolder {
  constructor(private readonly tmp: string) {}

  /** Empties `tmp/`: writes left half-done by a process that died (one process owns the folder). */
  async prepare(): Promise<void> {
    await rm(this.tmp, { recursive: true, force: true });
    await mkdir(this.tmp, { recursive: true });
  }

  /** A fresh path in `tmp/`. */
  tempPath(): string {
    return join(this.tmp, randomBytes(12).toString('hex'));
  }

  /**
   * Streams a body of exactly `length` bytes into a temp file (refused with 400 as soon as it runs over,
   * or when it ends short); answers the file and its S3-style ETag (MD5 hex in quotes).
   */
  async receive(body: Readable, length: number): Promise<{ temp: string; etag: string }> {
    const temp = this.tempPath();
    const hash = createHash('md5');
    let received = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > length) return done(bodyLengthMismatch(length));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(temp, { flags: 'wx' }));
      if (received !== length) throw bodyLengthMismatch(length);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { temp, etag: `"${hash.digest('hex')}"` };
  }

  async writeAtomically(path: string, data: Buffer | string): Promise<void> {
    const temp = this.tempPath();
    await writeFile(temp, data, { flag: 'wx' });
    await this.install(temp, path);
  }

  /** Renames a finished temp file into place (again if a delete pruned the folder meanwhile). */
  async install(temp: string, path: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await mkdir(dirname(path), { recursive: true });
      try {
        await rename(temp, path);
        return;
      } catch (error) {
        if (!isMissing(error) || attempt === 2) {
          await rm(temp, { force: true });
          throw error;
        }
      }
    }
  }
}

/**
 * Writes the files one after the other into a new file at `path`, each checked against its MD5 hex;
 * false, and no file left, on a mismatch.
 */
export async function concatenateVerified(
  path: string,
  inputs: readonly { path: string; md5: string }[],
): Promise<boolean> {
  const output = await open(path, 'wx');
  let matched = true;
  try {
    for (const input of inputs) {
      const hash = createHash('md5');
      const file = await open(input.path);
      try {
        for await (const chunk of file.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) {
          hash.update(chunk);
          await output.write(chunk);
        }
      } finally {
        await file.close();
      }
      if (hash.digest('hex') !== input.md5) {
        matched = false;
        break;
      }
    }
  } catch (error) {
    await output.close();
    await rm(path, { force: true });
    throw error;
  }
  await output.close();
  if (!matched) await rm(path, { force: true });
  return matched;
}

/** Removes the empty folders from `dir` up to (not including) `top`. */
export async function pruneEmpty(dir: string, top: string): Promise<void> {
  while (dir !== top && relative(top, dir).split(sep)[0] !== '..') {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

/** A regular file's size; null when there is none. */
export async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function bodyLengthMismatch(length: number): AppError {
  return new AppError(
    ERROR.CONTENT_LENGTH_MISMATCH,
    `The body must be exactly ${length} bytes, as its Content-Length says.`,
  );
}
