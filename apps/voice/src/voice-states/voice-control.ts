import type { VoiceServerEvents, VoiceState } from '@bonfire/contracts';
import { createLogger, HealthRegistry, InjectRedis, type Redis } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VoiceKeys } from '../voice.keys';

/** What the REST side tells the node holding a session (any node may answer REST; one hosts the room). */
export type VoiceControlMessage =
  | { type: 'state'; sessionId: string; state: VoiceState }
  | { type: 'end'; sessionId: string; closed: VoiceServerEvents['closed'] };

export type VoiceControlHandler = (message: VoiceControlMessage) => void;

/**
 * Redis pub/sub between voice nodes: a state change or session end is published once, and the node that
 * holds the session's signaling connection applies it (the others ignore it).
 */
@Injectable()
export class VoiceControl implements OnModuleInit, OnApplicationShutdown {
  private subscriber!: Redis;
  private readonly handlers: VoiceControlHandler[] = [];
  private readonly logger;

  constructor(
    @Inject(VOICE_CONFIG) config: VoiceConfig,
    @InjectRedis() private readonly redis: Redis,
    private readonly keys: VoiceKeys,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger('voice', config.LOG_LEVEL).child({ component: 'control' });
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate({ connectionName: 'bonfire-voice-control' });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, raw: string) => {
      let message: VoiceControlMessage;
      try {
        message = JSON.parse(raw) as VoiceControlMessage;
      } catch {
        return;
      }
      for (const handler of this.handlers) {
        try {
          handler(message);
        } catch (error) {
          this.logger.error({ err: error }, 'control message handler failed');
        }
      }
    });
    await this.subscriber.subscribe(this.keys.control());
    this.health.register('voice-control', async () => {
      if (this.subscriber.status !== 'ready') throw new Error('Redis subscriber is not ready');
    });
  }

  onMessage(handler: VoiceControlHandler): void {
    this.handlers.push(handler);
  }

  async publish(message: VoiceControlMessage): Promise<void> {
    await this.redis.publish(this.keys.control(), JSON.stringify(message));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}
