import {
  type BotTokenVerifyAnswer,
  type BotTokenVerifyRequest,
  botTokenVerifyRequestSchema,
  INTERNAL_ROUTES,
} from '@bonfire/contracts';
import { ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApplicationsService } from './applications.service';

/**
 * Service-to-service: the gateways verify bot tokens here (not in the routing table; the gateway-signed
 * identity header is still required). 401 BOT_TOKEN_INVALID for an unknown, reset or malformed token.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.botTokens.controller)
export class BotTokensInternalController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post(INTERNAL_ROUTES.botTokens.verify)
  @HttpCode(200)
  verify(
    @Body(new ZodValidationPipe(botTokenVerifyRequestSchema)) body: BotTokenVerifyRequest,
  ): Promise<BotTokenVerifyAnswer> {
    return this.applications.verify(body.token);
  }
}
