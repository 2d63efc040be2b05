import { ERROR, type Member, memberSchema } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  idParam,
  openApiSchema,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import { guildIdPipe, userIdPipe } from '../guilds/guild-common';
import {
  type Ban,
  type BanBodyDto,
  banBodySchema,
  banSchema,
  type ListMembersQuery,
  listMembersQuerySchema,
  type UpdateMeDto,
  updateMeSchema,
  type UpdateMemberDto,
  updateMemberSchema,
} from './members.dto';
import { MembersService } from './members.service';

const errors = openApiSchema(errorBodySchema);
const bannedUserIdPipe = () => idParam(ERROR.UNKNOWN_USER, 'Unknown user.');

@ApiTags('members')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member), UNKNOWN_MEMBER', schema: errors })
@Controller('api/v1/guilds/:guildId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Endpoint({
    method: 'GET',
    summary: 'Members ordered by user id: `limit` 1–1000 (default 100), `after` a user id.',
    query: listMembersQuerySchema,
    response: z.array(memberSchema),
    errors: { 400: 'VALIDATION_FAILED' },
  })
  list(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Query(new ZodValidationPipe(listMembersQuerySchema)) query: ListMembersQuery,
  ): Promise<Member[]> {
    return this.members.list(guildId, caller.userId, query);
  }

  @Endpoint({
    method: 'PATCH',
    path: '@me',
    summary: 'Set your own nickname (CHANGE_NICKNAME); null or empty clears it.',
    body: updateMeSchema,
    response: memberSchema,
    errors: { 400: 'VALIDATION_FAILED', 403: 'MISSING_PERMISSION' },
  })
  updateMe(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(updateMeSchema)) body: UpdateMeDto,
  ): Promise<Member> {
    return this.members.update(guildId, caller.userId, caller.userId, body);
  }

  @Endpoint({ method: 'GET', path: ':userId', summary: 'One member.', response: memberSchema })
  get(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', userIdPipe()) userId: string,
  ): Promise<Member> {
    return this.members.get(guildId, caller.userId, userId);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':userId',
    summary:
      "Change a member's nickname (yours: CHANGE_NICKNAME; others': MANAGE_NICKNAMES) or roles (MANAGE_ROLES, " +
      'roles below your highest, a member below you).',
    body: updateMemberSchema,
    response: memberSchema,
    errors: { 400: 'VALIDATION_FAILED', 403: 'MISSING_PERMISSION, MEMBER_HIERARCHY, ROLE_HIERARCHY' },
  })
  update(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', userIdPipe()) userId: string,
    @Body(new ZodValidationPipe(updateMemberSchema)) body: UpdateMemberDto,
  ): Promise<Member> {
    return this.members.update(guildId, caller.userId, userId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':userId',
    summary: 'Kick a member below you (KICK_MEMBERS).',
    errors: { 403: 'MISSING_PERMISSION, MEMBER_HIERARCHY' },
  })
  async kick(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', userIdPipe()) userId: string,
  ): Promise<void> {
    await this.members.kick(guildId, caller.userId, userId);
  }
}

@ApiTags('members')
@ApiBearerAuth('accessToken')
@Controller('api/v1/guilds/:guildId/bans')
export class BansController {
  constructor(private readonly members: MembersService) {}

  @Endpoint({
    method: 'GET',
    summary: "The guild's bans (BAN_MEMBERS).",
    response: z.array(banSchema),
    errors: { 403: 'MISSING_PERMISSION', 404: 'UNKNOWN_GUILD' },
  })
  list(@Caller() caller: CallerIdentity, @Param('guildId', guildIdPipe()) guildId: string): Promise<Ban[]> {
    return this.members.bans(guildId, caller.userId);
  }

  @Endpoint({
    method: 'PUT',
    path: ':userId',
    summary: 'Ban a user (BAN_MEMBERS; a member must be below you): they leave and cannot rejoin.',
    body: banBodySchema,
    errors: {
      400: 'VALIDATION_FAILED',
      403: 'MISSING_PERMISSION, MEMBER_HIERARCHY',
      404: 'UNKNOWN_GUILD, UNKNOWN_USER',
    },
    bodyOptional: true,
  })
  async ban(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', bannedUserIdPipe()) userId: string,
    @Body(new ZodValidationPipe(banBodySchema)) body: BanBodyDto,
  ): Promise<void> {
    await this.members.ban(guildId, caller.userId, userId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':userId',
    summary: 'Lift a ban (BAN_MEMBERS).',
    errors: { 403: 'MISSING_PERMISSION', 404: 'UNKNOWN_GUILD, UNKNOWN_BAN, UNKNOWN_USER (not a user id)' },
  })
  async unban(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', bannedUserIdPipe()) userId: string,
  ): Promise<void> {
    await this.members.unban(guildId, caller.userId, userId);
  }
}
