import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { PinsController } from './pins.controller';
import { PinsService } from './pins.service';
import { SendLimits } from './send-limits';

@Module({
  imports: [AttachmentsModule],
  controllers: [MessagesController, PinsController],
  providers: [MessagesRepository, MessagesService, PinsService, SendLimits],
  exports: [MessagesRepository, MessagesService],
})
export class MessagesModule {}
