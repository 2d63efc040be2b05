import { distributedSetting, REDIS, type Redis, ServiceLogger, SnowflakeGenerator } from '@bonfire/platform';
import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { MessagesController } from './messages.controller';
import { MessageSendRepository } from './message-send.repository';
import { MessageSendService } from './message-send.service';
import { MessagesRepository } from './messages.repository';
import { MessagesService, unknownChannel } from './messages.service';
import { InMemorySendLimitStore } from './memory-send-limit.store';
import { PinsController } from './pins.controller';
import { PinsService } from './pins.service';
import { RedisSendLimitStore } from './redis-send-limit.store';
import { SendLimitStore } from './send-limit.store';
import { SendLimits } from './send-limits';
import { SendWriter } from './send-writer';
import { InProcessSendOrder, RowLockSendOrder, type RunInTransaction, SendOrder } from './send-order';
import { ChatTransactions } from '../database/chat-transactions';
import { ThreadsModule } from '../threads/threads.module';

@Module({
  imports: [AttachmentsModule, ThreadsModule],
  controllers: [MessagesController, PinsController],
  providers: [
    MessagesRepository,
    MessageSendRepository,
    MessagesService,
    MessageSendService,
    SendWriter,
    PinsService,
    SendLimits,
    {
      provide: SendLimitStore,
      // Redis exists only in the distributed shape (RedisModule is imported there alone).
      inject: [CHAT_CONFIG, { token: REDIS, optional: true }],
      useFactory: (config: ChatConfig, redis?: Redis): SendLimitStore =>
        config.BONFIRE_MODE === 'standalone'
          ? new InMemorySendLimitStore()
          : new RedisSendLimitStore(distributedSetting(redis, 'REDIS_URL')),
    },
    {
      provide: SendOrder,
      inject: [CHAT_CONFIG, ChatTransactions, SnowflakeGenerator, ServiceLogger],
      useFactory: (
        config: ChatConfig,
        transactions: ChatTransactions,
        ids: SnowflakeGenerator,
        serviceLogger: ServiceLogger,
      ): SendOrder => {
        const run: RunInTransaction = (work) => transactions.run(work);
        const Order = config.BONFIRE_MODE === 'standalone' ? InProcessSendOrder : RowLockSendOrder;
        const logger = serviceLogger.for('send-order');
        return new Order(
          run,
          () => ids.next(),
          unknownChannel,
          (skewMs) =>
            logger.warn(
              `a channel's latest message id is ${skewMs} ms ahead of this replica's clock: ` +
                'ids may not follow commit order (check the clocks of the chat replicas)',
            ),
        );
      },
    },
  ],
  exports: [MessagesRepository, MessagesService, MessageSendService],
})
export class MessagesModule {}
