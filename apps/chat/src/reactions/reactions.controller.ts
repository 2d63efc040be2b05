import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Reactor, reactorListSchema, type ReactorsQuery, reactorsQuerySchema } from './reactions.dto';
import { channelIdPipe } from '../guilds/guild-common';
import { messageIdPipe } from '../messages/messages.service';
import { ReactionsService } from './reactions.service';

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

  @Endpoint({
    method: 'PUT',
    path: '@me',
    summary: 'React with an emoji (ADD_REACTIONS, READ_MESSAGE_HISTORY). Idempotent.',
    errors: {
      400:
        'INVALID_EMOJI (field `emoji`: not a unicode emoji, or not a custom emoji of this guild) or ' +
        'TOO_MANY_REACTIONS (20 emoji)',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE',
    },
  })
  @ApiParam(emojiParam)
  add(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Param('emoji') emoji: string,
  ): Promise<void> {
    return this.reactions.add(caller.userId, channelId, messageId, emoji);
  }

  @Endpoint({
    method: 'DELETE',
    path: '@me',
    summary: 'Remove my reaction. Idempotent.',
    errors: { 400: 'INVALID_EMOJI', 404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE' },
  })
  @ApiParam(emojiParam)
  remove(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Param('emoji') emoji: string,
  ): Promise<void> {
    return this.reactions.remove(caller.userId, channelId, messageId, emoji);
  }

  @Endpoint({
    method: 'GET',
    summary: 'Who reacted with an emoji, by user id (READ_MESSAGE_HISTORY).',
    query: reactorsQuerySchema,
    response: reactorListSchema,
    errors: {
      400: 'INVALID_EMOJI or VALIDATION_FAILED',
      403: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)',
      404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE',
    },
  })
  @ApiParam(emojiParam)
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
