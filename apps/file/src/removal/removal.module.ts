import { Module } from '@nestjs/common';
import { MessagesConsumer } from './messages.consumer';
import { RemovalService } from './removal.service';

@Module({ providers: [RemovalService, MessagesConsumer], exports: [RemovalService] })
export class RemovalModule {}
