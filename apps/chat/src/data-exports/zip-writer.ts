import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, crc32 } from 'node:zlib';

/** What an entry's bytes may be given as: all at once, or streamed. */
type ZipSource = Buffer | string | Readable | AsyncIterable<Buffer | string>;

interface ZipEntryOptions {
  /** Deflate the entry (default); false stores it as is (already compressed data such as images). */
  compress?: boolean;
  /** Modification time (default: now). */
  modified?: Date;
}

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 3: sizes and CRC follow the data (it is streamed); bit 11: the name is UTF-8. */
const FLAGS = 0x0808;
const STORE = 0;
const DEFLATE = 8;
/** Without ZIP64 records, sizes and offsets are 32-bit and entries 16-bit. */
const MAX_32 = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;

interface CentralEntry {
  name: Buffer;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The archive would need ZIP64 (over 4 GiB, or more than 65,535 entries), which this writer does not write. */
class ZipLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipLimitError';
  }
}

/**
 * A streaming ZIP writer (PKWARE APPNOTE 6.3: local headers with data descriptors, a central directory,
 * no ZIP64): each entry's bytes flow from its source through deflate into `out` with backpressure, so
 * neither an entry nor the archive is ever held in memory. Entries are added one at a time (await each).
 */
export class ZipWriter {
  private readonly entries: CentralEntry[] = [];
  private offset = 0;
  private finished = false;

  constructor(private readonly out: Writable) {}

  /** Bytes written so far. */
  get bytesWritten(): number {
    return this.offset;
  }

  async add(name: string, source: ZipSource, options: ZipEntryOptions = {}): Promise<void> {
    if (this.finished) throw new Error('the archive is finished');
    if (this.entries.length >= MAX_ENTRIES) throw new ZipLimitError('more than 65,535 entries');
    const nameBytes = Buffer.from(name, 'utf8');
    const method = options.compress === false ? STORE : DEFLATE;
    const { time, date } = dosDateTime(options.modified ?? new Date());
    const offset = this.offset;

    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC and sizes (14–25) stay 0: the data descriptor carries them.
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    await this.write(Buffer.concat([header, nameBytes]));

    let crc = 0;
    let size = 0;
    const start = this.offset;
    const measure = async function* (input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
      for await (const chunk of input) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        crc = crc32(bytes, crc);
        size += bytes.length;
        yield bytes;
      }
    };
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.write(chunk).then(() => done(), done);
      },
    });
    const input = toIterable(source);
    if (method === DEFLATE) await pipeline(input, measure, createDeflateRaw(), sink);
    else await pipeline(input, measure, sink);
    const compressed = this.offset - start;
    if (size > MAX_32 || compressed > MAX_32) throw new ZipLimitError(`entry ${name} is over 4 GiB`);

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.entries.push({ name: nameBytes, method, time, date, crc: crc >>> 0, compressed, size, offset });
  }

  /** Writes the central directory and the end record, then ends `out`. Returns the archive's size. */
  async finish(): Promise<number> {
    if (this.finished) throw new Error('the archive is finished');
    this.finished = true;
    const directoryStart = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, spec 2.0
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(entry.method, 10);
      header.writeUInt16LE(entry.time, 12);
      header.writeUInt16LE(entry.date, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressed, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      // extra length, comment length, disk number, internal attributes: 0
      header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
      header.writeUInt32LE(entry.offset, 42);
      await this.write(Buffer.concat([header, entry.name]));
    }
    const directorySize = this.offset - directoryStart;
    if (this.offset > MAX_32) throw new ZipLimitError('the archive is over 4 GiB');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(directoryStart, 16);
    await this.write(end);
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => resolve());
    });
    return this.offset;
  }

  private write(bytes: Buffer): Promise<void> {
    if (bytes.length === 0) return Promise.resolve();
    this.offset += bytes.length;
    if (this.offset > MAX_32 + 0xffff) {
      return Promise.reject(new ZipLimitError('the archive is over 4 GiB'));
    }
    return new Promise((resolve, reject) => {
      const ok = this.out.write(bytes, (error) => {
        if (error) reject(error);
        else if (ok) resolve();
      });
      if (!ok) this.out.once('drain', () => resolve());
    });
  }
}

function toIterable(source: ZipSource): AsyncIterable<Buffer | string> {
  if (typeof source === 'string' || Buffer.isBuffer(source)) return Readable.from([source]);
  return source;
}

/** MS-DOS time and date (local fields, 2-second precision; years 1980–2107), in UTC. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 4) | at.getUTCDate(),
  };
}
