import type { VoiceMemberModerated, VoiceSpeaking, VoiceState } from '@bonfire/contracts';
import { createEvent, type EventBus, InjectEventBus } from '@bonfire/messaging';
import { ServiceLogger } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';

/**
 * Publishes voice.state.updated and voice.speaking on voice.states (key: guild id, so one guild's
 * updates stay in order) straight to the event bus, after the state is saved. There is no outbox: voice
 * has no database to write one in the same transaction, and a lost update is repaired by the next one or
 * by GET …/voice-states (the source of truth). At-least-once: a duplicate carries the same state.
 */
@Injectable()
export class VoiceEventsPublisher {
  private readonly logger;

  constructor(
    @InjectEventBus() private readonly bus: EventBus,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('events');
  }

  /**
   * `previousChannelId`: the channel this update takes the user out of (left, moved), so the gateway tells
   * that channel's viewers too; omit it when the user stays where they were.
   */
  async stateUpdated(state: VoiceState, previousChannelId?: string | null): Promise<void> {
    const data = previousChannelId === undefined ? state : { ...state, previousChannelId };
    await this.publish(
      createEvent('voice.state.updated', state.guildId ?? state.userId, data, 'voice'),
      'voice.state.updated',
    );
  }

  /** A moderator moved or disconnected a member: for chat's audit log (the gateway does not deliver it). */
  async memberModerated(moderated: VoiceMemberModerated): Promise<void> {
    await this.publish(
      createEvent('voice.member.moderated', moderated.guildId, moderated, 'voice'),
      'voice.member.moderated',
    );
  }

  async speaking(speaking: VoiceSpeaking): Promise<void> {
    await this.publish(
      createEvent('voice.speaking', speaking.guildId ?? speaking.channelId, speaking, 'voice'),
      'voice.speaking',
    );
  }

  private async publish(event: Parameters<EventBus['publish']>[0], type: string): Promise<void> {
    try {
      await this.bus.publish(event);
    } catch (error) {
      // The state is saved (GET …/voice-states answers it); only the live push was lost.
      this.logger.error({ err: error }, `${type} could not be published`);
    }
  }
}
