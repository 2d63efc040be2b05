import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import {
  ChannelWebhooksController,
  GuildWebhooksController,
  WebhooksController,
} from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [MessagesModule],
  controllers: [ChannelWebhooksController, GuildWebhooksController, WebhooksController],
  providers: [WebhooksRepository, WebhooksService],
})
export class WebhooksModule {}
