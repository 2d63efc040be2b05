import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { bootDependencies, DependencyUnavailableError, ensureDependencies } from './dependencies';

describe('bootDependencies', () => {
  it('finds the Postgres, Redis and Kafka servers a config names', () => {
    expect(
      bootDependencies({
        BONFIRE_MODE: 'distributed',
        CHAT_DATABASE_URL: 'postgres://u:p@db.internal/bonfire_chat',
        REDIS_URL: 'rediss://:secret@[::1]:6380',
        KAFKA_BROKERS: ['k1:9092', 'k2:19092'],
        ELASTICSEARCH_URL: 'http://es:9200',
        S3_ENDPOINT: 'http://s3:7070',
      }),
    ).toEqual([
      {
        dependency: 'postgres',
        variable: 'CHAT_DATABASE_URL',
        addresses: [{ host: 'db.internal', port: 5432 }],
      },
      { dependency: 'redis', variable: 'REDIS_URL', addresses: [{ host: '::1', port: 6380 }] },
      {
        dependency: 'kafka',
        variable: 'KAFKA_BROKERS',
        addresses: [
          { host: 'k1', port: 9092 },
          { host: 'k2', port: 19092 },
        ],
      },
      { dependency: 'elasticsearch', variable: 'ELASTICSEARCH_URL', addresses: [{ host: 'es', port: 9200 }] },
    ]);
  });

  it('has nothing to wait for in the standalone shape, nor for a Postgres unix socket', () => {
    expect(bootDependencies({ BONFIRE_MODE: 'standalone', REDIS_URL: 'redis://x:1' })).toEqual([]);
    expect(bootDependencies({ AUTH_DATABASE_URL: 'postgres:///bonfire_auth?host=/run/postgresql' })).toEqual(
      [],
    );
  });
});

describe('ensureDependencies', () => {
  it('returns once a server accepts connections', async () => {
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as { port: number };
    try {
      await ensureDependencies({ REDIS_URL: `redis://127.0.0.1:${port}` }, { waitMs: 1000 });
    } finally {
      server.close();
    }
  });

  it('names the dependency, its variable and address when it never answers', async () => {
    const server = createServer();
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as { port: number };
    await new Promise((closed) => server.close(closed));
    const error = await ensureDependencies({ KAFKA_BROKERS: [`127.0.0.1:${port}`] }, { waitMs: 300 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error).toMatchObject({
      dependency: 'kafka',
      variable: 'KAFKA_BROKERS',
      address: `127.0.0.1:${port}`,
      reason: 'connect ECONNREFUSED',
    });
    expect((error as Error).message).toMatch(
      new RegExp(`^cannot reach kafka at 127\\.0\\.0\\.1:${port} \\(KAFKA_BROKERS\\): connect ECONNREFUSED`),
    );
  });
});
