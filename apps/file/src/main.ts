import 'reflect-metadata';
import { createLogger, ensureDependencies, env, loadConfig, runMain, runMigrations } from '@bonfire/platform';
import { z } from 'zod';
import { startFile } from './bootstrap';
import { fileMigrations } from './database/migrations';

runMain('file', {
  start: () => startFile(),
  migrate: async () => {
    const config = loadConfig('file', z.object({ FILE_DATABASE_URL: env.url(['postgres', 'postgresql']) }));
    await ensureDependencies(config);
    return runMigrations('file', config.FILE_DATABASE_URL, fileMigrations, createLogger('file'));
  },
});
