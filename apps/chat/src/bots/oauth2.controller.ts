import { BITFIELD_PATTERN, SNOWFLAKE_PATTERN } from '@bonfire/contracts';
import type { BotAuthorizationInfo } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  authorizationInfoSchema,
  type AuthorizeBotDto,
  authorizeBotSchema,
  authorizedBotSchema,
  type AuthorizedBot,
  type AuthorizeQuery,
  authorizeQuerySchema,
} from './oauth2.dto';
import { OAuth2Service } from './oauth2.service';

const errors = openApiSchema(errorBodySchema);

@ApiTags('bots')
@ApiBearerAuth('accessToken')
@Controller('api/v1/oauth2/authorize')
export class OAuth2Controller {
  constructor(private readonly oauth2: OAuth2Service) {}

  @Get()
  @ApiOperation({
    summary:
      'What an authorise page shows: the application, its bot user, the permissions asked for by name and ' +
      'the guild when guild_id is given (MANAGE_GUILD there).',
  })
  @ApiQuery({
    name: 'client_id',
    required: true,
    schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source },
  })
  @ApiQuery({
    name: 'permissions',
    required: false,
    schema: { type: 'string', pattern: BITFIELD_PATTERN.source },
  })
  @ApiQuery({
    name: 'guild_id',
    required: false,
    schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source },
  })
  @ApiOkResponse({ schema: openApiSchema(authorizationInfoSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (MANAGE_GUILD)', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_APPLICATION or UNKNOWN_GUILD', schema: errors })
  info(
    @Caller() caller: CallerIdentity,
    @Query(new ZodValidationPipe(authorizeQuerySchema)) query: AuthorizeQuery,
  ): Promise<BotAuthorizationInfo> {
    return this.oauth2.info(caller.userId, query);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Add the bot to a guild (MANAGE_GUILD) with a role granting the permissions asked for — only ' +
      'permissions you have yourself. Recorded in the audit log as BOT_ADD.',
  })
  @ApiBody({ schema: openApiSchema(authorizeBotSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(authorizedBotSchema) })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED, TOO_MANY_ROLES or TOO_MANY_GUILDS',
    schema: errors,
  })
  @ApiResponse({
    status: 403,
    description: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS or BANNED',
    schema: errors,
  })
  @ApiResponse({ status: 404, description: 'UNKNOWN_APPLICATION or UNKNOWN_GUILD', schema: errors })
  authorize(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(authorizeBotSchema)) body: AuthorizeBotDto,
  ): Promise<AuthorizedBot> {
    return this.oauth2.authorize(caller.userId, body);
  }
}
