import { Module } from '@nestjs/common';
import { ChatEventsConsumer } from './chat-events.consumer';
import { RemovalService } from './removal.service';

@Module({ providers: [RemovalService, ChatEventsConsumer], exports: [RemovalService] })
export class RemovalModule {}
