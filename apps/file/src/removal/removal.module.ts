import { Module } from '@nestjs/common';
import { AccountDeletionRepository } from '../account-deletion/account-deletion.repository';
import { AccountDeletionService } from '../account-deletion/account-deletion.service';
import { ChatEventsHandlers } from './chat-events.handlers';
import { RemovalService } from './removal.service';

@Module({
  controllers: [ChatEventsHandlers],
  providers: [RemovalService, AccountDeletionRepository, AccountDeletionService],
  exports: [RemovalService],
})
export class RemovalModule {}
