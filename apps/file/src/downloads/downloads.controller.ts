import { Caller, type CallerIdentity, Public, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Controller, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { THUMBNAIL_SIZES } from '../config';
import { fileIdParam } from '../uploads/upload-rules';
import { DownloadsService } from './downloads.service';

const downloadQuerySchema = z.object({
  size: z.enum(Object.keys(THUMBNAIL_SIZES) as ['small', 'large']).optional(),
});
type DownloadQuery = z.infer<typeof downloadQuerySchema>;

function redirect(response: Response, url: string): void {
  response.setHeader('cache-control', 'no-store');
  response.redirect(302, url);
}

@ApiTags('files')
@Controller('api/v1')
export class DownloadsController {
  constructor(private readonly downloads: DownloadsService) {}

  @Endpoint({
    method: 'GET',
    path: 'attachments/:fileId',
    summary:
      'Download a file: 302 to a short-lived URL of the object, or of its thumbnail with ?size=small|large ' +
      '(256 / 1024 px bounding box, webp). Attachments need READ_MESSAGE_HISTORY in their channel.',
    query: downloadQuerySchema,
    status: 302,
    responseDescription: 'Location: the presigned URL',
    errors: { 400: 'VALIDATION_FAILED', 404: 'UNKNOWN_FILE, NO_THUMBNAIL', 503: 'CHAT_UNAVAILABLE' },
  })
  @ApiBearerAuth('accessToken')
  async attachment(
    @Caller() caller: CallerIdentity,
    @Param('fileId', fileIdParam()) fileId: string,
    @Query(new ZodValidationPipe(downloadQuerySchema)) query: DownloadQuery,
    @Res() response: Response,
  ): Promise<void> {
    redirect(response, await this.downloads.attachmentUrl(caller, fileId, query.size));
  }

  @Endpoint({
    method: 'GET',
    path: 'files/:fileId',
    summary:
      'Download an avatar or guild icon (public): 302 to a short-lived URL; ?size=small|large for thumbnails.',
    query: downloadQuerySchema,
    status: 302,
    responseDescription: 'Location: the presigned URL',
    errors: { 400: 'VALIDATION_FAILED', 404: 'UNKNOWN_FILE, NO_THUMBNAIL' },
  })
  @Public()
  async publicFile(
    @Param('fileId', fileIdParam()) fileId: string,
    @Query(new ZodValidationPipe(downloadQuerySchema)) query: DownloadQuery,
    @Res() response: Response,
  ): Promise<void> {
    redirect(response, await this.downloads.publicUrl(fileId, query.size));
  }
}
