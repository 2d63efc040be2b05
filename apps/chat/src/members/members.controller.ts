import { type Member, memberSchema, SNOWFLAKE_PATTERN } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  idParam,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';
import { GUILD_ERROR_CODES, guildIdPipe, userIdPipe } from '../guilds/guild-common';
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
const bannedUserIdPipe = () => idParam(GUILD_ERROR_CODES.unknownUser, 'Unknown user.');

@ApiTags('members')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member), UNKNOWN_MEMBER', schema: errors })
@Controller('api/v1/guilds/:guildId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: 'Members ordered by user id: `limit` 1–1000 (default 100), `after` a user id.' })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: CHAT_LIMITS.memberPageMax, default: 100 },
  })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source } })
  @ApiOkResponse({ schema: openApiSchema(z.array(memberSchema)) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  list(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Query(new ZodValidationPipe(listMembersQuerySchema)) query: ListMembersQuery,
  ): Promise<Member[]> {
    return this.members.list(guildId, caller.userId, query);
  }

  @Patch('@me')
  @ApiOperation({ summary: 'Set your own nickname (CHANGE_NICKNAME); null or empty clears it.' })
  @ApiBody({ schema: openApiSchema(updateMeSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(memberSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  updateMe(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(updateMeSchema)) body: UpdateMeDto,
  ): Promise<Member> {
    return this.members.update(guildId, caller.userId, caller.userId, body);
  }

  @Get(':userId')
  @ApiOperation({ summary: 'One member.' })
  @ApiOkResponse({ schema: openApiSchema(memberSchema) })
  get(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', userIdPipe()) userId: string,
  ): Promise<Member> {
    return this.members.get(guildId, caller.userId, userId);
  }

  @Patch(':userId')
  @ApiOperation({
    summary:
      "Change a member's nickname (yours: CHANGE_NICKNAME; others': MANAGE_NICKNAMES) or roles (MANAGE_ROLES, " +
      'roles below your highest, a member below you).',
  })
  @ApiBody({ schema: openApiSchema(updateMemberSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(memberSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({
    status: 403,
    description: 'MISSING_PERMISSION, MEMBER_HIERARCHY, ROLE_HIERARCHY',
    schema: errors,
  })
  update(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', userIdPipe()) userId: string,
    @Body(new ZodValidationPipe(updateMemberSchema)) body: UpdateMemberDto,
  ): Promise<Member> {
    return this.members.update(guildId, caller.userId, userId, body);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Kick a member below you (KICK_MEMBERS).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION, MEMBER_HIERARCHY', schema: errors })
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

  @Get()
  @ApiOperation({ summary: "The guild's bans (BAN_MEMBERS)." })
  @ApiOkResponse({ schema: openApiSchema(z.array(banSchema)) })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errors })
  list(@Caller() caller: CallerIdentity, @Param('guildId', guildIdPipe()) guildId: string): Promise<Ban[]> {
    return this.members.bans(guildId, caller.userId);
  }

  @Put(':userId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Ban a user (BAN_MEMBERS; a member must be below you): they leave and cannot rejoin.',
  })
  @ApiBody({ schema: openApiSchema(banBodySchema.unwrap(), 'input'), required: false })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION, MEMBER_HIERARCHY', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD, UNKNOWN_USER', schema: errors })
  async ban(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', bannedUserIdPipe()) userId: string,
    @Body(new ZodValidationPipe(banBodySchema)) body: BanBodyDto,
  ): Promise<void> {
    await this.members.ban(guildId, caller.userId, userId, body);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift a ban (BAN_MEMBERS).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  @ApiResponse({
    status: 404,
    description: 'UNKNOWN_GUILD, UNKNOWN_BAN, UNKNOWN_USER (not a user id)',
    schema: errors,
  })
  async unban(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('userId', bannedUserIdPipe()) userId: string,
  ): Promise<void> {
    await this.members.unban(guildId, caller.userId, userId);
  }
}
