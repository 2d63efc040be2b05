import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

const workspaceRoot = resolve(import.meta.dirname, '../..');

/** `@bonfire/<lib>` resolves to the library's source, so tests never need a prior build. */
function libraryAliases(): Record<string, string> {
  const libsDir = resolve(workspaceRoot, 'libs');
  return Object.fromEntries(
    readdirSync(libsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [`@bonfire/${entry.name}`, resolve(libsDir, entry.name, 'src/index.ts')]),
  );
}

/**
 * One test setup for every project: SWC compiles TypeScript with decorator metadata (NestJS DI needs it),
 * unit tests are `*.spec.ts`, integration tests against the real servers are `*.int-spec.ts`.
 */
export function projectConfig(projectDir: string, overrides: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    plugins: [swc.vite({ module: { type: 'es6' } })],
    resolve: { alias: libraryAliases() },
    test: {
      name: basename(projectDir),
      root: projectDir,
      include: ['**/*.spec.ts', '**/*.int-spec.ts'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      setupFiles: [resolve(workspaceRoot, 'tools/vitest/setup.ts')],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  });
}
