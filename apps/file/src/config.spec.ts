import { loadConfig } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { fileConfigSchema } from './config';
import { filePublicUrl } from './storage/storage.module';

const MIB = 1024 * 1024;

/** The workspace settings (bonfire.env, loaded by the test setup) with some replaced. */
function parse(overrides: Record<string, string>) {
  return fileConfigSchema.safeParse({ ...process.env, ...overrides });
}

function problems(overrides: Record<string, string>): string[] {
  const result = parse(overrides);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('file config: multipart', () => {
  it('defaults to multipart above 16 MiB in 8 MiB parts', () => {
    const result = parse({});
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      FILE_MULTIPART_THRESHOLD_BYTES: 16 * MIB,
      FILE_MULTIPART_PART_BYTES: 8 * MIB,
    });
  });

  it('refuses parts below S3’s 5 MiB minimum', () => {
    expect(problems({ FILE_MULTIPART_PART_BYTES: String(5 * MIB - 1) })).toContain(
      'FILE_MULTIPART_PART_BYTES',
    );
    expect(problems({ FILE_MULTIPART_PART_BYTES: String(5 * MIB) })).toEqual([]);
  });

  it('refuses a largest file that needs more than 10,000 parts', () => {
    expect(
      problems({
        FILE_MAX_ATTACHMENT_BYTES: String(10_001 * 5 * MIB),
        FILE_MULTIPART_PART_BYTES: String(5 * MIB),
        FILE_BODY_LIMIT: '10mb',
      }),
    ).toEqual(['FILE_MULTIPART_PART_BYTES']);
  });

  it('refuses a body limit too small for the completion of the largest upload', () => {
    const large = { FILE_MAX_ATTACHMENT_BYTES: String(2_000 * 8 * MIB) };
    expect(problems(large)).toEqual(['FILE_BODY_LIMIT']);
    expect(problems({ ...large, FILE_BODY_LIMIT: '256kb' })).toEqual([]);
  });
});

describe('file config: upload limits', () => {
  it('caps open uploads at 20 per user, images at 50 M pixels, decoded 2 at once', () => {
    const defaults = fileConfigSchema.parse({
      ...process.env,
      FILE_MAX_OPEN_UPLOADS: undefined,
      FILE_IMAGE_MAX_PIXELS: undefined,
      FILE_IMAGE_CONCURRENCY: undefined,
    });
    expect(defaults).toMatchObject({
      FILE_MAX_OPEN_UPLOADS: 20,
      FILE_IMAGE_MAX_PIXELS: 50_000_000,
      FILE_IMAGE_CONCURRENCY: 2,
    });
  });

  it('refuses a zero or negative cap', () => {
    for (const name of ['FILE_MAX_OPEN_UPLOADS', 'FILE_IMAGE_MAX_PIXELS', 'FILE_IMAGE_CONCURRENCY']) {
      expect(problems({ [name]: '0' })).toEqual([name]);
      expect(problems({ [name]: '-1' })).toEqual([name]);
    }
  });
});

describe('file config shapes', () => {
  const REAL_SERVERS = /^(REDIS_URL|KAFKA_BROKERS|FILE_DATABASE_URL|S3_.*)$/;
  const withoutServers = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !REAL_SERVERS.test(name)),
  );

  it('needs no Redis, Kafka, Postgres or S3 setting in the standalone shape; links go to the gateway', () => {
    const config = loadConfig('file', fileConfigSchema, {
      ...withoutServers,
      BONFIRE_MODE: 'standalone',
      GATEWAY_PORT: '9090',
    });
    expect(config.BONFIRE_MODE).toBe('standalone');
    expect(config.S3_ENDPOINT).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(filePublicUrl(config)).toBe('http://localhost:9090');
    expect(filePublicUrl({ ...config, FILE_PUBLIC_URL: 'https://chat.example' })).toBe(
      'https://chat.example',
    );
  });

  it('reports the S3 and Redis settings missing in the distributed shape, and still checks multipart limits', () => {
    const { S3_ENDPOINT: _endpoint, REDIS_URL: _redis, ...partial } = process.env;
    expect(() => loadConfig('file', fileConfigSchema, partial)).toThrow(
      /S3_ENDPOINT: missing[\s\S]*REDIS_URL|REDIS_URL: missing[\s\S]*S3_ENDPOINT/,
    );
    expect(() =>
      loadConfig('file', fileConfigSchema, {
        ...withoutServers,
        BONFIRE_MODE: 'standalone',
        FILE_MULTIPART_PART_BYTES: String(MIB),
      }),
    ).toThrow(/FILE_MULTIPART_PART_BYTES/);
  });
});
