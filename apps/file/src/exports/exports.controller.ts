import {
  type ExportCompleted,
  type ExportFileLinksAnswer,
  type ExportFileLinksRequest,
  exportFileLinksRequestSchema,
  type ExportUploadRequest,
  exportUploadRequestSchema,
  type ExportUploadTicket,
  INTERNAL_ROUTES,
} from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { fileIdParam } from '../uploads/upload-rules';
import { ExportsService } from './exports.service';

/**
 * Service-to-service routes for chat's data export worker (not in the gateway's routing table, so no
 * client reaches them), called with the exporting user's identity signed as the gateway signs it.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.exports.controller)
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post(INTERNAL_ROUTES.exports.create)
  requestUpload(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(exportUploadRequestSchema)) body: ExportUploadRequest,
  ): Promise<ExportUploadTicket> {
    return this.exports.requestUpload(caller.userId, body);
  }

  @Post(INTERNAL_ROUTES.exports.complete)
  @HttpCode(200)
  complete(
    @Caller() caller: CallerIdentity,
    @Param('fileId', fileIdParam()) fileId: string,
  ): Promise<ExportCompleted> {
    return this.exports.complete(caller.userId, fileId);
  }

  @Post(INTERNAL_ROUTES.exports.fileLinks)
  @HttpCode(200)
  fileLinks(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(exportFileLinksRequestSchema)) body: ExportFileLinksRequest,
  ): Promise<ExportFileLinksAnswer> {
    return this.exports.fileLinks(caller.userId, body.fileIds);
  }
}
