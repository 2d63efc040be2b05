import type { ReadState } from '@bonfire/contracts';
import { readStateSchema } from '@bonfire/contracts';
import { Caller, type CallerIdentity, Endpoint } from '@bonfire/platform';
import { Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { READ_STATE_COUNT_CAP } from './read-states.repository';
import { channelIdPipe } from '../guilds/guild-common';
import { messageIdPipe } from '../messages/messages.service';
import { ReadStatesService } from './read-states.service';

@ApiTags('read-states')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class ReadStatesController {
  constructor(private readonly readStates: ReadStatesService) {}

  @Endpoint({
    method: 'POST',
    path: 'channels/:channelId/messages/:messageId/ack',
    summary: 'Mark the channel read up to this message (VIEW_CHANNEL). Only moves forward.',
    errors: { 404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE' },
  })
  ack(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<void> {
    return this.readStates.ack(caller.userId, channelId, messageId);
  }

  @Endpoint({
    method: 'GET',
    path: 'users/@me/read-states',
    summary:
      'My read states: channels I can see that I have read or that hold unread messages. Counts exclude my own ' +
      `messages and stop at ${READ_STATE_COUNT_CAP}.`,
    response: z.array(readStateSchema),
  })
  list(@Caller() caller: CallerIdentity): Promise<ReadState[]> {
    return this.readStates.list(caller.userId);
  }
}
