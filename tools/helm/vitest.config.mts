import { projectConfig } from '../vitest/project.mts';

// The chart's monitoring checks (tools/helm/check.sh runs them: `npx vitest run --config tools/helm/vitest.config.mts`).
// Not a root project: it needs the helm binary check.sh builds.
export default projectConfig(import.meta.dirname, { testTimeout: 120_000, hookTimeout: 180_000 });
