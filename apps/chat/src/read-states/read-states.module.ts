import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReadStatesController } from './read-states.controller';
import { ReadStatesRepository } from './read-states.repository';
import { ReadStatesService } from './read-states.service';

@Module({
  imports: [MessagesModule, NotificationsModule],
  controllers: [ReadStatesController],
  providers: [ReadStatesRepository, ReadStatesService],
})
export class ReadStatesModule {}
