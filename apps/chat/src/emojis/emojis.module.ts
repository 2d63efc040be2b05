import { Module } from '@nestjs/common';
import { EmojisController } from './emojis.controller';
import { EmojisRepository } from './emojis.repository';
import { EmojisService } from './emojis.service';
import { FileEmojisClient } from './file-emojis.client';

/** A guild's custom emoji (images in the file service; reactions resolve them through EmojisRepository). */
@Module({
  controllers: [EmojisController],
  providers: [EmojisRepository, EmojisService, FileEmojisClient],
  exports: [EmojisRepository],
})
export class EmojisModule {}
