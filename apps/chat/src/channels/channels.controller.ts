import { type Channel, channelSchema } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  idParam,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { channelIdPipe, GUILD_ERROR_CODES, guildIdPipe } from '../guilds/guild-common';
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
const overwriteIdPipe = () => idParam(GUILD_ERROR_CODES.unknownOverwrite, 'Unknown permission overwrite.');

@ApiTags('channels')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member)', schema: errors })
@Controller('api/v1/guilds/:guildId/channels')
export class GuildChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a text or voice channel or a category (MANAGE_CHANNELS).' })
  @ApiBody({ schema: openApiSchema(createChannelSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(channelSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, TOO_MANY_CHANNELS', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS', schema: errors })
  create(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(createChannelSchema)) body: CreateChannelDto,
  ): Promise<Channel> {
    return this.channels.create(guildId, caller.userId, body);
  }

  @Get()
  @ApiOperation({ summary: 'The channels of the guild you can see (VIEW_CHANNEL), by position.' })
  @ApiOkResponse({ schema: openApiSchema(z.array(channelSchema)) })
  list(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<Channel[]> {
    return this.channels.listForGuild(guildId, caller.userId);
  }

  @Patch()
  @ApiOperation({ summary: 'Move channels: [{id, position, parentId?}] (MANAGE_CHANNELS).' })
  @ApiBody({ schema: openApiSchema(channelPositionsSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(z.array(channelSchema)) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
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

  @Get(':channelId')
  @ApiOperation({ summary: 'A channel you can see (guild channel with VIEW_CHANNEL, or a DM you are in).' })
  @ApiOkResponse({ schema: openApiSchema(channelSchema) })
  get(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<Channel> {
    return this.channels.get(channelId, caller.userId);
  }

  @Patch(':channelId')
  @ApiOperation({
    summary:
      'Edit a guild channel (MANAGE_CHANNELS), or rename a group DM (any recipient; only `name`, 1–100 ' +
      'characters, trimmed; null or blank clears it).',
  })
  @ApiBody({ schema: openApiSchema(updateChannelSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(channelSchema) })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED, NOT_GROUP_DM (a 1:1 DM cannot be renamed)',
    schema: errors,
  })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  update(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(updateChannelSchema)) body: UpdateChannelDto,
  ): Promise<Channel> {
    return this.channels.update(channelId, caller.userId, body);
  }

  @Delete(':channelId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a guild channel (MANAGE_CHANNELS); channels of a category stay, uncategorised.',
  })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<void> {
    await this.channels.delete(channelId, caller.userId);
  }

  @Put(':channelId/permissions/:overwriteId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Set a role's or member's permission overwrite (MANAGE_ROLES in the channel; only permissions you hold, " +
      'unless administrator or owner).',
  })
  @ApiBody({ schema: openApiSchema(putOverwriteSchema, 'input') })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS', schema: errors })
  @ApiResponse({
    status: 404,
    description: 'UNKNOWN_CHANNEL, UNKNOWN_ROLE, UNKNOWN_MEMBER, UNKNOWN_OVERWRITE (not an id)',
    schema: errors,
  })
  async putOverwrite(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('overwriteId', overwriteIdPipe()) overwriteId: string,
    @Body(new ZodValidationPipe(putOverwriteSchema)) body: PutOverwriteDto,
  ): Promise<void> {
    await this.channels.putOverwrite(channelId, overwriteId, caller.userId, body);
  }

  @Delete(':channelId/permissions/:overwriteId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a permission overwrite (MANAGE_ROLES in the channel).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL, UNKNOWN_OVERWRITE', schema: errors })
  async deleteOverwrite(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('overwriteId', overwriteIdPipe()) overwriteId: string,
  ): Promise<void> {
    await this.channels.deleteOverwrite(channelId, overwriteId, caller.userId);
  }
}
