import { TOPICS } from '@bonfire/contracts';
import { IdempotentConsumer, KafkaEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, InjectDatabase, type Kysely } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from '../config';
import type { FileDatabase } from '../database/schema';
import { RemovalService } from './removal.service';

const CONSUMER = 'file.message-deletions';

/**
 * Deleting a message makes its attachments unreachable and removes them from storage: chat.messages'
 * message.deleted events, consumed idempotently by event id.
 */
@Injectable()
export class MessagesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private bus: KafkaEventBus | null = null;
  private subscription: Subscription | null = null;
  private readonly logger;

  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    @InjectDatabase() private readonly db: Kysely<FileDatabase>,
    private readonly removal: RemovalService,
  ) {
    this.logger = createLogger('file', config.LOG_LEVEL).child({ component: CONSUMER });
  }

  onApplicationBootstrap(): void {
    if (!this.config.FILE_MESSAGES_CONSUMER_ENABLED) return;
    // Joining the consumer group takes a moment; the service is useful before it completes.
    this.start().catch((error: unknown) =>
      this.logger.error({ err: error }, 'message deletions consumer failed to start'),
    );
  }

  private async start(): Promise<void> {
    const idempotent = new IdempotentConsumer(this.db);
    this.bus = new KafkaEventBus({
      brokers: this.config.KAFKA_BROKERS,
      clientId: 'file',
      logger: this.logger,
    });
    this.subscription = await this.bus.subscribe({
      group: CONSUMER,
      topics: [TOPICS.chatMessages],
      startFrom: 'earliest',
      handler: async (event) => {
        if (event.type !== 'message.deleted' || event.data.attachmentIds.length === 0) return;
        await idempotent.handleOnce(CONSUMER, event, async (trx) => {
          await this.removal.removeMessageFiles(trx, event.data.messageId);
        });
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    await this.bus?.close();
  }
}
