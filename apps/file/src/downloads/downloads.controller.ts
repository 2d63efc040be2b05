import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  Public,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { THUMBNAIL_SIZES } from '../config';
import { fileIdParam } from '../uploads/upload-rules';
import { DownloadsService } from './downloads.service';

const errorSchema = openApiSchema(errorBodySchema);

export const downloadQuerySchema = z.object({
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

  @Get('attachments/:fileId')
  @ApiBearerAuth('accessToken')
  @ApiOperation({
    summary:
      'Download a file: 302 to a short-lived URL of the object, or of its thumbnail with ?size=small|large ' +
      '(256 / 1024 px bounding box, webp). Attachments need READ_MESSAGE_HISTORY in their channel.',
  })
  @ApiQuery({ name: 'size', required: false, enum: Object.keys(THUMBNAIL_SIZES) })
  @ApiResponse({ status: 302, description: 'Location: the presigned URL' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_FILE, NO_THUMBNAIL', schema: errorSchema })
  @ApiResponse({ status: 503, description: 'CHAT_UNAVAILABLE', schema: errorSchema })
  async attachment(
    @Caller() caller: CallerIdentity,
    @Param('fileId', fileIdParam()) fileId: string,
    @Query(new ZodValidationPipe(downloadQuerySchema)) query: DownloadQuery,
    @Res() response: Response,
  ): Promise<void> {
    redirect(response, await this.downloads.attachmentUrl(caller, fileId, query.size));
  }

  @Get('files/:fileId')
  @Public()
  @ApiOperation({
    summary:
      'Download an avatar or guild icon (public): 302 to a short-lived URL; ?size=small|large for thumbnails.',
  })
  @ApiQuery({ name: 'size', required: false, enum: Object.keys(THUMBNAIL_SIZES) })
  @ApiResponse({ status: 302, description: 'Location: the presigned URL' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_FILE, NO_THUMBNAIL', schema: errorSchema })
  async publicFile(
    @Param('fileId', fileIdParam()) fileId: string,
    @Query(new ZodValidationPipe(downloadQuerySchema)) query: DownloadQuery,
    @Res() response: Response,
  ): Promise<void> {
    redirect(response, await this.downloads.publicUrl(fileId, query.size));
  }
}
