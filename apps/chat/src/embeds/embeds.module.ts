import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { EmbedImagesClient } from './embed-images.client';
import { EmbedsHandlers } from './embeds.handlers';
import { EmbedsRepository } from './embeds.repository';
import { EmbedsWorker } from './embeds.worker';

/** Link embeds: the unfurl worker (chat.messages consumer) and the file service's image proxy client. */
@Module({
  imports: [MessagesModule],
  controllers: [EmbedsHandlers],
  providers: [EmbedsRepository, EmbedsWorker, EmbedImagesClient],
  exports: [EmbedsWorker],
})
export class EmbedsModule {}
