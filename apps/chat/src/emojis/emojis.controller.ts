import {
  type CreateEmojiRequest,
  createEmojiRequestSchema,
  type Emoji,
  emojiListSchema,
  emojiSchema,
  type UpdateEmojiRequest,
  updateEmojiRequestSchema,
} from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { guildIdPipe } from '../guilds/guild-common';
import { emojiIdPipe } from './emoji-errors';
import { EmojisService } from './emojis.service';

const errors = openApiSchema(errorBodySchema);

@ApiTags('emojis')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member)', schema: errors })
@Controller('api/v1/guilds/:guildId/emojis')
export class EmojisController {
  constructor(private readonly emojis: EmojisService) {}

  @Get()
  @ApiOperation({
    summary:
      "The guild's custom emoji, oldest first (members). An emoji's image is GET /files/{id}; its still " +
      'first frame ?size=small.',
  })
  @ApiResponse({ status: 200, schema: openApiSchema(emojiListSchema) })
  list(@Caller() caller: CallerIdentity, @Param('guildId', guildIdPipe()) guildId: string): Promise<Emoji[]> {
    return this.emojis.list(caller.userId, guildId);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Create a custom emoji (MANAGE_EMOJIS) from a completed upload of POST /guilds/{guildId}/emoji-uploads; ' +
      'the emoji takes the upload’s id. Names are 2–32 letters, digits or underscores, unique in the guild. ' +
      'A guild holds at most CHAT_MAX_STATIC_EMOJIS static and CHAT_MAX_ANIMATED_EMOJIS animated emoji.',
  })
  @ApiBody({ schema: openApiSchema(createEmojiRequestSchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(emojiSchema) })
  @ApiResponse({
    status: 400,
    description:
      'VALIDATION_FAILED (name, fileId), EMOJI_NAME_TAKEN (body.name), INVALID_EMOJI_FILE (body.fileId: not a ' +
      'completed emoji upload of yours for this guild, or already an emoji), TOO_MANY_EMOJIS',
    schema: errors,
  })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (MANAGE_EMOJIS)', schema: errors })
  @ApiResponse({ status: 503, description: 'FILE_SERVICE_UNAVAILABLE', schema: errors })
  create(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(createEmojiRequestSchema)) body: CreateEmojiRequest,
  ): Promise<Emoji> {
    return this.emojis.create(caller.userId, guildId, body);
  }

  @Get(':emojiId')
  @ApiOperation({ summary: 'One custom emoji of the guild (members).' })
  @ApiResponse({ status: 200, schema: openApiSchema(emojiSchema) })
  @ApiResponse({ status: 404, description: 'UNKNOWN_EMOJI', schema: errors })
  get(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('emojiId', emojiIdPipe()) emojiId: string,
  ): Promise<Emoji> {
    return this.emojis.get(caller.userId, guildId, emojiId);
  }

  @Patch(':emojiId')
  @ApiOperation({ summary: 'Rename a custom emoji (MANAGE_EMOJIS).' })
  @ApiBody({ schema: openApiSchema(updateEmojiRequestSchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(emojiSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (name), EMOJI_NAME_TAKEN', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (MANAGE_EMOJIS)', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_EMOJI', schema: errors })
  rename(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('emojiId', emojiIdPipe()) emojiId: string,
    @Body(new ZodValidationPipe(updateEmojiRequestSchema)) body: UpdateEmojiRequest,
  ): Promise<Emoji> {
    return this.emojis.rename(caller.userId, guildId, emojiId, body);
  }

  @Delete(':emojiId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete a custom emoji (MANAGE_EMOJIS). Messages keep their `<:name:id>` text and reactions with it stay.',
  })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (MANAGE_EMOJIS)', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_EMOJI', schema: errors })
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('emojiId', emojiIdPipe()) emojiId: string,
  ): Promise<void> {
    await this.emojis.delete(caller.userId, guildId, emojiId);
  }
}
