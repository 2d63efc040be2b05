import type { BotAuthorizationInfo } from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

@ApiTags('bots')
@ApiBearerAuth('accessToken')
@Controller('api/v1/oauth2/authorize')
export class OAuth2Controller {
  constructor(private readonly oauth2: OAuth2Service) {}

  @Endpoint({
    method: 'GET',
    summary:
      'What an authorise page shows: the application, its bot user, the permissions asked for by name and ' +
      'the guild when guild_id is given (MANAGE_GUILD there).',
    query: authorizeQuerySchema,
    response: authorizationInfoSchema,
    errors: {
      400: 'VALIDATION_FAILED',
      403: 'MISSING_PERMISSION (MANAGE_GUILD)',
      404: 'UNKNOWN_APPLICATION or UNKNOWN_GUILD',
    },
  })
  info(
    @Caller() caller: CallerIdentity,
    @Query(new ZodValidationPipe(authorizeQuerySchema)) query: AuthorizeQuery,
  ): Promise<BotAuthorizationInfo> {
    return this.oauth2.info(caller.userId, query);
  }

  @Endpoint({
    method: 'POST',
    summary:
      'Add the bot to a guild (MANAGE_GUILD) with a role granting the permissions asked for — only ' +
      'permissions you have yourself. Recorded in the audit log as BOT_ADD.',
    body: authorizeBotSchema,
    response: authorizedBotSchema,
    errors: {
      400: 'VALIDATION_FAILED, TOO_MANY_ROLES or TOO_MANY_GUILDS',
      403: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS or BANNED',
      404: 'UNKNOWN_APPLICATION or UNKNOWN_GUILD',
    },
  })
  authorize(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(authorizeBotSchema)) body: AuthorizeBotDto,
  ): Promise<AuthorizedBot> {
    return this.oauth2.authorize(caller.userId, body);
  }
}
