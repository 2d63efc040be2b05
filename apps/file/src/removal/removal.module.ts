import { Module } from '@nestjs/common';
import { AccountDeletionRepository } from '../account-deletion/account-deletion.repository';
import { AccountDeletionService } from '../account-deletion/account-deletion.service';
import { ChatEventsConsumer } from './chat-events.consumer';
import { RemovalService } from './removal.service';

@Module({
  providers: [RemovalService, ChatEventsConsumer, AccountDeletionRepository, AccountDeletionService],
  exports: [RemovalService],
})
export class RemovalModule {}
