import { Module } from '@nestjs/common';
import { UserEventsWriter } from './user-events.writer';

@Module({ providers: [UserEventsWriter], exports: [UserEventsWriter] })
export class EventsModule {}
