import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';
import { UserEventsWriter } from './user-events.writer';

@Module({ providers: [UserEventsWriter, OutboxRelayService], exports: [UserEventsWriter] })
export class EventsModule {}
