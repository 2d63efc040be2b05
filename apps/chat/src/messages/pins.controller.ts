import { Caller, type CallerIdentity, errorBodySchema, openApiSchema } from '@bonfire/platform';
import type { Message } from '@bonfire/contracts';
import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { messageListSchema } from './messages.dto';
import { channelIdPipe } from '../guilds/guild-common';
import { messageIdPipe } from './messages.service';
import { PinsService } from './pins.service';

const errorSchema = openApiSchema(errorBodySchema);

@ApiTags('messages')
@ApiBearerAuth('accessToken')
@Controller('api/v1/channels/:channelId/pins')
export class PinsController {
  constructor(private readonly pins: PinsService) {}

  @Get()
  @ApiOperation({ summary: 'Pinned messages of a channel, newest first (READ_MESSAGE_HISTORY).' })
  @ApiResponse({ status: 200, schema: openApiSchema(messageListSchema) })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errorSchema })
  list(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<Message[]> {
    return this.pins.list(caller.userId, channelId);
  }

  @Put(':messageId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Pin a message (MANAGE_MESSAGES; at most 50 per channel). Idempotent.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'TOO_MANY_PINS', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  pin(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<void> {
    return this.pins.setPinned(caller.userId, channelId, messageId, true);
  }

  @Delete(':messageId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unpin a message (MANAGE_MESSAGES). Idempotent.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  unpin(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<void> {
    return this.pins.setPinned(caller.userId, channelId, messageId, false);
  }
}
