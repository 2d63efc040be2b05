import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import { type EventBus, IdempotentConsumer, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, HealthRegistry, InjectDatabase, type Kysely } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AccountDeletionService } from '../account-deletion/account-deletion.service';
import { FILE_CONFIG, type FileConfig } from '../config';
import type { FileDatabase } from '../database/schema';
import { FilesRepository } from '../files/files.repository';
import { RemovalService } from './removal.service';

/** The name processed events are recorded under (message deletions are handled once per event id). */
const CONSUMER = 'file.chat-events';

/**
 * What chat's events mean for files: message.created confirms the claims of its attachments;
 * message.deleted, channel.deleted and guild.deleted make the files posted there unreachable and remove
 * them from storage; emoji.deleted does the same for the emoji's image; user.deleted removes the account's
 * files no kept message shows (account-deletion/). Every handler is idempotent (a replay finds nothing left to do).
 */
@Injectable()
export class ChatEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private markJoined: () => void = () => undefined;
  private readonly idempotent: IdempotentConsumer<FileDatabase>;
  private readonly logger;

  constructor(
    @InjectEventBus() private readonly bus: EventBus,
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    @InjectDatabase() db: Kysely<FileDatabase>,
    private readonly files: FilesRepository,
    private readonly removal: RemovalService,
    private readonly health: HealthRegistry,
    private readonly accountDeletion: AccountDeletionService,
  ) {
    this.idempotent = new IdempotentConsumer(db);
    this.logger = createLogger('file', config.LOG_LEVEL).child({ component: CONSUMER });
  }

  onApplicationBootstrap(): void {
    if (!this.config.FILE_MESSAGES_CONSUMER_ENABLED) return;
    this.markJoined = this.health.registerPending(
      'chat-events-consumer',
      `not in consumer group ${this.config.FILE_CONSUMER_GROUP} yet`,
    );
    this.start().catch((error: unknown) =>
      this.logger.error({ err: error }, 'chat events consumer failed to start'),
    );
  }

  private async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: this.config.FILE_CONSUMER_GROUP,
      // auth.users: user.deleted (account-deletion/)
      topics: [TOPICS.chatMessages, TOPICS.chatChannels, TOPICS.chatGuilds, TOPICS.authUsers],
      startFrom: this.config.FILE_CONSUMER_START_FROM,
      handler: (event) => this.apply(event),
    });
    this.markJoined();
  }

  /** Applies one chat event (public so tests can drive it without Kafka's group join delay). */
  async apply(event: AnyEvent): Promise<void> {
    switch (event.type) {
      case 'message.created': {
        const { message } = event.data;
        if (message.attachments.length === 0) return;
        await this.files.confirmClaims(
          this.files.executor,
          message.id,
          message.attachments.map((attachment) => attachment.id),
        );
        return;
      }
      case 'message.deleted':
        if (event.data.attachmentIds.length === 0) return;
        await this.idempotent.handleOnce(CONSUMER, event, async (trx) => {
          await this.removal.removeMessageFiles(trx, event.data.messageId);
          await this.accountDeletion.purgeIfOwnerDeleted(trx, event.data.attachmentIds);
        });
        return;
      case 'channel.deleted':
        await this.removal.removeFilesIn({ channelId: event.data.channelId });
        return;
      case 'thread.deleted':
        // A thread is a channel: its uploads carry the thread's id.
        await this.removal.removeFilesIn({ channelId: event.data.threadId });
        return;
      case 'guild.deleted':
        await this.removal.removeFilesIn({ guildId: event.data.guildId });
        return;
      case 'emoji.deleted':
        await this.idempotent.handleOnce(CONSUMER, event, async (trx) => {
          await this.removal.removeEmojiFile(trx, event.data.guildId, event.data.emojiId);
        });
        return;
      case 'user.deleted':
        await this.accountDeletion.removeFilesOf(event.data.userId);
        return;
      default:
        return;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
