import 'reflect-metadata';
import { createLogger, ensureDependencies, env, loadConfig, runMain, runMigrations } from '@bonfire/platform';
import { z } from 'zod';
import { startChat } from './bootstrap';
import { chatMigrations } from './database/migrations';

runMain('chat', {
  start: () => startChat(),
  migrate: async () => {
    const config = loadConfig('chat', z.object({ CHAT_DATABASE_URL: env.url(['postgres', 'postgresql']) }));
    await ensureDependencies(config);
    return runMigrations('chat', config.CHAT_DATABASE_URL, chatMigrations, createLogger('chat'));
  },
});
