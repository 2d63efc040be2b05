import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { ReadStatesController } from './read-states.controller';
import { ReadStatesRepository } from './read-states.repository';
import { ReadStatesService } from './read-states.service';

@Module({
  imports: [MessagesModule],
  controllers: [ReadStatesController],
  providers: [ReadStatesRepository, ReadStatesService],
})
export class ReadStatesModule {}
