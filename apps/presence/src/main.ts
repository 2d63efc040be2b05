import 'reflect-metadata';
import { runMain } from '@bonfire/platform';
import { startPresence } from './bootstrap';

// Presence owns no database (its state lives in Redis): there is nothing to migrate.
runMain('presence', {
  start: () => startPresence(),
});
