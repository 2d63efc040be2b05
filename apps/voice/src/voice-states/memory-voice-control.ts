import { ServiceLogger } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { VoiceControl, type VoiceControlHandler, type VoiceControlMessage } from './voice-control';

/**
 * The control channel of a single voice node (the standalone shape): a message goes to this process's
 * handlers. Delivery is asynchronous and in publish order, like a pub/sub round trip, and each handler
 * gets its own copy.
 */
@Injectable()
export class InMemoryVoiceControl extends VoiceControl {
  private readonly handlers: VoiceControlHandler[] = [];
  private readonly logger;

  constructor(logger: ServiceLogger) {
    super();
    this.logger = logger.for('control');
  }

  onMessage(handler: VoiceControlHandler): void {
    this.handlers.push(handler);
  }

  async publish(message: VoiceControlMessage): Promise<void> {
    queueMicrotask(() => {
      for (const handler of this.handlers) {
        try {
          handler(structuredClone(message));
        } catch (error) {
          this.logger.error({ err: error }, 'control message handler failed');
        }
      }
    });
  }
}
