import { Caller, type CallerIdentity, Endpoint } from '@bonfire/platform';
import type { Message } from '@bonfire/contracts';
import { Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { messageListSchema } from './messages.dto';
import { channelIdPipe } from '../guilds/guild-common';
import { messageIdPipe } from './messages.service';
import { PinsService } from './pins.service';

@ApiTags('messages')
@ApiBearerAuth('accessToken')
@Controller('api/v1/channels/:channelId/pins')
export class PinsController {
  constructor(private readonly pins: PinsService) {}

  @Endpoint({
    method: 'GET',
    summary: 'Pinned messages of a channel, newest first (READ_MESSAGE_HISTORY).',
    response: messageListSchema,
    errors: { 403: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)', 404: 'UNKNOWN_CHANNEL' },
  })
  list(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<Message[]> {
    return this.pins.list(caller.userId, channelId);
  }

  @Endpoint({
    method: 'PUT',
    path: ':messageId',
    summary: 'Pin a message (MANAGE_MESSAGES; at most 50 per channel). Idempotent.',
    errors: { 400: 'TOO_MANY_PINS', 403: 'MISSING_PERMISSION', 404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE' },
  })
  pin(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<void> {
    return this.pins.setPinned(caller.userId, channelId, messageId, true);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':messageId',
    summary: 'Unpin a message (MANAGE_MESSAGES). Idempotent.',
    errors: { 403: 'MISSING_PERMISSION', 404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE' },
  })
  unpin(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<void> {
    return this.pins.setPinned(caller.userId, channelId, messageId, false);
  }
}
