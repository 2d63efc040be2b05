import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { MessagesModule } from '../messages/messages.module';
import {
  ChannelWebhooksController,
  GuildWebhooksController,
  WebhooksController,
} from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [ChannelsModule, MessagesModule],
  controllers: [ChannelWebhooksController, GuildWebhooksController, WebhooksController],
  providers: [WebhooksRepository, WebhooksService],
})
export class WebhooksModule {}
