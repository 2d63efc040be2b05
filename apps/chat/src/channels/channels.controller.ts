import { ERROR, type Channel, channelSchema } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  idParam,
  openApiSchema,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { channelIdPipe, guildIdPipe } from '../guilds/guild-common';
import {
  type ChannelPositionsDto,
  channelPositionsSchema,
  type CreateChannelDto,
  createChannelSchema,
  type PutOverwriteDto,
  putOverwriteSchema,
  type UpdateChannelDto,
  updateChannelSchema,
} from './channels.dto';
import { ChannelsService } from './channels.service';

const errors = openApiSchema(errorBodySchema);
const overwriteIdPipe = () => idParam(ERROR.UNKNOWN_OVERWRITE, 'Unknown permission overwrite.');

@ApiTags('channels')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member)', schema: errors })
@Controller('api/v1/guilds/:guildId/channels')
export class GuildChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Endpoint({
    method: 'POST',
    summary: 'Create a text or voice channel or a category (MANAGE_CHANNELS).',
    body: createChannelSchema,
    response: channelSchema,
    status: 201,
    errors: {
      400: 'VALIDATION_FAILED, TOO_MANY_CHANNELS',
      403: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS',
    },
  })
  create(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(createChannelSchema)) body: CreateChannelDto,
  ): Promise<Channel> {
    return this.channels.create(guildId, caller.userId, body);
  }

  @Endpoint({
    method: 'GET',
    summary: 'The channels of the guild you can see (VIEW_CHANNEL), by position.',
    response: z.array(channelSchema),
  })
  list(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<Channel[]> {
    return this.channels.listForGuild(guildId, caller.userId);
  }

  @Endpoint({
    method: 'PATCH',
    summary: 'Move channels: [{id, position, parentId?}] (MANAGE_CHANNELS).',
    body: channelPositionsSchema,
    response: z.array(channelSchema),
    errors: { 400: 'VALIDATION_FAILED', 403: 'MISSING_PERMISSION' },
  })
  reorder(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(channelPositionsSchema)) body: ChannelPositionsDto,
  ): Promise<Channel[]> {
    return this.channels.reorder(guildId, caller.userId, body);
  }
}

@ApiTags('channels')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL (also when you cannot see it)', schema: errors })
@Controller('api/v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Endpoint({
    method: 'GET',
    path: ':channelId',
    summary: 'A channel you can see (guild channel with VIEW_CHANNEL, or a DM you are in).',
    response: channelSchema,
  })
  get(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<Channel> {
    return this.channels.get(channelId, caller.userId);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':channelId',
    summary:
      'Edit a guild channel (MANAGE_CHANNELS), or rename a group DM (any recipient; only `name`, 1–100 ' +
      'characters, trimmed; null or blank clears it).',
    body: updateChannelSchema,
    response: channelSchema,
    errors: {
      400: 'VALIDATION_FAILED, NOT_GROUP_DM (a 1:1 DM cannot be renamed)',
      403: 'MISSING_PERMISSION',
    },
  })
  update(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(updateChannelSchema)) body: UpdateChannelDto,
  ): Promise<Channel> {
    return this.channels.update(channelId, caller.userId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':channelId',
    summary: 'Delete a guild channel (MANAGE_CHANNELS); channels of a category stay, uncategorised.',
    errors: { 403: 'MISSING_PERMISSION' },
  })
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<void> {
    await this.channels.delete(channelId, caller.userId);
  }

  @Endpoint({
    method: 'PUT',
    path: ':channelId/permissions/:overwriteId',
    summary:
      "Set a role's or member's permission overwrite (MANAGE_ROLES in the channel; only permissions you hold, " +
      'unless administrator or owner).',
    body: putOverwriteSchema,
    errors: {
      400: 'VALIDATION_FAILED',
      403: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS',
      404: 'UNKNOWN_CHANNEL, UNKNOWN_ROLE, UNKNOWN_MEMBER, UNKNOWN_OVERWRITE (not an id)',
    },
  })
  async putOverwrite(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('overwriteId', overwriteIdPipe()) overwriteId: string,
    @Body(new ZodValidationPipe(putOverwriteSchema)) body: PutOverwriteDto,
  ): Promise<void> {
    await this.channels.putOverwrite(channelId, overwriteId, caller.userId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':channelId/permissions/:overwriteId',
    summary: 'Remove a permission overwrite (MANAGE_ROLES in the channel).',
    errors: { 403: 'MISSING_PERMISSION', 404: 'UNKNOWN_CHANNEL, UNKNOWN_OVERWRITE' },
  })
  async deleteOverwrite(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('overwriteId', overwriteIdPipe()) overwriteId: string,
  ): Promise<void> {
    await this.channels.deleteOverwrite(channelId, overwriteId, caller.userId);
  }
}
