import {
  type ClaimAttachmentsAnswer,
  type ClaimAttachmentsRequest,
  claimAttachmentsRequestSchema,
  INTERNAL_ROUTES,
} from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClaimsService } from './claims.service';

/**
 * Service-to-service route for chat (not in the gateway's routing table, so no client reaches it). Chat
 * calls it with the sender's identity signed as the gateway signs it. Left out of the public OpenAPI document.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.attachments.controller)
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post(INTERNAL_ROUTES.attachments.claim)
  @HttpCode(200)
  claim(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(claimAttachmentsRequestSchema)) body: ClaimAttachmentsRequest,
  ): Promise<ClaimAttachmentsAnswer> {
    return this.claims.claim(caller.userId, body);
  }
}
