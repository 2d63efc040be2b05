#!/usr/bin/env node
// Puts mediasoup's C++ worker where the mediasoup package looks for it
// (node_modules/mediasoup/worker/out/Release/mediasoup-worker). Runs after `npm install` / `npm ci`.
//
// mediasoup's own install script is disabled (package.json allowScripts): it downloads a prebuilt worker or the
// worker's dependencies from GitHub. Instead the worker is built once from Debian's libraries by build-worker.sh
// (~3–5 minutes on 2 cores) and cached in ~/.cache/bonfire, so later installs copy it in a second.
// Without the build tools this prints how to get them and carries on: everything but voice works.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const APT_PACKAGES =
  'meson ninja-build pkg-config g++ libssl-dev libuv1-dev libsrtp2-dev libusrsctp-dev libabsl-dev ' +
  'libflatbuffers-dev flatbuffers-compiler';
const PKG_CONFIG_MODULES = ['openssl', 'libuv', 'libsrtp2', 'usrsctp', 'absl_flat_hash_map', 'flatbuffers'];

const require = createRequire(import.meta.url);
let packageDir;
try {
  packageDir = dirname(require.resolve('mediasoup/package.json'));
} catch {
  process.exit(0); // mediasoup not installed (e.g. a production install without it)
}
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
const target = join(packageDir, 'worker/out/Release/mediasoup-worker');
const cacheRoot = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
// A build is named by the mediasoup version and the recipe (build-worker.sh: its patches, its options), so a
// changed recipe rebuilds instead of reusing an old binary from the cache or node_modules.
const buildScript = join(import.meta.dirname, 'build-worker.sh');
const recipe = createHash('sha256').update(readFileSync(buildScript)).digest('hex').slice(0, 12);
const buildName = `${version}-${recipe}`;
const cached = join(cacheRoot, 'bonfire', `mediasoup-worker-${buildName}`, 'mediasoup-worker');
const marker = `${target}.bonfire-build`;
const force = process.argv.includes('--force');

function install(from) {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(from, target);
  chmodSync(target, 0o755);
  writeFileSync(marker, `${buildName}\n`);
}

function installedBuild() {
  return existsSync(target) && existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;
}

function missingTools() {
  const missing = ['meson', 'ninja', 'pkg-config', 'c++', 'flatc'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
  if (missing.length === 0) {
    for (const module of PKG_CONFIG_MODULES) {
      if (spawnSync('pkg-config', ['--exists', module]).status !== 0) missing.push(`${module} (pkg-config)`);
    }
  }
  return missing;
}

if (installedBuild() === buildName && !force) {
  console.log(`mediasoup ${version} worker: present (build ${buildName})`);
} else if (existsSync(cached) && !force) {
  install(cached);
  console.log(`mediasoup ${version} worker: installed from ${cached}`);
} else {
  const missing = missingTools();
  if (missing.length > 0) {
    console.warn(
      `mediasoup ${version} worker: NOT built (missing: ${missing.join(', ')}). Voice will not start.\n` +
        `  Install the build tools, then run \`node tools/mediasoup/install-worker.mjs\`:\n` +
        `  apt-get install -y --no-install-recommends ${APT_PACKAGES}`,
    );
    process.exit(0);
  }
  console.log(`mediasoup ${version} worker: building from Debian libraries (a few minutes, once)…`);
  const started = Date.now();
  const build = spawnSync(
    'bash',
    [join(import.meta.dirname, 'build-worker.sh'), join(packageDir, 'worker'), cached],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (build.status !== 0) {
    console.error(`${build.stdout}${build.stderr}\nmediasoup ${version} worker: build FAILED (output above)`);
    process.exit(1);
  }
  install(cached);
  console.log(`mediasoup ${version} worker: built in ${Math.round((Date.now() - started) / 1000)} s`);
}
