import {
  type VisibleChannelsAnswer,
  VOICE_REST_ERROR_CODES,
  type VoiceChannelAccessAnswer,
} from '@bonfire/contracts';
import { AppError, IDENTITY_HEADER, signIdentity } from '@bonfire/platform';
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
    return this.get(userId, `/internal/v1/voice/channels/${encodeURIComponent(channelId)}/access`);
  }

  /** The guild's channels the user sees; null when they are not a member. */
  visibleChannels(userId: string, guildId: string): Promise<VisibleChannelsAnswer | null> {
    return this.get(userId, `/internal/v1/realtime/guilds/${encodeURIComponent(guildId)}/visible-channels`);
  }

  private async get<T>(userId: string, path: string): Promise<T | null> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.config.CHAT_URL), {
        headers: {
          [IDENTITY_HEADER]: signIdentity(this.config.INTERNAL_IDENTITY_SECRET, {
            userId,
            sessionId: 'voice',
          }),
        },
        signal: AbortSignal.timeout(this.config.VOICE_CHAT_TIMEOUT_MS),
      });
    } catch {
      throw chatUnavailable();
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw chatUnavailable();
    }
    return (await response.json()) as T;
  }
}

function chatUnavailable(): AppError {
  return new AppError(
    503,
    VOICE_REST_ERROR_CODES.voiceUnavailable,
    'Permissions cannot be checked right now.',
  );
}
