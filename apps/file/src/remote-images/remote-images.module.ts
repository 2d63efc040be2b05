import { Module } from '@nestjs/common';
import { ImageProcessor } from '../uploads/image-processor';
import { RemoteImagesController } from './remote-images.controller';
import { RemoteImagesRepository } from './remote-images.repository';
import { RemoteImagesService } from './remote-images.service';

/** Embed images proxied for chat's link embeds (its own ImageProcessor: remote images wait in their own line). */
@Module({
  controllers: [RemoteImagesController],
  providers: [RemoteImagesService, RemoteImagesRepository, ImageProcessor],
})
export class RemoteImagesModule {}
