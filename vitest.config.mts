import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'libs/*/vitest.config.mts',
      'apps/*/vitest.config.mts',
      '{infra,e2e}/vitest.config.mts',
      'tools/eslint-rules/vitest.config.mts',
    ],
    reporters: ['default', './tools/vitest/summary-reporter.mts'],
    // Integration suites share real servers (one Kafka, one Postgres): files run one at a time so they
    // never fight over the same topics and databases. Unit suites are fast enough either way.
    fileParallelism: false,
  },
});
