import {
  type ClaimEmojiAnswer,
  type ClaimEmojiRequest,
  claimEmojiRequestSchema,
  INTERNAL_ROUTES,
} from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EmojiClaimsService } from './emoji-claims.service';

/**
 * Service-to-service route for chat's emoji creation (not in the gateway's routing table), called with the
 * creator's identity signed as the gateway signs it. Left out of the public OpenAPI document.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.emojis.controller)
export class EmojiClaimsController {
  constructor(private readonly claims: EmojiClaimsService) {}

  @Post(INTERNAL_ROUTES.emojis.claim)
  @HttpCode(200)
  claim(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(claimEmojiRequestSchema)) body: ClaimEmojiRequest,
  ): Promise<ClaimEmojiAnswer> {
    return this.claims.claim(caller.userId, body);
  }
}
