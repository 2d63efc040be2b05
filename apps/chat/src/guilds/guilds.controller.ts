import { type Guild, guildSchema } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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
import { guildIdPipe } from './guild-common';
import {
  type CreateGuildDto,
  createGuildSchema,
  type TransferOwnershipDto,
  transferOwnershipSchema,
  type UpdateGuildDto,
  updateGuildSchema,
} from './guilds.dto';
import { GuildsService } from './guilds.service';

const errors = openApiSchema(errorBodySchema);

@ApiTags('guilds')
@ApiBearerAuth('accessToken')
@Controller('api/v1/guilds')
export class GuildsController {
  constructor(private readonly guilds: GuildsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a guild: you own it; it gets @everyone, a "general" text and a "General" voice channel.',
  })
  @ApiBody({ schema: openApiSchema(createGuildSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(guildSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, TOO_MANY_GUILDS', schema: errors })
  create(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(createGuildSchema)) body: CreateGuildDto,
  ): Promise<Guild> {
    return this.guilds.create(caller.userId, body);
  }

  @Get(':guildId')
  @ApiOperation({ summary: 'A guild you are a member of.' })
  @ApiOkResponse({ schema: openApiSchema(guildSchema) })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errors })
  get(@Caller() caller: CallerIdentity, @Param('guildId', guildIdPipe()) guildId: string): Promise<Guild> {
    return this.guilds.get(guildId, caller.userId);
  }

  @Patch(':guildId')
  @ApiOperation({
    summary: 'Edit name, icon or description (MANAGE_GUILD); `ownerId` transfers ownership (owner).',
  })
  @ApiBody({ schema: openApiSchema(updateGuildSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(guildSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION, OWNER_ONLY', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errors })
  update(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(updateGuildSchema)) body: UpdateGuildDto,
  ): Promise<Guild> {
    return this.guilds.update(guildId, caller.userId, body);
  }

  @Delete(':guildId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the guild (owner only).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'OWNER_ONLY', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errors })
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<void> {
    await this.guilds.delete(guildId, caller.userId);
  }

  @Post(':guildId/owner')
  @HttpCode(200)
  @ApiOperation({ summary: 'Transfer ownership to another member (owner only).' })
  @ApiBody({ schema: openApiSchema(transferOwnershipSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(guildSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (not a member)', schema: errors })
  @ApiResponse({ status: 403, description: 'OWNER_ONLY', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errors })
  transfer(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(transferOwnershipSchema)) body: TransferOwnershipDto,
  ): Promise<Guild> {
    return this.guilds.transferOwnership(guildId, caller.userId, body.userId);
  }
}

@ApiTags('guilds')
@ApiBearerAuth('accessToken')
@Controller('api/v1/users/@me/guilds')
export class MyGuildsController {
  constructor(private readonly guilds: GuildsService) {}

  @Get()
  @ApiOperation({ summary: 'The guilds you are a member of.' })
  @ApiOkResponse({ schema: openApiSchema(z.array(guildSchema)) })
  list(@Caller() caller: CallerIdentity): Promise<Guild[]> {
    return this.guilds.listMine(caller.userId);
  }

  @Delete(':guildId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave a guild (the owner cannot: transfer ownership first).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'OWNER_CANNOT_LEAVE', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errors })
  async leave(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<void> {
    await this.guilds.leave(guildId, caller.userId);
  }
}
