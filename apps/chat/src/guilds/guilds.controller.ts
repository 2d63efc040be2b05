import { type Guild, guildSchema } from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

@ApiTags('guilds')
@ApiBearerAuth('accessToken')
@Controller('api/v1/guilds')
export class GuildsController {
  constructor(private readonly guilds: GuildsService) {}

  @Endpoint({
    method: 'POST',
    summary: 'Create a guild: you own it; it gets @everyone, a "general" text and a "General" voice channel.',
    body: createGuildSchema,
    response: guildSchema,
    status: 201,
    errors: { 400: 'VALIDATION_FAILED, TOO_MANY_GUILDS' },
  })
  create(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(createGuildSchema)) body: CreateGuildDto,
  ): Promise<Guild> {
    return this.guilds.create(caller.userId, body);
  }

  @Endpoint({
    method: 'GET',
    path: ':guildId',
    summary: 'A guild you are a member of.',
    response: guildSchema,
    errors: { 404: 'UNKNOWN_GUILD' },
  })
  get(@Caller() caller: CallerIdentity, @Param('guildId', guildIdPipe()) guildId: string): Promise<Guild> {
    return this.guilds.get(guildId, caller.userId);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':guildId',
    summary: 'Edit name, icon or description (MANAGE_GUILD); `ownerId` transfers ownership (owner).',
    body: updateGuildSchema,
    response: guildSchema,
    errors: { 400: 'VALIDATION_FAILED', 403: 'MISSING_PERMISSION, OWNER_ONLY', 404: 'UNKNOWN_GUILD' },
  })
  update(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(updateGuildSchema)) body: UpdateGuildDto,
  ): Promise<Guild> {
    return this.guilds.update(guildId, caller.userId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':guildId',
    summary: 'Delete the guild (owner only).',
    errors: { 403: 'OWNER_ONLY', 404: 'UNKNOWN_GUILD' },
  })
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<void> {
    await this.guilds.delete(guildId, caller.userId);
  }

  @Endpoint({
    method: 'POST',
    path: ':guildId/owner',
    summary: 'Transfer ownership to another member (owner only).',
    body: transferOwnershipSchema,
    response: guildSchema,
    errors: { 400: 'VALIDATION_FAILED (not a member)', 403: 'OWNER_ONLY', 404: 'UNKNOWN_GUILD' },
  })
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

  @Endpoint({ method: 'GET', summary: 'The guilds you are a member of.', response: z.array(guildSchema) })
  list(@Caller() caller: CallerIdentity): Promise<Guild[]> {
    return this.guilds.listMine(caller.userId);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':guildId',
    summary: 'Leave a guild (the owner cannot: transfer ownership first).',
    errors: { 400: 'OWNER_CANNOT_LEAVE', 404: 'UNKNOWN_GUILD' },
  })
  async leave(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<void> {
    await this.guilds.leave(guildId, caller.userId);
  }
}
