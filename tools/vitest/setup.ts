import 'reflect-metadata';
import { loadWorkspaceEnv } from '../scripts/workspace-env.mjs';

// Tests see the same settings as `npm start` and infra/: bonfire.env, then .env.local, then the shell.
loadWorkspaceEnv();
