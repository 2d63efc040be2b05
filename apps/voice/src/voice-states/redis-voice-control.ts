import { HealthRegistry, InjectRedis, type Redis, ServiceLogger } from '@bonfire/platform';
import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { VoiceKeys } from '../voice.keys';
import { VoiceControl, type VoiceControlHandler, type VoiceControlMessage } from './voice-control';

/** Redis pub/sub on one channel (`<prefix>:control`) shared by every voice node of the prefix. */
@Injectable()
export class RedisVoiceControl extends VoiceControl implements OnModuleInit, OnApplicationShutdown {
  private subscriber?: Redis;
  private readonly handlers: VoiceControlHandler[] = [];
  private readonly logger;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly keys: VoiceKeys,
    private readonly health: HealthRegistry,
    logger: ServiceLogger,
  ) {
    super();
    this.logger = logger.for('control');
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.duplicate({ connectionName: 'bonfire-voice-control' });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, raw: string) => {
      let message: VoiceControlMessage;
      try {
        message = JSON.parse(raw) as VoiceControlMessage;
      } catch {
        return;
      }
      for (const handler of this.handlers) {
        try {
          handler(structuredClone(message));
        } catch (error) {
          this.logger.error({ err: error }, 'control message handler failed');
        }
      }
    });
    await subscriber.subscribe(this.keys.control());
    this.health.register('voice-control', async () => {
      if (subscriber.status !== 'ready') throw new Error('Redis subscriber is not ready');
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
