import { z } from 'zod';
import { snowflakeSchema } from '../api/input';
import { relationshipSchema, RELATIONSHIP_TYPES } from '../api/relationships.dto';
import { TOPICS } from '../topics';
import { defineEvent } from './define-event';

const id = snowflakeSchema;

/**
 * Relationship changes (issue 20), one event per side that changed: `userId` is whose list changed.
 * They travel on chat.members (who relates to whom; presence and the gateways consume it already),
 * keyed by the pair ("<lower id>:<higher id>"), so both sides of one pair stay in order. Presence reads
 * blocks and friendships from them; the gateway sends each to `userId`'s own sessions.
 */
export const relationshipEvents = {
  /** A relationship appeared or changed type (e.g. outgoing → friend). */
  'relationship.added': defineEvent({
    topic: TOPICS.chatMembers,
    version: 1,
    schema: z.object({ userId: id, relationship: relationshipSchema }),
  }),
  /** A relationship ended (friend removed, request cancelled or declined, unblocked). */
  'relationship.removed': defineEvent({
    topic: TOPICS.chatMembers,
    version: 1,
    schema: z.object({ userId: id, id, type: z.enum(RELATIONSHIP_TYPES) }),
  }),
};
