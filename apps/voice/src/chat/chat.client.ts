import {
  ERROR,
  type VisibleChannelsAnswer,
  type VoiceChannelAccessAnswer,
  internalPath,
} from '@bonfire/contracts';
import { AppError, getInternalJson } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { VOICE_CONFIG, type VoiceConfig } from '../config';

/**
 * Voice has no database: who may connect where is chat's knowledge, asked on each join, move and
 * signaling handshake with the signed identity of the member concerned (chat answers for that user only),
 * within VOICE_CHAT_TIMEOUT_MS. A failure is a 503, never a guess.
 */
@Injectable()
export class ChatClient {
  constructor(@Inject(VOICE_CONFIG) private readonly config: VoiceConfig) {}

  /** Type, user limit and the user's permissions in a channel; null when they cannot see it. */
  channelAccess(userId: string, channelId: string): Promise<VoiceChannelAccessAnswer | null> {
    return this.get(userId, internalPath('voice', 'channelAccess', { channelId }));
  }

  /** The guild's channels the user sees; null when they are not a member. */
  visibleChannels(userId: string, guildId: string): Promise<VisibleChannelsAnswer | null> {
    return this.get(userId, internalPath('realtime', 'visibleChannels', { guildId }));
  }

  private get<T>(userId: string, path: string): Promise<T | null> {
    return getInternalJson<T>({
      baseUrl: this.config.CHAT_URL,
      path,
      caller: { userId, sessionId: 'voice' },
      identitySecret: this.config.INTERNAL_IDENTITY_SECRET,
      timeoutMs: this.config.VOICE_CHAT_TIMEOUT_MS,
      unavailable: chatUnavailable,
    });
  }
}

function chatUnavailable(): AppError {
  return new AppError(ERROR.VOICE_UNAVAILABLE, 'Permissions cannot be checked right now.');
}
