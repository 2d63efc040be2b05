import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './define-event';

/** Events with no business meaning, used by the messaging tests and health checks of the bus itself. */
export const platformEvents = {
  'platform.selftest': defineEvent({
    topic: TOPICS.platformSelftest,
    version: 1,
    schema: z.object({ sequence: z.number().int().nonnegative(), note: z.string().optional() }),
  }),
};
