import 'reflect-metadata';
import { runMain } from '@bonfire/platform';
import { startPresence } from './bootstrap';

// Presence owns no database (its state lives in Redis, or in memory when standalone): nothing to migrate.
runMain('presence', {
  start: () => startPresence(),
});
