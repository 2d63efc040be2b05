import {
  type CompleteUploadRequest,
  completeUploadRequestSchema,
  type FileObject,
  fileObjectSchema,
  type UploadRequest,
  uploadRequestSchema,
  type UploadTicket,
  uploadTicketSchema,
} from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  idParam,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CHAT_ACCESS_ERRORS } from '../chat/chat-access.client';
import { fileIdParam } from './upload-rules';
import { UploadsService } from './uploads.service';

const channelIdParam = () => idParam(CHAT_ACCESS_ERRORS.unknownChannel, 'Unknown channel.');
const guildIdParam = () => idParam(CHAT_ACCESS_ERRORS.unknownGuild, 'Unknown guild.');

const errorSchema = openApiSchema(errorBodySchema);
const requestBody = openApiSchema(uploadRequestSchema, 'input');
const ticketSchema = openApiSchema(uploadTicketSchema);

@ApiTags('files')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post('channels/:channelId/attachments')
  @ApiOperation({
    summary:
      'Request an attachment upload to a channel (SEND_MESSAGES and ATTACH_FILES). `method: PUT`: PUT the ' +
      'bytes to `uploadUrl` with `headers`; `method: multipart` (files above the multipart threshold): PUT ' +
      'each part to its URL in `multipart.parts` and keep each answer’s ETag. Each URL is signed for an ' +
      'exact Content-Length (`size`, or the part’s `size`): the store refuses a body of any other length ' +
      '(403). Then complete it; send its id in a message’s `attachments`.',
  })
  @ApiBody({ schema: requestBody })
  @ApiResponse({ status: 201, schema: ticketSchema })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errorSchema })
  @ApiResponse({
    status: 409,
    description:
      'TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE (declared size)', schema: errorSchema })
  @ApiResponse({ status: 503, description: 'CHAT_UNAVAILABLE', schema: errorSchema })
  attachment(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdParam()) channelId: string,
    @Body(new ZodValidationPipe(uploadRequestSchema)) body: UploadRequest,
  ): Promise<UploadTicket> {
    return this.uploads.request(caller, { purpose: 'attachment', channelId }, body);
  }

  @Post('users/@me/avatar')
  @ApiOperation({
    summary:
      'Request an avatar upload (png, jpeg, webp or gif). After completing it, set it with PATCH /users/@me.',
  })
  @ApiBody({ schema: requestBody })
  @ApiResponse({ status: 201, schema: ticketSchema })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, UNSUPPORTED_TYPE', schema: errorSchema })
  @ApiResponse({
    status: 409,
    description:
      'TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE (declared size)', schema: errorSchema })
  avatar(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(uploadRequestSchema)) body: UploadRequest,
  ): Promise<UploadTicket> {
    return this.uploads.request(caller, { purpose: 'avatar' }, body);
  }

  @Post('guilds/:guildId/icon')
  @ApiOperation({ summary: 'Request a guild icon upload (MANAGE_GUILD; png, jpeg, webp or gif).' })
  @ApiBody({ schema: requestBody })
  @ApiResponse({ status: 201, schema: ticketSchema })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, UNSUPPORTED_TYPE', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errorSchema })
  @ApiResponse({
    status: 409,
    description:
      'TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE (declared size)', schema: errorSchema })
  @ApiResponse({ status: 503, description: 'CHAT_UNAVAILABLE', schema: errorSchema })
  icon(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdParam()) guildId: string,
    @Body(new ZodValidationPipe(uploadRequestSchema)) body: UploadRequest,
  ): Promise<UploadTicket> {
    return this.uploads.request(caller, { purpose: 'icon', guildId }, body);
  }

  @Post('guilds/:guildId/emoji-uploads')
  @ApiOperation({
    summary:
      'Request a custom emoji image upload (MANAGE_EMOJIS; png, gif or webp, at most FILE_MAX_EMOJI_BYTES, ' +
      '256 KiB by default). Completing it checks the real type, scales it to fit 128×128 (an animated GIF ' +
      'or WebP stays animated) and makes a still first frame (`?size=small`); then create the emoji with ' +
      'POST /guilds/{guildId}/emojis and its id.',
  })
  @ApiBody({ schema: requestBody })
  @ApiResponse({ status: 201, schema: ticketSchema })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, UNSUPPORTED_TYPE', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (MANAGE_EMOJIS)', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errorSchema })
  @ApiResponse({
    status: 409,
    description:
      'TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE (declared size)', schema: errorSchema })
  @ApiResponse({ status: 503, description: 'CHAT_UNAVAILABLE', schema: errorSchema })
  emoji(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdParam()) guildId: string,
    @Body(new ZodValidationPipe(uploadRequestSchema)) body: UploadRequest,
  ): Promise<UploadTicket> {
    return this.uploads.request(caller, { purpose: 'emoji', guildId }, body);
  }

  @Post('attachments/:fileId/complete')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Complete an upload (uploader only): a multipart upload is assembled from `parts` (every part’s ' +
      'number and ETag; no body for a single PUT); then checks the stored size, sniffs the real type ' +
      'from the first bytes, makes thumbnails for images, marks it ready.',
  })
  @ApiBody({ schema: openApiSchema(completeUploadRequestSchema, 'input'), required: false })
  @ApiResponse({ status: 200, schema: openApiSchema(fileObjectSchema) })
  @ApiResponse({
    status: 400,
    description:
      'INVALID_PARTS (multipart: parts missing, repeated or with wrong ETags; the upload stays open), ' +
      'UPLOAD_MISSING, SIZE_MISMATCH, TYPE_MISMATCH or IMAGE_TOO_LARGE (an image of more than ' +
      'FILE_IMAGE_MAX_PIXELS pixels; the last three delete the upload)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 404, description: 'UNKNOWN_FILE', schema: errorSchema })
  complete(
    @Caller() caller: CallerIdentity,
    @Param('fileId', fileIdParam()) fileId: string,
    @Body(new ZodValidationPipe(completeUploadRequestSchema)) body: CompleteUploadRequest,
  ): Promise<FileObject> {
    return this.uploads.complete(caller, fileId, body);
  }
}
