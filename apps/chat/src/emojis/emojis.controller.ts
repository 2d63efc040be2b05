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
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
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

  @Endpoint({
    method: 'GET',
    summary:
      "The guild's custom emoji, oldest first (members). An emoji's image is GET /files/{id}; its still " +
      'first frame ?size=small.',
    response: emojiListSchema,
  })
  list(@Caller() caller: CallerIdentity, @Param('guildId', guildIdPipe()) guildId: string): Promise<Emoji[]> {
    return this.emojis.list(caller.userId, guildId);
  }

  @Endpoint({
    method: 'POST',
    summary:
      'Create a custom emoji (MANAGE_EMOJIS) from a completed upload of POST /guilds/{guildId}/emoji-uploads; ' +
      'the emoji takes the upload’s id. Names are 2–32 letters, digits or underscores, unique in the guild. ' +
      'A guild holds at most CHAT_MAX_STATIC_EMOJIS static and CHAT_MAX_ANIMATED_EMOJIS animated emoji.',
    body: createEmojiRequestSchema,
    response: emojiSchema,
    status: 201,
    errors: {
      400:
        'VALIDATION_FAILED (name, fileId), EMOJI_NAME_TAKEN (body.name), INVALID_EMOJI_FILE (body.fileId: not a ' +
        'completed emoji upload of yours for this guild, or already an emoji), TOO_MANY_EMOJIS',
      403: 'MISSING_PERMISSION (MANAGE_EMOJIS)',
      503: 'FILE_SERVICE_UNAVAILABLE',
    },
  })
  create(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(createEmojiRequestSchema)) body: CreateEmojiRequest,
  ): Promise<Emoji> {
    return this.emojis.create(caller.userId, guildId, body);
  }

  @Endpoint({
    method: 'GET',
    path: ':emojiId',
    summary: 'One custom emoji of the guild (members).',
    response: emojiSchema,
    errors: { 404: 'UNKNOWN_EMOJI' },
  })
  get(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('emojiId', emojiIdPipe()) emojiId: string,
  ): Promise<Emoji> {
    return this.emojis.get(caller.userId, guildId, emojiId);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':emojiId',
    summary: 'Rename a custom emoji (MANAGE_EMOJIS).',
    body: updateEmojiRequestSchema,
    response: emojiSchema,
    errors: {
      400: 'VALIDATION_FAILED (name), EMOJI_NAME_TAKEN',
      403: 'MISSING_PERMISSION (MANAGE_EMOJIS)',
      404: 'UNKNOWN_EMOJI',
    },
  })
  rename(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('emojiId', emojiIdPipe()) emojiId: string,
    @Body(new ZodValidationPipe(updateEmojiRequestSchema)) body: UpdateEmojiRequest,
  ): Promise<Emoji> {
    return this.emojis.rename(caller.userId, guildId, emojiId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':emojiId',
    summary:
      'Delete a custom emoji (MANAGE_EMOJIS). Messages keep their `<:name:id>` text and reactions with it stay.',
    errors: { 403: 'MISSING_PERMISSION (MANAGE_EMOJIS)', 404: 'UNKNOWN_EMOJI' },
  })
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('emojiId', emojiIdPipe()) emojiId: string,
  ): Promise<void> {
    await this.emojis.delete(caller.userId, guildId, emojiId);
  }
}
