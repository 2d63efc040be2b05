import 'reflect-metadata';
import { createLogger, ensureDependencies, env, loadConfig, runMain, runMigrations } from '@bonfire/platform';
import { z } from 'zod';
import { startAuth } from './bootstrap';
import { authMigrations } from './database/migrations';

runMain('auth', {
  start: () => startAuth(),
  migrate: async () => {
    const config = loadConfig('auth', z.object({ AUTH_DATABASE_URL: env.url(['postgres', 'postgresql']) }));
    await ensureDependencies(config);
    return runMigrations('auth', config.AUTH_DATABASE_URL, authMigrations, createLogger('auth'));
  },
});
