import type { RevokedSessionsAnswer } from '@bonfire/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SessionsService } from './sessions.service';
import { INTERNAL_ROUTES } from '@bonfire/contracts';

/**
 * Service-to-service route for the gateways (not in the gateway's routing table, so no client reaches
 * it; the gateway-signed identity header is still required). Left out of the public OpenAPI document.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.auth.controller)
export class SessionsInternalController {
  constructor(private readonly sessions: SessionsService) {}

  /**
   * Sessions whose access tokens must still be refused: a starting gateway loads them before it reports
   * ready, then follows `session.revoked` (the standalone shape's bus keeps no events across a restart).
   */
  @Get(INTERNAL_ROUTES.auth.revokedSessions)
  async revokedSessions(): Promise<RevokedSessionsAnswer> {
    return { sessions: await this.sessions.revokedStillValid() };
  }
}
