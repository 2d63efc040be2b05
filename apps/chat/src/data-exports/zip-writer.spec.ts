import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipWriter } from './zip-writer';

/** Checked by Info-ZIP's unzip (a CI system package): every CRC and size, then each entry's bytes. */
function unzip(...args: string[]): Buffer {
  return execFileSync('unzip', args, { maxBuffer: 64 * 1024 * 1024 });
}

describe('ZipWriter', () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zip-writer-'));
    path = join(dir, 'archive.zip');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes an archive unzip verifies, with deflated, stored, streamed, empty and UTF-8-named entries', async () => {
    const big = randomBytes(3 * 1024 * 1024 + 17);
    const text = JSON.stringify({ hello: 'wörld', list: Array.from({ length: 2_000 }, (_, i) => i) });
    const zip = new ZipWriter(createWriteStream(path));
    await zip.add('profile.json', text);
    await zip.add('attachments/1-photo.bin', Readable.from(chunks(big, 64 * 1024)), { compress: false });
    await zip.add('messages/2.json', Readable.from(['[', '"a",', '"b"', ']']));
    await zip.add('empty.txt', '');
    await zip.add('attachments/3-résumé ünïcode.txt', Buffer.from('bonjour'));
    const size = await zip.finish();

    expect((await stat(path)).size).toBe(size);
    expect(unzip('-tq', path).toString()).toContain('No errors detected');
    expect(unzip('-Z1', path).toString().trim().split('\n')).toEqual([
      'profile.json',
      'attachments/1-photo.bin',
      'messages/2.json',
      'empty.txt',
      'attachments/3-résumé ünïcode.txt',
    ]);
    expect(unzip('-p', path, 'profile.json').toString()).toBe(text);
    expect(unzip('-p', path, 'attachments/1-photo.bin').equals(big)).toBe(true);
    expect(unzip('-p', path, 'messages/2.json').toString()).toBe('["a","b"]');
    expect(unzip('-p', path, 'empty.txt').length).toBe(0);
    // Deflate did shrink the repetitive JSON, and the stored entry kept its size.
    expect(size).toBeLessThan(big.length + text.length);
    expect((await readFile(path)).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('writes an empty archive as the lone end record', async () => {
    const zip = new ZipWriter(createWriteStream(path));
    expect(await zip.finish()).toBe(22);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    expect(await readFile(path)).toEqual(end);
  });

  it('refuses entries once finished', async () => {
    const zip = new ZipWriter(createWriteStream(path));
    await zip.finish();
    await expect(zip.add('late.txt', 'x')).rejects.toThrow('finished');
  });
});

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
