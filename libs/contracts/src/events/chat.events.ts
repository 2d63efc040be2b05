import { z } from 'zod';
import {
  channelSchema,
  guildSchema,
  inviteSchema,
  MEMBER_LEFT_REASONS,
  memberSchema,
  messageSchema,
  roleSchema,
  threadMemberSchema,
} from '../api/chat.dto';
import { snowflakeSchema } from '../api/input';
import { TOPICS } from '../topics';
import { userProfileSchema } from './auth.events';
import { defineEvent } from './define-event';

const id = snowflakeSchema;

/**
 * Chat's domain events. Keys: guild-level events by guild id; channel, message and reaction events by
 * channel id (one channel's events keep their order); read states by user id.
 */
export const chatEvents = {
  'guild.created': defineEvent({
    topic: TOPICS.chatGuilds,
    version: 1,
    schema: z.object({ guild: guildSchema }),
  }),
  'guild.updated': defineEvent({
    topic: TOPICS.chatGuilds,
    version: 1,
    // previousOwnerId: set on an ownership transfer (what both owners see changes).
    schema: z.object({ guild: guildSchema, previousOwnerId: id.optional() }),
  }),
  'guild.deleted': defineEvent({ topic: TOPICS.chatGuilds, version: 1, schema: z.object({ guildId: id }) }),

  'channel.created': defineEvent({
    topic: TOPICS.chatChannels,
    version: 1,
    schema: z.object({ channel: channelSchema }),
  }),
  'channel.updated': defineEvent({
    topic: TOPICS.chatChannels,
    version: 1,
    schema: z.object({ channel: channelSchema }),
  }),
  'channel.deleted': defineEvent({
    topic: TOPICS.chatChannels,
    version: 1,
    schema: z.object({ channelId: id, guildId: id.nullable() }),
  }),

  /**
   * Threads, keyed by the thread id on the messages topic: a thread's own events and its messages keep
   * one order (an unarchive reaches the gateways before the message that caused it). The thread is a
   * channel with `thread` set.
   */
  'thread.created': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({ thread: channelSchema }),
  }),
  'thread.updated': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({ thread: channelSchema }),
  }),
  'thread.deleted': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({
      threadId: id,
      parentId: id,
      guildId: id,
      type: z.enum(['public_thread', 'private_thread']),
    }),
  }),
  /** Members joined or left: the thread's member count, who was added and who was removed. */
  'thread.members.updated': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({
      threadId: id,
      guildId: id,
      type: z.enum(['public_thread', 'private_thread']),
      memberCount: z.number().int().min(0),
      added: z.array(threadMemberSchema),
      removedUserIds: z.array(id),
    }),
  }),

  'member.joined': defineEvent({
    topic: TOPICS.chatMembers,
    version: 1,
    schema: z.object({ member: memberSchema }),
  }),
  'member.updated': defineEvent({
    topic: TOPICS.chatMembers,
    version: 1,
    schema: z.object({ member: memberSchema }),
  }),
  'member.left': defineEvent({
    topic: TOPICS.chatMembers,
    version: 1,
    schema: z.object({ guildId: id, userId: id, reason: z.enum(MEMBER_LEFT_REASONS) }),
  }),
  /**
   * A member's removal from the guild (kicked, banned, left) as one of its channels sees it: written with
   * `member.left`, once per channel of the guild, keyed by the channel on the messages topic — so whoever
   * reads a channel's messages in order meets it before any message sent after the removal (the realtime
   * gateways fence the user's sessions out of the channel there). Not a client event.
   */
  'channel.member.left': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({ guildId: id, channelId: id, userId: id }),
  }),
  /**
   * A user's name or avatar changed (chat applied auth's `user.updated` to its users projection), with the
   * audience chat computed then: the guilds the user is a member of and the DMs and group DMs they are in.
   * Keyed by the user id. The gateways send the profile as `user.updated` to those guilds' and DMs' rooms
   * and to the user's own sessions, nobody else.
   */
  'user.profile.updated': defineEvent({
    topic: TOPICS.chatMembers,
    version: 1,
    schema: z.object({ user: userProfileSchema, guildIds: z.array(id), dmChannelIds: z.array(id) }),
  }),
  'ban.removed': defineEvent({
    topic: TOPICS.chatMembers,
    version: 1,
    schema: z.object({ guildId: id, userId: id }),
  }),

  'role.created': defineEvent({
    topic: TOPICS.chatRoles,
    version: 1,
    schema: z.object({ role: roleSchema }),
  }),
  'role.updated': defineEvent({
    topic: TOPICS.chatRoles,
    version: 1,
    schema: z.object({ role: roleSchema }),
  }),
  'role.deleted': defineEvent({
    topic: TOPICS.chatRoles,
    version: 1,
    schema: z.object({ guildId: id, roleId: id }),
  }),

  'invite.created': defineEvent({
    topic: TOPICS.chatInvites,
    version: 1,
    schema: z.object({ invite: inviteSchema }),
  }),
  'invite.deleted': defineEvent({
    topic: TOPICS.chatInvites,
    version: 1,
    schema: z.object({ guildId: id, code: z.string() }),
  }),

  'message.created': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({ message: messageSchema }),
  }),
  'message.updated': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({ message: messageSchema }),
  }),
  'message.deleted': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({
      messageId: id,
      channelId: id,
      guildId: id.nullable(),
      /** The message's revision + 1, so a late update never resurrects it. */
      revision: z.number().int(),
      attachmentIds: z.array(id),
    }),
  }),

  /**
   * Reactions travel on the messages topic, keyed by the channel like messages: in a channel's ordered
   * stream a reaction never overtakes its message's creation, nor a removal's `channel.member.left` fence.
   */
  'reaction.added': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({ messageId: id, channelId: id, guildId: id.nullable(), userId: id, emoji: z.string() }),
  }),
  'reaction.removed': defineEvent({
    topic: TOPICS.chatMessages,
    version: 1,
    schema: z.object({ messageId: id, channelId: id, guildId: id.nullable(), userId: id, emoji: z.string() }),
  }),

  'readstate.updated': defineEvent({
    topic: TOPICS.chatReadStates,
    version: 1,
    schema: z.object({
      userId: id,
      channelId: id,
      lastReadMessageId: id.nullable(),
      mentionCount: z.number().int().min(0),
    }),
  }),
};
