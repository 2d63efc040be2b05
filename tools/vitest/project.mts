import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

const workspaceRoot = resolve(import.meta.dirname, '../..');

/**
 * `@bonfire/<lib>` and its sub-entries (`@bonfire/sdk/voice`) resolve to the library's source, read from the
 * `@bonfire/source` condition of its package.json exports, so tests never need a prior build.
 */
function libraryAliases(): { find: RegExp; replacement: string }[] {
  const libsDir = resolve(workspaceRoot, 'libs');
  return readdirSync(libsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(resolve(libsDir, entry.name, 'package.json')))
    .flatMap((entry) => {
      const libDir = resolve(libsDir, entry.name);
      const manifest = JSON.parse(readFileSync(resolve(libDir, 'package.json'), 'utf8')) as {
        exports?: Record<string, { '@bonfire/source'?: string }>;
      };
      return Object.entries(manifest.exports ?? {})
        .filter(([, conditions]) => conditions['@bonfire/source'])
        .map(([subpath, conditions]) => ({
          find: new RegExp(`^@bonfire/${entry.name}${subpath.slice(1).replaceAll('/', '\\/')}$`),
          replacement: resolve(libDir, conditions['@bonfire/source'] as string),
        }));
    });
}

/**
 * One test setup for every project: SWC compiles TypeScript with decorator metadata (NestJS DI needs it),
 * unit tests are `*.spec.ts`, integration tests against the real servers are `*.int-spec.ts`, and medium
 * tests (a service's own modules on a real Postgres, no HTTP) are `*.medium-spec.ts`.
 */
export function projectConfig(projectDir: string, overrides: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    plugins: [swc.vite({ module: { type: 'es6' } })],
    resolve: { alias: libraryAliases() },
    test: {
      name: basename(projectDir),
      root: projectDir,
      // `npm run test:unit` sets BONFIRE_TEST_TIER=unit: only the tests that need no server.
      include:
        process.env['BONFIRE_TEST_TIER'] === 'unit'
          ? ['**/*.spec.ts']
          : ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.medium-spec.ts'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      setupFiles: [resolve(workspaceRoot, 'tools/vitest/setup.ts')],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  });
}
