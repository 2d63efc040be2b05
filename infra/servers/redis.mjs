// Redis 7 from the Debian package (`redis-server`), in the foreground as a tracked child, no persistence.
import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { ensureDir, portOf, serverPaths, setting, spawnDetached, which } from '../lib/support.mjs';

const name = 'redis';
const url = new URL(setting('REDIS_URL'));
const port = portOf(url.href);
const paths = serverPaths(name);

function binary() {
  const path = which('redis-server');
  if (!path)
    throw new Error('redis-server is not installed: run `apt-get install -y redis-server` (Debian package)');
  return path;
}

export default {
  name,
  port,
  paths,
  version: () => spawnSync(binary(), ['--version'], { encoding: 'utf8' }).stdout.match(/v=(\S+)/)?.[1],
  healthTimeoutMs: 20_000,

  async install() {
    binary();
  },

  async start() {
    ensureDir(paths.dir);
    const args = [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--daemonize',
      'no',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    args.push('--dir', paths.dir, '--logfile', '');
    if (url.password) args.push('--requirepass', decodeURIComponent(url.password));
    return spawnDetached(binary(), args, { cwd: paths.dir, ...paths });
  },

  async health() {
    const client = new Redis(url.href, {
      lazyConnect: true,
      connectTimeout: 1500,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {}); // reported through the rejected command below
    try {
      await client.connect();
      const pong = await client.ping();
      return pong === 'PONG' ? undefined : `PING answered ${pong}`;
    } finally {
      client.disconnect();
    }
  },
};
