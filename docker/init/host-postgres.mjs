// Postgres stand-in of compose.host-infra.yml: prepares the stack's role and databases on the Postgres
// cluster `npm run infra:up` runs on the host, then stays up like host-server.mjs (same healthcheck).
//
// The stack runs with NODE_ENV=production, which refuses the cluster's development password, so it gets its
// own role (POSTGRES_USER, POSTGRES_PASSWORD from docker/.env) and databases (BONFIRE_DATABASES), created
// as the cluster's superuser over its unix socket (local connections are trusted), mounted at
// /run/infra-postgres. Only a role this script created (marked by a comment) is ever altered or dropped.
//
//   node host-postgres.mjs          prepare, then stay up (the stand-in's command)
//   node host-postgres.mjs --drop   drop the stack's databases and role (what `down --volumes` is to a
//                                   postgres container; tools/docker/ci.sh runs it for a fresh stack)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const pg = createRequire('/app/package.json')('pg');
const MARK = 'bonfire compose stack (docker/init/host-postgres.mjs)';
const role = process.env.POSTGRES_USER;
const password = process.env.POSTGRES_PASSWORD;
const port = Number(process.env.POSTGRES_PORT ?? 5432);
const databases = (process.env.BONFIRE_DATABASES ?? '').split(/\s+/).filter(Boolean);
if (!role || !password || !databases.length) {
  console.error('host-postgres: POSTGRES_USER, POSTGRES_PASSWORD and BONFIRE_DATABASES are required');
  process.exit(1);
}
if (['postgres', 'bonfire'].includes(role)) {
  console.error(`host-postgres: refusing to manage the cluster's own role "${role}": set POSTGRES_USER`);
  process.exit(1);
}

const client = new pg.Client({ host: '/run/infra-postgres', port, user: 'postgres', database: 'postgres' });
await client.connect();
try {
  const ident = (name) => client.escapeIdentifier(name);
  const existing = await client.query(
    `select shobj_description(oid, 'pg_authid') as comment from pg_roles where rolname = $1`,
    [role],
  );
  if (process.argv.includes('--drop')) {
    if (existing.rowCount === 0) {
      console.log(`role ${role} does not exist: nothing to drop`);
    } else if (existing.rows[0].comment !== MARK) {
      console.error(`host-postgres: role "${role}" was not created by this stack: not dropping anything`);
      process.exit(1);
    } else {
      for (const database of databases) {
        await client.query(`drop database if exists ${ident(database)} with (force)`);
      }
      await client.query(`drop role ${ident(role)}`);
      console.log(`dropped ${databases.join(', ')} and role ${role}`);
    }
    process.exit(0);
  }
  if (existing.rowCount === 0) {
    await client.query(`create role ${ident(role)} login password ${client.escapeLiteral(password)}`);
    await client.query(`comment on role ${ident(role)} is ${client.escapeLiteral(MARK)}`);
    console.log(`role ${role} created`);
  } else if (existing.rows[0].comment === MARK) {
    await client.query(`alter role ${ident(role)} password ${client.escapeLiteral(password)}`);
    console.log(`role ${role} exists; password set`);
  } else {
    console.error(
      `host-postgres: role "${role}" exists and was not created by this stack: choose another POSTGRES_USER`,
    );
    process.exit(1);
  }
  for (const database of databases) {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`create database ${ident(database)} owner ${ident(role)}`);
      console.log(`database ${database} created`);
    }
  }
} finally {
  await client.end();
}
writeFileSync('/tmp/prepared', ''); // the healthcheck waits for it
console.log(`standing in for the Postgres server on the host at 127.0.0.1:${port}`);
const timer = setInterval(() => {}, 1 << 30);
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => clearInterval(timer));
