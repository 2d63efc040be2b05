import type { ReadState } from '@bonfire/contracts';
import { readStateSchema } from '@bonfire/contracts';
import { Caller, type CallerIdentity, errorBodySchema, openApiSchema } from '@bonfire/platform';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { READ_STATE_COUNT_CAP } from './read-states.repository';
import { channelIdPipe } from '../guilds/guild-common';
import { messageIdPipe } from '../messages/messages.service';
import { ReadStatesService } from './read-states.service';

const errorSchema = openApiSchema(errorBodySchema);

@ApiTags('read-states')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class ReadStatesController {
  constructor(private readonly readStates: ReadStatesService) {}

  @Post('channels/:channelId/messages/:messageId/ack')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark the channel read up to this message (VIEW_CHANNEL). Only moves forward.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  ack(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<void> {
    return this.readStates.ack(caller.userId, channelId, messageId);
  }

  @Get('users/@me/read-states')
  @ApiOperation({
    summary:
      'My read states: channels I can see that I have read or that hold unread messages. Counts exclude my own ' +
      `messages and stop at ${READ_STATE_COUNT_CAP}.`,
  })
  @ApiResponse({ status: 200, schema: openApiSchema(z.array(readStateSchema)) })
  list(@Caller() caller: CallerIdentity): Promise<ReadState[]> {
    return this.readStates.list(caller.userId);
  }
}
