// Small helpers shared by the workspace scripts (start, test): run a command, find the service apps.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace-env.mjs';

/** Runs a command in the workspace root with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: workspaceRoot,
      stdio: 'inherit',
      env: process.env,
      ...options,
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrExit(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) process.exit(code);
}

/** Apps that are backend services: they have a `main` entry (the web client has none). */
export function serviceApps() {
  const appsDir = join(workspaceRoot, 'apps');
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'package.json')))
    .map((entry) => ({
      name: entry.name,
      pkg: JSON.parse(readFileSync(join(appsDir, entry.name, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => typeof pkg.main === 'string')
    .map(({ name, pkg }) => ({ name, entry: join(appsDir, name, pkg.main) }));
}
