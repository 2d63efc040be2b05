import type { Channel } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { dmChannelListSchema, dmChannelSchema, type OpenDmDto, openDmSchema } from './dms.dto';
import { DmsService } from './dms.service';

const errorSchema = openApiSchema(errorBodySchema);

@ApiTags('dms')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class DmsController {
  constructor(private readonly dms: DmsService) {}

  @Get('users/@me/channels')
  @ApiOperation({ summary: 'My DMs and group DMs, newest activity first.' })
  @ApiResponse({ status: 200, schema: openApiSchema(dmChannelListSchema) })
  list(@Caller() caller: CallerIdentity): Promise<Channel[]> {
    return this.dms.list(caller.userId);
  }

  @Post('users/@me/channels')
  @ApiOperation({
    summary:
      '`{recipientId}`: the existing 1:1 DM (200) or a new one (201). `{recipientIds, name?}`: a new group DM ' +
      '(up to 10 people including me; I own it).',
  })
  @ApiBody({ schema: openApiSchema(openDmSchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(dmChannelSchema) })
  @ApiResponse({ status: 200, description: 'The existing DM', schema: openApiSchema(dmChannelSchema) })
  @ApiResponse({
    status: 400,
    description:
      'VALIDATION_FAILED, CANNOT_DM_SELF, GROUP_DM_FULL, TOO_MANY_GROUP_DMS (I or a recipient, the field ' +
      'names which, am in CHAT_MAX_GROUP_DMS_PER_USER group DMs, 100 by default)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 404, description: 'UNKNOWN_USER', schema: errorSchema })
  async open(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(openDmSchema)) body: OpenDmDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Channel> {
    const result = await this.dms.open(caller.userId, body);
    response.status(result.created ? 201 : 200);
    return result.channel;
  }

  @Put('channels/:channelId/recipients/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Add someone to a group DM (its owner only). Idempotent.' })
  @ApiNoContentResponse()
  @ApiResponse({
    status: 400,
    description:
      'NOT_GROUP_DM, GROUP_DM_FULL, TOO_MANY_GROUP_DMS (that user is in CHAT_MAX_GROUP_DMS_PER_USER group ' +
      'DMs, 100 by default)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 403, description: 'NOT_GROUP_DM_OWNER', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_USER', schema: errorSchema })
  add(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.dms.addRecipient(caller.userId, channelId, userId);
  }

  @Delete('channels/:channelId/recipients/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove someone from a group DM (owner), or leave it (yourself).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'NOT_GROUP_DM', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'NOT_GROUP_DM_OWNER', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_RECIPIENT', schema: errorSchema })
  remove(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.dms.removeRecipient(caller.userId, channelId, userId);
  }
}
