// PostgreSQL from the Debian package: one cluster under <data>/postgres, one database per
// *_DATABASE_URL setting, owned by the role in that URL (POSTGRES_USER / POSTGRES_PASSWORD).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  ensureDir,
  env,
  progress,
  run,
  serverPaths,
  serviceUser,
  setting,
  spawnDetached,
} from '../lib/support.mjs';

const name = 'postgres';
const port = Number(setting('POSTGRES_PORT'));
const paths = serverPaths(name);
const clusterDir = join(paths.dir, 'pgdata');
const socketDir = paths.dir; // the unix socket lives in the data folder, not /var/run/postgresql

/** Newest /usr/lib/postgresql/<major>/bin that has a server. */
function binDir() {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/postgres')))
    : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest)
    throw new Error('PostgreSQL is not installed: run `apt-get install -y postgresql` (Debian package)');
  return join(root, newest, 'bin');
}

const user = () => serviceUser('postgres');

/** A superuser connection over the unix socket (trusted locally; TCP needs a password). */
async function withSuperuser(fn) {
  const client = new pg.Client({
    host: socketDir,
    port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Roles and databases wanted by the env: POSTGRES_USER plus every *_DATABASE_URL. */
function wanted() {
  const roles = new Map([[setting('POSTGRES_USER'), setting('POSTGRES_PASSWORD')]]);
  const databases = new Map();
  for (const [key, value] of Object.entries(env)) {
    if (!key.endsWith('_DATABASE_URL') || !value) continue;
    const url = new URL(value);
    const owner = decodeURIComponent(url.username) || setting('POSTGRES_USER');
    if (url.password) roles.set(owner, decodeURIComponent(url.password));
    databases.set(decodeURIComponent(url.pathname.slice(1)), owner);
  }
  return { roles, databases };
}

export default {
  name,
  port,
  paths,
  version: () => binDir().split('/').at(-2),
  healthTimeoutMs: 60_000,
  // SIGINT = "fast shutdown": SIGTERM would wait for every pooled client connection to close.
  stopSignal: 'SIGINT',

  async install() {
    binDir();
    user();
  },

  async start() {
    const bin = binDir();
    ensureDir(paths.dir, user());
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      progress.step(name, `initdb ${clusterDir} (first run only)…`);
      await run(
        join(bin, 'initdb'),
        [
          '-D',
          clusterDir,
          '-U',
          'postgres',
          '-E',
          'UTF8',
          '--no-locale',
          '--auth-local=trust',
          '--auth-host=scram-sha-256',
          '--no-sync',
        ],
        { user: user(), cwd: paths.dir, logFile: paths.logFile },
      );
    }
    // Dev settings: fsync/full-page writes off trade crash safety for speed — fine for throwaway local data:
    // they lose data only when the machine crashes (the kernel keeps what a killed server wrote).
    // synchronous_commit stays on: off, a commit is answered (and seen by others: chat's outbox relay
    // published it) before its WAL is written, and a killed server lost messages chat had acknowledged
    // (the fault suite, e2e/faults). With fsync off it costs a write(), not a flush.
    const args = [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${socketDir}`,
    ];
    for (const option of ['fsync=off', 'full_page_writes=off', 'max_connections=200'])
      args.push('-c', option);
    return spawnDetached(join(bin, 'postgres'), args, { user: user(), cwd: paths.dir, ...paths });
  },

  async health() {
    await withSuperuser((client) => client.query('select 1'));
  },

  /** Create/refresh roles and create missing databases (idempotent). */
  async provision() {
    const { roles, databases } = wanted();
    await withSuperuser(async (client) => {
      const id = (value) => client.escapeIdentifier(value);
      for (const [role, password] of roles) {
        const exists = (await client.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
        await client.query(
          `${exists ? 'alter' : 'create'} role ${id(role)} with login createdb password ${client.escapeLiteral(password)}`,
        );
        if (!exists) progress.step(name, `created role ${role}`);
      }
      for (const [database, owner] of databases) {
        const exists = (await client.query('select 1 from pg_database where datname = $1', [database]))
          .rowCount;
        if (exists) continue;
        await client.query(`create database ${id(database)} owner ${id(owner)}`);
        progress.step(name, `created database ${database}`);
      }
    });
  },
};
