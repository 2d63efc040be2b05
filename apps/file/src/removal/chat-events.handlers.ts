import type { AnyEvent } from '@bonfire/contracts';
import { EventHandlers, eventGroup, IdempotentConsumer } from '@bonfire/messaging';
import { InjectDatabase, type Kysely } from '@bonfire/platform';
import { EventPattern, Payload } from '@nestjs/microservices';
import { AccountDeletionService } from '../account-deletion/account-deletion.service';
import { FILE_CONFIG, type FileConfig } from '../config';
import type { FileDatabase } from '../database/schema';
import { FilesRepository } from '../files/files.repository';
import { RemovalService } from './removal.service';

/** The name processed events are recorded under (message deletions are handled once per event id). */
const CONSUMER = 'file.chat-events';

const CHAT_EVENTS = eventGroup(FILE_CONFIG, (config: FileConfig) => ({
  group: config.FILE_CONSUMER_GROUP,
  startFrom: config.FILE_CONSUMER_START_FROM,
  enabled: config.FILE_MESSAGES_CONSUMER_ENABLED,
  readiness: 'chat-events-consumer',
}));

/**
 * What chat's events mean for files: message.created confirms the claims of its attachments;
 * message.deleted, channel.deleted and guild.deleted make the files posted there unreachable and remove
 * them from storage; emoji.deleted does the same for the emoji's image; user.deleted removes the account's
 * files no kept message shows (account-deletion/). Every handler is idempotent (a replay finds nothing left to do).
 */
@EventHandlers()
export class ChatEventsHandlers {
  private readonly idempotent: IdempotentConsumer<FileDatabase>;

  constructor(
    @InjectDatabase() db: Kysely<FileDatabase>,
    private readonly files: FilesRepository,
    private readonly removal: RemovalService,
    private readonly accountDeletion: AccountDeletionService,
  ) {
    this.idempotent = new IdempotentConsumer(db);
  }

  /** Applies one chat event (public so tests can drive it without Kafka's group join delay). */
  @EventPattern(
    [
      'message.created',
      'message.deleted',
      'channel.deleted',
      'thread.deleted',
      'guild.deleted',
      'emoji.deleted',
      // account-deletion/
      'user.deleted',
    ],
    CHAT_EVENTS,
  )
  async apply(@Payload() event: AnyEvent): Promise<void> {
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
}
