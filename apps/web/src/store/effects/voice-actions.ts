import type { VoiceStatus } from '@bonfire/contracts';
import type { MemberVoiceStateUpdate, SearchQuery, SearchResults, VoiceState } from '@bonfire/sdk';
import type { VoiceClient } from '@bonfire/sdk/voice';
import * as voice from '../slices/voice';
import type { StoreKernel } from './kernel';

/**
 * Voice in a guild (who is where, and a moderator's mute, deafen, move and disconnect) and message search.
 * Moderation answers change nothing here: `voice.state.updated` brings the new state.
 */
export class VoiceActions {
  constructor(private readonly kernel: StoreKernel) {}

  /** Whether voice is offered on this instance (the availability store asks it). */
  status(): Promise<VoiceStatus> {
    return this.kernel.client.voice.status();
  }

  /**
   * My voice connection. mediasoup-client loads here, with the first join: people who never use voice
   * never download it.
   */
  async createVoiceClient(userId: string): Promise<VoiceClient> {
    const { createVoiceClient } = await import('../../voice/voice-loader');
    return createVoiceClient(this.kernel.client, { userId });
  }

  /** Who is in which of the guild's voice channels now; the dispatches keep it current afterwards. */
  async loadGuildStates(guildId: string): Promise<void> {
    const states = await this.kernel.client.voice.guildStates(guildId);
    this.kernel.update((state) => voice.setVoiceStates(state, states));
  }

  moderate(guildId: string, userId: string, change: MemberVoiceStateUpdate): Promise<VoiceState> {
    return this.kernel.client.voice.moderate(guildId, userId, change);
  }

  disconnect(guildId: string, userId: string): Promise<void> {
    return this.kernel.client.voice.disconnect(guildId, userId);
  }
}

/** Message search, in a whole guild or one channel (a DM's included). */
export class SearchActions {
  constructor(private readonly kernel: StoreKernel) {}

  guild(guildId: string, query: SearchQuery): Promise<SearchResults> {
    return this.kernel.client.search.guild(guildId, query);
  }

  channel(channelId: string, query: SearchQuery): Promise<SearchResults> {
    return this.kernel.client.search.channel(channelId, query);
  }
}
