import 'reflect-metadata';
import { runMain } from '@bonfire/platform';
import { startVoice } from './bootstrap';

// Voice owns no database (its state lives in Redis or memory, its media in mediasoup workers): nothing to
// migrate.
runMain('voice', {
  start: () => startVoice(),
});
