import type { Dispatch, Message, ReadyPayload } from '@bonfire/sdk';
import { notificationSettingsOf } from '../../notifications/notification-settings';
import * as guilds from '../slices/guilds';
import { removeMessage, mapMessage } from '../slices/messages';
import { withReaction } from '../slices/message-history';
import { applyPresenceUpdate, clearTyping, startTyping } from '../slices/presence';
import { countMention, noteChannel, putReadState } from '../slices/read-states';
import { applyUserUpdate } from '../slices/session';
import { setSpeaking, setVoiceStates } from '../slices/voice';
import { applyReady, setThreadMemberCount } from '../updates';
import type { GuildEffects } from './guilds';
import type { StoreKernel } from './kernel';
import type { MessageEffects } from './messages';
import type { ReadStateEffects } from './read-states';
import type { ThreadEffects } from './threads';
import type { UserEffects } from './users';

interface GatewayDeps {
  users: UserEffects;
  messages: MessageEffects;
  guilds: GuildEffects;
  readStates: ReadStateEffects;
  threads: ThreadEffects;
}

/** Turns the realtime connection's events into slice updates, and starts the fetches they call for. */
export class GatewayEffects {
  private everReady = false;

  constructor(
    private readonly kernel: StoreKernel,
    private readonly deps: GatewayDeps,
  ) {}

  onReady(payload: ReadyPayload): void {
    const { users, guilds: guildEffects, readStates, messages } = this.deps;
    for (const entry of payload.guilds) {
      for (const userId of entry.members.userIds) void users.ensureUser(userId);
    }
    for (const dm of payload.dms) {
      for (const userId of dm.recipientIds) void users.ensureUser(userId);
    }
    const reconnected = this.everReady;
    this.everReady = true;
    this.kernel.update((state) => applyReady(state, payload));
    void readStates.loadMentionCounts();
    for (const entry of payload.guilds) void guildEffects.loadMembers(entry.guild.id);
    // A fresh session after a gap (resync): what was missed is fetched again and merged by id.
    if (reconnected) {
      for (const [channelId, history] of Object.entries(this.kernel.getState().histories)) {
        if (history.loaded) void messages.refreshLatest(channelId);
      }
    }
  }

  onDispatch(dispatch: Dispatch): void {
    const me = this.kernel.getState().me?.id;
    const { update } = this.kernel;
    const { users, messages, threads } = this.deps;
    switch (dispatch.type) {
      case 'message.created':
        return this.onMessageCreated(dispatch.data.message, me);
      case 'message.updated':
        return messages.receive(dispatch.data.message);
      case 'message.deleted': {
        const { channelId, messageId } = dispatch.data;
        threads.countRemovedMessage(channelId);
        return update((state) => removeMessage(state, channelId, messageId));
      }
      case 'reaction.added':
      case 'reaction.removed': {
        const { channelId, messageId, emoji, userId } = dispatch.data;
        const reaction = {
          emoji,
          delta: dispatch.type === 'reaction.added' ? 1 : -1,
          mine: userId === me,
        } as const;
        return update((state) =>
          mapMessage(state, channelId, messageId, (message) => withReaction(message, reaction)),
        );
      }
      case 'channel.created':
      case 'channel.updated': {
        const { channel } = dispatch.data;
        if (dispatch.type === 'channel.created') {
          // Also a channel a role or ownership change revealed (the gateway sends it as created).
          update((state) => noteChannel(state, channel.id, channel.lastMessageId));
          this.deps.readStates.catchUpNewChannel(channel.id);
        }
        if (channel.guildId !== null) return update((state) => guilds.putChannel(state, channel));
        // Removed from a group DM: the conversation goes (the gateway also sends channel.deleted).
        if (me !== undefined && !channel.recipientIds.includes(me)) {
          return update((state) => guilds.removeDm(state, channel.id));
        }
        return this.deps.guilds.addDm(channel);
      }
      case 'channel.deleted': {
        const { channelId, guildId } = dispatch.data;
        if (guildId === null) return update((state) => guilds.removeDm(state, channelId));
        return update((state) => guilds.removeChannel(state, guildId, channelId));
      }
      case 'guild.updated':
        // An ownership transfer can change what this user sees: the gateway sends the channels it reveals
        // as channel.created and those it hides as channel.deleted.
        return update((state) => guilds.putGuild(state, dispatch.data.guild));
      case 'guild.deleted':
        return update((state) => guilds.removeGuild(state, dispatch.data.guildId));
      case 'member.joined':
      case 'member.updated': {
        const { member } = dispatch.data;
        void users.ensureUser(member.userId);
        if (member.userId === me && !this.kernel.getState().guilds[member.guildId]) {
          this.deps.guilds.fetchJoinedGuild(member.guildId);
        }
        // Channels new roles reveal or hide come as channel.created / channel.deleted.
        return update((state) => guilds.memberArrived(state, member));
      }
      case 'member.left': {
        const { guildId, userId } = dispatch.data;
        if (userId === me) return update((state) => guilds.removeGuild(state, guildId));
        return update((state) => guilds.memberLeft(state, guildId, userId));
      }
      case 'role.created':
      case 'role.updated':
        // Channels a permission change reveals or hides come as channel.created / channel.deleted.
        return update((state) => guilds.putRole(state, dispatch.data.role));
      case 'role.deleted':
        return update((state) => guilds.removeRole(state, dispatch.data.guildId, dispatch.data.roleId));
      case 'readstate.updated': {
        const { channelId, lastReadMessageId, mentionCount } = dispatch.data;
        return update((state) => putReadState(state, channelId, { lastReadMessageId, mentionCount }));
      }
      case 'presence.updated':
        return update((state) => applyPresenceUpdate(state, dispatch.data, me));
      case 'user.updated':
        return update((state) => applyUserUpdate(state, dispatch.data));
      case 'typing.started': {
        if (dispatch.data.userId === me) return;
        void users.ensureUser(dispatch.data.userId);
        return update((state) => startTyping(state, dispatch.data, Date.now()));
      }
      case 'voice.state.updated':
        void users.ensureUser(dispatch.data.userId);
        return update((state) => setVoiceStates(state, [dispatch.data]));
      case 'voice.speaking':
        return update((state) => setSpeaking(state, dispatch.data.userId, dispatch.data.speaking));
      case 'thread.created':
      case 'thread.updated':
        return threads.receiveThread(dispatch.data.thread);
      case 'thread.deleted':
        return threads.removeThread(dispatch.data.threadId);
      case 'thread.members.updated': {
        // The member count changes (an open thread panel asks again whether this user is a member).
        const { threadId, memberCount } = dispatch.data;
        return update((state) => setThreadMemberCount(state, threadId, memberCount));
      }
    }
  }

  private onMessageCreated(message: Message, me: string | undefined): void {
    this.deps.messages.receive(message);
    this.deps.threads.countNewMessage(message);
    this.kernel.update((state) => clearTyping(state, message.channelId, message.authorId));
    // @everyone/@here count as a mention unless my settings for the guild suppress them.
    const everyone =
      message.mentions.everyone &&
      !(message.guildId && notificationSettingsOf(this.kernel.client).get(message.guildId)?.suppressEveryone);
    const mentionsMe =
      message.authorId !== me && (everyone || (me !== undefined && message.mentions.userIds.includes(me)));
    const isDm = message.guildId === null && message.authorId !== me;
    if (mentionsMe || isDm) this.kernel.update((state) => countMention(state, message.channelId));
  }
}
