import { createLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
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

  constructor(@Inject(VOICE_CONFIG) config: Pick<VoiceConfig, 'LOG_LEVEL'>) {
    super();
    this.logger = createLogger('voice', config.LOG_LEVEL).child({ component: 'control' });
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
