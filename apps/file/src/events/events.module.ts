import { Global, Module } from '@nestjs/common';
import { FileEventsWriter } from './file-events.writer';

@Global()
@Module({ providers: [FileEventsWriter], exports: [FileEventsWriter] })
export class EventsModule {}
