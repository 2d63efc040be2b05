import type { Channel } from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { dmChannelListSchema, dmChannelSchema, type OpenDmDto, openDmSchema } from './dms.dto';
import { DmsService } from './dms.service';

@ApiTags('dms')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class DmsController {
  constructor(private readonly dms: DmsService) {}

  @Endpoint({
    method: 'GET',
    path: 'users/@me/channels',
    summary: 'My DMs and group DMs, newest activity first.',
    response: dmChannelListSchema,
  })
  list(@Caller() caller: CallerIdentity): Promise<Channel[]> {
    return this.dms.list(caller.userId);
  }

  @Endpoint({
    method: 'POST',
    path: 'users/@me/channels',
    summary:
      '`{recipientId}`: the existing 1:1 DM (200) or a new one (201). `{recipientIds, name?}`: a new group DM ' +
      '(up to 10 people including me; I own it).',
    body: openDmSchema,
    response: dmChannelSchema,
    status: 201,
    alsoAnswers: [{ status: 200, description: 'The existing DM', response: dmChannelSchema }],
    errors: {
      400:
        'VALIDATION_FAILED, CANNOT_DM_SELF, GROUP_DM_FULL, TOO_MANY_GROUP_DMS (I or a recipient, the field ' +
        'names which, am in CHAT_MAX_GROUP_DMS_PER_USER group DMs, 100 by default)',
      404: 'UNKNOWN_USER',
    },
  })
  async open(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(openDmSchema)) body: OpenDmDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Channel> {
    const result = await this.dms.open(caller.userId, body);
    response.status(result.created ? 201 : 200);
    return result.channel;
  }

  @Endpoint({
    method: 'PUT',
    path: 'channels/:channelId/recipients/:userId',
    summary: 'Add someone to a group DM (its owner only). Idempotent.',
    errors: {
      400:
        'NOT_GROUP_DM, GROUP_DM_FULL, TOO_MANY_GROUP_DMS (that user is in CHAT_MAX_GROUP_DMS_PER_USER group ' +
        'DMs, 100 by default)',
      403: 'NOT_GROUP_DM_OWNER',
      404: 'UNKNOWN_CHANNEL or UNKNOWN_USER',
    },
  })
  add(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.dms.addRecipient(caller.userId, channelId, userId);
  }

  @Endpoint({
    method: 'DELETE',
    path: 'channels/:channelId/recipients/:userId',
    summary: 'Remove someone from a group DM (owner), or leave it (yourself).',
    errors: { 400: 'NOT_GROUP_DM', 403: 'NOT_GROUP_DM_OWNER', 404: 'UNKNOWN_CHANNEL or UNKNOWN_RECIPIENT' },
  })
  remove(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.dms.removeRecipient(caller.userId, channelId, userId);
  }
}
