import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
