#!/usr/bin/env node
// Runs the standalone shape from the build output (npm start builds first, then runs this).
import { loadWorkspaceEnv } from '../scripts/workspace-env.mjs';
import { DataFolderInUseError, startStandalone } from './standalone.mjs';

const env = loadWorkspaceEnv();
const started = Date.now();
const quiet = process.argv.includes('--quiet');
const log = (line) => {
  if (!quiet) console.log(`  ${line}`);
};

let platform;
try {
  platform = await startStandalone(env, { log });
} catch (error) {
  if (error instanceof DataFolderInUseError || error?.name === 'ConfigError') {
    console.error(`✗ ${error.message}`);
  } else {
    // One line that names the cause first (what a log summary shows), then the details.
    console.error(`✗ Bonfire failed to start: ${error?.message ?? error}`);
    console.error(error);
  }
  process.exit(1);
}

const port = env.GATEWAY_PORT ?? '8080';
const publicUrl = `http://localhost:${port}`;
console.log(`\n✓ Bonfire is running (standalone, one process) in ${Date.now() - started} ms`);
console.log(`  web client  ${publicUrl}`);
console.log(`  API docs    ${publicUrl}/api/docs`);
console.log(`  health      ${publicUrl}/health/ready`);
console.log(`  data        ${platform.dataDir}`);
console.log('  Ctrl-C stops it; your data stays in the data folder.\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\n▸ stopping…');
    const force = setTimeout(() => {
      console.error('✗ shutdown took too long: exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    platform.stop().then(
      () => {
        console.log('✓ stopped');
        process.exit(0);
      },
      (error) => {
        console.error('✗ shutdown failed:', error);
        process.exit(1);
      },
    );
  });
}
