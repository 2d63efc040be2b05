import { SNOWFLAKE_PATTERN } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Reactor, reactorListSchema, type ReactorsQuery, reactorsQuerySchema } from './reactions.dto';
import { channelIdPipe } from '../guilds/guild-common';
import { messageIdPipe } from '../messages/messages.service';
import { ReactionsService } from './reactions.service';

const errorSchema = openApiSchema(errorBodySchema);
const emojiParam = {
  name: 'emoji',
  description:
    'One unicode emoji, URL-encoded, or a custom emoji of the message’s guild as `name:id` (reactions ' +
    'with it are shown as `name:id`; any name finds them by id).',
};

@ApiTags('reactions')
@ApiBearerAuth('accessToken')
@Controller('api/v1/channels/:channelId/messages/:messageId/reactions/:emoji')
export class ReactionsController {
  constructor(private readonly reactions: ReactionsService) {}

  @Put('@me')
  @HttpCode(204)
  @ApiOperation({ summary: 'React with an emoji (ADD_REACTIONS, READ_MESSAGE_HISTORY). Idempotent.' })
  @ApiParam(emojiParam)
  @ApiNoContentResponse()
  @ApiResponse({
    status: 400,
    description:
      'INVALID_EMOJI (field `emoji`: not a unicode emoji, or not a custom emoji of this guild) or ' +
      'TOO_MANY_REACTIONS (20 emoji)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  add(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Param('emoji') emoji: string,
  ): Promise<void> {
    return this.reactions.add(caller.userId, channelId, messageId, emoji);
  }

  @Delete('@me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove my reaction. Idempotent.' })
  @ApiParam(emojiParam)
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'INVALID_EMOJI', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  remove(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Param('emoji') emoji: string,
  ): Promise<void> {
    return this.reactions.remove(caller.userId, channelId, messageId, emoji);
  }

  @Get()
  @ApiOperation({ summary: 'Who reacted with an emoji, by user id (READ_MESSAGE_HISTORY).' })
  @ApiParam(emojiParam)
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
  })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source } })
  @ApiResponse({ status: 200, schema: openApiSchema(reactorListSchema) })
  @ApiResponse({ status: 400, description: 'INVALID_EMOJI or VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  list(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Param('emoji') emoji: string,
    @Query(new ZodValidationPipe(reactorsQuerySchema)) query: ReactorsQuery,
  ): Promise<Reactor[]> {
    return this.reactions.reactors(caller.userId, channelId, messageId, emoji, query);
  }
}
