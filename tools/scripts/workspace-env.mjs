// The one place that reads Bonfire's env files. Order of precedence (highest first):
// the shell's environment, then .env.local (git-ignored, your overrides), then bonfire.env (defaults).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function loadWorkspaceEnv() {
  for (const file of ['.env.local', 'bonfire.env']) {
    const path = resolve(workspaceRoot, file);
    // process.loadEnvFile never overwrites variables that are already set, so earlier files win.
    if (existsSync(path)) process.loadEnvFile(path);
  }
  return process.env;
}
