import { Global, Module } from '@nestjs/common';
import { ChatEventsWriter } from './chat-events.writer';
import { EventAudienceRepository } from './event-audience.repository';

@Global()
@Module({ providers: [ChatEventsWriter, EventAudienceRepository], exports: [ChatEventsWriter] })
export class EventsModule {}
