import {
  ERROR,
  type CompleteUploadRequest,
  completeUploadRequestSchema,
  type FileObject,
  fileObjectSchema,
  type UploadRequest,
  uploadRequestSchema,
  type UploadTicket,
  uploadTicketSchema,
} from '@bonfire/contracts';
import { Caller, type CallerIdentity, idParam, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { fileIdParam } from './upload-rules';
import { UploadsService } from './uploads.service';

const channelIdParam = () => idParam(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
const guildIdParam = () => idParam(ERROR.UNKNOWN_GUILD, 'Unknown guild.');

@ApiTags('files')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Endpoint({
    method: 'POST',
    path: 'channels/:channelId/attachments',
    summary:
      'Request an attachment upload to a channel (SEND_MESSAGES and ATTACH_FILES). `method: PUT`: PUT the ' +
      'bytes to `uploadUrl` with `headers`; `method: multipart` (files above the multipart threshold): PUT ' +
      'each part to its URL in `multipart.parts` and keep each answer’s ETag. Each URL is signed for an ' +
      'exact Content-Length (`size`, or the part’s `size`): the store refuses a body of any other length ' +
      '(403). Then complete it; send its id in a message’s `attachments`.',
    body: uploadRequestSchema,
    response: uploadTicketSchema,
    status: 201,
    errors: {
      400: 'VALIDATION_FAILED',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_CHANNEL',
      409: 'TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)',
      413: 'PAYLOAD_TOO_LARGE (declared size)',
      503: 'CHAT_UNAVAILABLE',
    },
  })
  attachment(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdParam()) channelId: string,
    @Body(new ZodValidationPipe(uploadRequestSchema)) body: UploadRequest,
  ): Promise<UploadTicket> {
    return this.uploads.request(caller, { purpose: 'attachment', channelId }, body);
  }

  @Endpoint({
    method: 'POST',
    path: 'users/@me/avatar',
    summary:
      'Request an avatar upload (png, jpeg, webp or gif). After completing it, set it with PATCH /users/@me.',
    body: uploadRequestSchema,
    response: uploadTicketSchema,
    status: 201,
    errors: {
      400: 'VALIDATION_FAILED, UNSUPPORTED_TYPE',
      409: 'TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)',
      413: 'PAYLOAD_TOO_LARGE (declared size)',
    },
  })
  avatar(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(uploadRequestSchema)) body: UploadRequest,
  ): Promise<UploadTicket> {
    return this.uploads.request(caller, { purpose: 'avatar' }, body);
  }

  @Endpoint({
    method: 'POST',
    path: 'guilds/:guildId/icon',
    summary: 'Request a guild icon upload (MANAGE_GUILD; png, jpeg, webp or gif).',
    body: uploadRequestSchema,
    response: uploadTicketSchema,
    status: 201,
    errors: {
      400: 'VALIDATION_FAILED, UNSUPPORTED_TYPE',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_GUILD',
      409: 'TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)',
      413: 'PAYLOAD_TOO_LARGE (declared size)',
      503: 'CHAT_UNAVAILABLE',
    },
  })
  icon(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdParam()) guildId: string,
    @Body(new ZodValidationPipe(uploadRequestSchema)) body: UploadRequest,
  ): Promise<UploadTicket> {
    return this.uploads.request(caller, { purpose: 'icon', guildId }, body);
  }

  @Endpoint({
    method: 'POST',
    path: 'guilds/:guildId/emoji-uploads',
    summary:
      'Request a custom emoji image upload (MANAGE_EMOJIS; png, gif or webp, at most FILE_MAX_EMOJI_BYTES, ' +
      '256 KiB by default). Completing it checks the real type, scales it to fit 128×128 (an animated GIF ' +
      'or WebP stays animated) and makes a still first frame (`?size=small`); then create the emoji with ' +
      'POST /guilds/{guildId}/emojis and its id.',
    body: uploadRequestSchema,
    response: uploadTicketSchema,
    status: 201,
    errors: {
      400: 'VALIDATION_FAILED, UNSUPPORTED_TYPE',
      403: 'MISSING_PERMISSION (MANAGE_EMOJIS)',
      404: 'UNKNOWN_GUILD',
      409: 'TOO_MANY_OPEN_UPLOADS (the caller has FILE_MAX_OPEN_UPLOADS uploads neither completed nor expired)',
      413: 'PAYLOAD_TOO_LARGE (declared size)',
      503: 'CHAT_UNAVAILABLE',
    },
  })
  emoji(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdParam()) guildId: string,
    @Body(new ZodValidationPipe(uploadRequestSchema)) body: UploadRequest,
  ): Promise<UploadTicket> {
    return this.uploads.request(caller, { purpose: 'emoji', guildId }, body);
  }

  @Endpoint({
    method: 'POST',
    path: 'attachments/:fileId/complete',
    summary:
      'Complete an upload (uploader only): a multipart upload is assembled from `parts` (every part’s ' +
      'number and ETag; no body for a single PUT); then checks the stored size, sniffs the real type ' +
      'from the first bytes, makes thumbnails for images, marks it ready.',
    body: completeUploadRequestSchema,
    response: fileObjectSchema,
    errors: {
      400:
        'INVALID_PARTS (multipart: parts missing, repeated or with wrong ETags; the upload stays open), ' +
        'UPLOAD_MISSING, SIZE_MISMATCH, TYPE_MISMATCH or IMAGE_TOO_LARGE (an image of more than ' +
        'FILE_IMAGE_MAX_PIXELS pixels; the last three delete the upload)',
      404: 'UNKNOWN_FILE',
    },
    bodyOptional: true,
  })
  complete(
    @Caller() caller: CallerIdentity,
    @Param('fileId', fileIdParam()) fileId: string,
    @Body(new ZodValidationPipe(completeUploadRequestSchema)) body: CompleteUploadRequest,
  ): Promise<FileObject> {
    return this.uploads.complete(caller, fileId, body);
  }
}
