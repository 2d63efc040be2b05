import {
  type RemoteImageAnswer,
  type RemoteImageRequest,
  remoteImageRequestSchema,
  INTERNAL_ROUTES,
} from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RemoteImagesService } from './remote-images.service';

/**
 * Service-to-service route for chat's link embeds (not in the gateway's routing table, so no client reaches
 * it): chat calls it with the message author's identity signed as the gateway signs it. 200 with the new
 * file, 422 REMOTE_IMAGE_REFUSED when the image cannot be fetched or is not an image we keep.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.remoteImages.controller)
export class RemoteImagesController {
  constructor(private readonly images: RemoteImagesService) {}

  @Post(INTERNAL_ROUTES.remoteImages.fetch)
  @HttpCode(200)
  fetch(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(remoteImageRequestSchema)) body: RemoteImageRequest,
  ): Promise<RemoteImageAnswer> {
    return this.images.fetch(caller, body);
  }
}
