import { Module } from '@nestjs/common';
import { SessionEventsWriter } from './session-events.writer';
import { UserEventsWriter } from './user-events.writer';

@Module({
  providers: [UserEventsWriter, SessionEventsWriter],
  exports: [UserEventsWriter, SessionEventsWriter],
})
export class EventsModule {}
