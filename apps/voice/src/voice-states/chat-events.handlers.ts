import type { AnyEvent } from '@bonfire/contracts';
import { EventHandlers, eventGroup } from '@bonfire/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VoiceStatesService } from './voice-states.service';

const CHAT_EVENTS = eventGroup(VOICE_CONFIG, (config: VoiceConfig) => ({
  group: config.VOICE_CONSUMER_GROUP,
  startFrom: 'latest',
  enabled: config.VOICE_MEMBERS_CONSUMER_ENABLED,
  readiness: 'chat-events-consumer',
}));

/**
 * chat.members, chat.roles, chat.channels, chat.guilds → who may stay in voice:
 * - a member who left the guild (left, kicked, banned) is disconnected;
 * - a deleted channel (or guild) disconnects everyone in it (`channel-deleted`);
 * - a deleted account (auth.users `user.deleted`) is disconnected from any voice channel or call;
 * - a change that may alter permissions (a role changed or deleted, a member's roles, a channel's
 *   overwrites, the guild's owner) re-checks, through chat, the users in voice it concerns: who lost
 *   VIEW_CHANNEL or CONNECT is disconnected (`missing-permission`), who lost SPEAK or STREAM has those
 *   producers closed (VoiceStatesService.recheck*).
 * Starts from the latest offset: a voice state older than the consumer group cannot predate the event
 * that matters. Idempotent (ending a state that is gone, or re-applying the same permissions, does
 * nothing) and cheap when nobody is in voice in the guild (one store read, no chat call).
 */
@EventHandlers()
export class ChatEventsHandlers {
  constructor(private readonly states: VoiceStatesService) {}

  /** What one chat event means for the users in voice. */
  @EventPattern(
    [
      'member.left',
      'member.updated',
      'role.updated',
      'role.deleted',
      'channel.updated',
      'channel.deleted',
      'guild.updated',
      'guild.deleted',
      // a deleted account leaves voice at once
      'user.deleted',
    ],
    CHAT_EVENTS,
  )
  handle(@Payload() event: AnyEvent): Promise<void> {
    switch (event.type) {
      case 'member.left':
        return this.states.memberLeft(event.data.guildId, event.data.userId);
      case 'member.updated':
        return this.states.recheckMember(event.data.member.guildId, event.data.member.userId);
      case 'role.updated':
        return this.states.recheckGuild(event.data.role.guildId);
      case 'role.deleted':
        return this.states.recheckGuild(event.data.guildId);
      case 'channel.updated':
        return this.states.recheckChannel(event.data.channel.id);
      case 'channel.deleted':
        return this.states.channelDeleted(event.data.channelId);
      case 'guild.updated':
        return this.states.recheckGuild(event.data.guild.id);
      case 'guild.deleted':
        return this.states.guildDeleted(event.data.guildId);
      case 'user.deleted':
        return this.states.userDeleted(event.data.userId);
      default:
        // role.created (no members yet), member.joined, ban.removed, channel.created: nobody loses anything.
        return Promise.resolve();
    }
  }
}
