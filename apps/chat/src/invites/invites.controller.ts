import { type Guild, guildSchema, type Invite, inviteSchema } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  Public,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import { guildIdPipe } from '../guilds/guild-common';
import {
  type CreateInviteDto,
  createInviteSchema,
  type InvitePreview,
  invitePreviewSchema,
} from './invites.dto';
import { InvitesService } from './invites.service';

const errors = openApiSchema(errorBodySchema);

@ApiTags('invites')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member)', schema: errors })
@Controller('api/v1/guilds/:guildId/invites')
export class GuildInvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Create an invite (CREATE_INVITE): maxUses (0 = unlimited), maxAgeSeconds (default 7 days, 0 = never).',
  })
  @ApiBody({ schema: openApiSchema(createInviteSchema, 'input'), required: false })
  @ApiCreatedResponse({ schema: openApiSchema(inviteSchema) })
  @ApiResponse({
    status: 400,
    description:
      'VALIDATION_FAILED, TOO_MANY_INVITES (the guild has CHAT_MAX_INVITES_PER_GUILD active invites, 1000 by ' +
      'default; expired and used-up ones do not count)',
    schema: errors,
  })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  create(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(createInviteSchema)) body: CreateInviteDto,
  ): Promise<Invite> {
    return this.invites.create(guildId, caller.userId, body);
  }

  @Get()
  @ApiOperation({ summary: "The guild's unexpired invites (MANAGE_GUILD)." })
  @ApiOkResponse({ schema: openApiSchema(z.array(inviteSchema)) })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  list(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
  ): Promise<Invite[]> {
    return this.invites.list(guildId, caller.userId);
  }
}

@ApiTags('invites')
@ApiResponse({ status: 404, description: 'UNKNOWN_INVITE (also expired or used up)', schema: errors })
@Controller('api/v1/invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'Preview an invite without joining (no sign-in needed).' })
  @ApiOkResponse({ schema: openApiSchema(invitePreviewSchema) })
  preview(@Param('code') code: string): Promise<InvitePreview> {
    return this.invites.preview(code);
  }

  @Post(':code')
  @HttpCode(200)
  @ApiBearerAuth('accessToken')
  @ApiOperation({
    summary: 'Accept an invite: join the guild (already a member: the guild, no use counted).',
  })
  @ApiOkResponse({ schema: openApiSchema(guildSchema) })
  @ApiResponse({ status: 400, description: 'TOO_MANY_GUILDS', schema: errors })
  @ApiResponse({ status: 403, description: 'BANNED', schema: errors })
  accept(@Caller() caller: CallerIdentity, @Param('code') code: string): Promise<Guild> {
    return this.invites.accept(code, caller.userId);
  }

  @Delete(':code')
  @HttpCode(204)
  @ApiBearerAuth('accessToken')
  @ApiOperation({ summary: 'Revoke an invite (MANAGE_GUILD, or its creator).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  async delete(@Caller() caller: CallerIdentity, @Param('code') code: string): Promise<void> {
    await this.invites.delete(code, caller.userId);
  }
}
