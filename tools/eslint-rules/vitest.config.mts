import { projectConfig } from '../vitest/project.mts';

// The convention rules' own tests (ESLint's RuleTester with the TypeScript parser).
export default projectConfig(import.meta.dirname);
