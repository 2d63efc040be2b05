import { projectConfig } from '../../tools/vitest/project.mts';

/**
 * The fault suite (`npm run test:faults`): its own project, so `npm test` (e2e/vitest.config.mts includes
 * `*.spec.ts` and `*.int-spec.ts` only) never picks it up. One file, on the real servers, bounded in time.
 */
export default projectConfig(import.meta.dirname, {
  include: ['**/*.fault-spec.ts'],
  testTimeout: 900_000,
  hookTimeout: 180_000,
});
