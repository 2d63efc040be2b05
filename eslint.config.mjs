import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Files over the 400-line limit, each with its reason or the split it waits for (issue 22). */
/** Tests, and the helpers and contract suites only tests import. */
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.medium-spec.ts'];
const TEST_SUPPORT_FILES = ['**/*test-kit.ts', '**/*.contract.ts', '**/testing/**'];

const OVERSIZED_FILES = [
  'e2e/authz/exercises.ts', // one table: how to exercise every route of the matrix
  'tools/fuzz/config.mjs', // one table: per-operation settings of the fuzz stage
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '.data/**', 'coverage/**', 'e2e/artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    plugins: { '@nx': nx },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No consistent-type-imports: NestJS resolves constructor parameters from emitted decorator
      // metadata, and a type-only import of an injected class would silently break injection.
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
      // Library boundaries (see docs/ARCHITECTURE.md): apps import libs, never each other; libs never
      // import apps; contracts depend on nothing but zod; infrastructure libs never hold domain logic.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: [],
              allowedExternalImports: ['zod', 'vitest'],
            },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
            { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:messaging', 'type:sdk'],
            },
            {
              sourceTag: 'type:e2e',
              // messaging: e2e tests observe the events services publish
              onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:messaging', 'type:sdk'],
            },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'type:tools',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:sdk'],
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line scripts talk to the person running them.
    files: ['infra/**/*.mjs', 'tools/**/*.mjs', 'tools/**/*.ts', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The web client's service worker (Web Push) runs in the worker's global scope.
    files: ['apps/web/public/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: TEST_FILES,
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Bonfire's conventions (tools/eslint-rules, each tested there; docs/CONVENTIONS.md says why).
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/workspace-no-id-regex-literal': ['error', { allow: ['libs/contracts/src/api/input.ts'] }],
    },
  },
  {
    // Tests and fakes may answer codes as strings (a fake upstream, an assertion); production code may not.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TEST_FILES, ...TEST_SUPPORT_FILES],
    rules: {
      '@nx/workspace-error-code-from-catalogue': [
        'error',
        { allow: ['libs/contracts/src/errors/catalogue.ts'] },
      ],
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: {
      '@nx/workspace-no-query-builder-outside-repository': 'error',
      '@nx/workspace-no-infrastructure-client-in-apps': 'error',
      '@nx/workspace-route-public-agrees-with-gateway': 'error',
      '@nx/workspace-route-through-endpoint': 'error',
    },
  },
  {
    // Web components call the SDK only through the store; the screens before sign-in have no store.
    files: ['apps/web/src/**/*.tsx'],
    rules: {
      '@nx/workspace-no-sdk-client-in-components': [
        'error',
        {
          allow: [
            'apps/web/src/app/App.tsx',
            'apps/web/src/auth/AuthScreen.tsx',
            'apps/web/src/auth/MailLinkPages.tsx',
            'apps/web/src/two-factor/MfaCodeForm.tsx',
            'apps/web/src/guilds/InvitePreviewScreen.tsx',
          ],
        },
      ],
    },
  },
  {
    // One place for internal routes: controllers mount INTERNAL_ROUTES, callers use internalPath(). Tests keep
    // literal paths: they pin what goes on the wire.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TEST_FILES, ...TEST_SUPPORT_FILES],
    rules: {
      '@nx/workspace-internal-route-from-contracts': [
        'error',
        { allow: ['libs/contracts/src/internal-routes.ts'] },
      ],
    },
  },
  {
    // One logger: ServiceLogger injected, `for(component)`.
    files: ['apps/*/src/**/*.ts'],
    rules: { '@nx/workspace-logger-injected': 'error' },
  },
  {
    // Test helpers are an entry of their own, never reached from production code.
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    ignores: [...TEST_FILES, ...TEST_SUPPORT_FILES],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@bonfire/platform/testing', message: 'test helpers: only tests import them' }] },
      ],
    },
  },
  {
    // A file a newcomer can read in one sitting. Tests, benchmarks and generated files are exempt; the
    // files still above the limit are listed with what splitting them waits for.
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    ignores: [...TEST_FILES, 'tools/bench/**', '**/generated/**', ...OVERSIZED_FILES],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }] },
  },
  prettier,
);
