import { type Guild, guildSchema, type Invite, inviteSchema } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  Public,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
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

  @Endpoint({
    method: 'POST',
    summary:
      'Create an invite (CREATE_INVITE): maxUses (0 = unlimited), maxAgeSeconds (default 7 days, 0 = never).',
    body: createInviteSchema,
    response: inviteSchema,
    status: 201,
    errors: {
      400:
        'VALIDATION_FAILED, TOO_MANY_INVITES (the guild has CHAT_MAX_INVITES_PER_GUILD active invites, 1000 by ' +
        'default; expired and used-up ones do not count)',
      403: 'MISSING_PERMISSION',
    },
    bodyOptional: true,
  })
  create(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(createInviteSchema)) body: CreateInviteDto,
  ): Promise<Invite> {
    return this.invites.create(guildId, caller.userId, body);
  }

  @Endpoint({
    method: 'GET',
    summary: "The guild's unexpired invites (MANAGE_GUILD).",
    response: z.array(inviteSchema),
    errors: { 403: 'MISSING_PERMISSION' },
  })
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

  @Endpoint({
    method: 'GET',
    path: ':code',
    summary: 'Preview an invite without joining (no sign-in needed).',
    response: invitePreviewSchema,
  })
  @Public()
  preview(@Param('code') code: string): Promise<InvitePreview> {
    return this.invites.preview(code);
  }

  @Endpoint({
    method: 'POST',
    path: ':code',
    summary: 'Accept an invite: join the guild (already a member: the guild, no use counted).',
    response: guildSchema,
    errors: { 400: 'TOO_MANY_GUILDS', 403: 'BANNED' },
  })
  @ApiBearerAuth('accessToken')
  accept(@Caller() caller: CallerIdentity, @Param('code') code: string): Promise<Guild> {
    return this.invites.accept(code, caller.userId);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':code',
    summary: 'Revoke an invite (MANAGE_GUILD, or its creator).',
    errors: { 403: 'MISSING_PERMISSION' },
  })
  @ApiBearerAuth('accessToken')
  async delete(@Caller() caller: CallerIdentity, @Param('code') code: string): Promise<void> {
    await this.invites.delete(code, caller.userId);
  }
}
