import { Global, Module } from '@nestjs/common';
import { ChatEventsWriter } from './chat-events.writer';

@Global()
@Module({ providers: [ChatEventsWriter], exports: [ChatEventsWriter] })
export class EventsModule {}
