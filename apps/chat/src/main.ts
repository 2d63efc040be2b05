import 'reflect-metadata';
import { createLogger, env, loadConfig, runMain, runMigrations } from '@bonfire/platform';
import { z } from 'zod';
import { startChat } from './bootstrap';
import { chatMigrations } from './database/migrations';

runMain('chat', {
  start: () => startChat(),
  migrate: () => {
    const config = loadConfig('chat', z.object({ CHAT_DATABASE_URL: env.url(['postgres', 'postgresql']) }));
    return runMigrations('chat', config.CHAT_DATABASE_URL, chatMigrations, createLogger('chat'));
  },
});
