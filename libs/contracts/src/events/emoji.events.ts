import { z } from 'zod';
import { guildEmojisUpdatedSchema } from '../api/emoji.dto';
import { snowflakeSchema } from '../api/input';
import { TOPICS } from '../topics';
import { defineEvent } from './define-event';

/** Custom emoji events: guild-level, keyed by the guild id like the guild's own events. */
export const emojiEvents = {
  /** A guild's emoji were created, renamed or deleted: the full list after the change (as Discord). */
  'guild.emojis.updated': defineEvent({
    topic: TOPICS.chatGuilds,
    version: 1,
    schema: guildEmojisUpdatedSchema,
  }),
  /**
   * One emoji was deleted (beside the `guild.emojis.updated` that clients get; not dispatched): the file
   * service deletes its image, whose id is the emoji's.
   */
  'emoji.deleted': defineEvent({
    topic: TOPICS.chatGuilds,
    version: 1,
    schema: z.object({ guildId: snowflakeSchema, emojiId: snowflakeSchema }),
  }),
};
