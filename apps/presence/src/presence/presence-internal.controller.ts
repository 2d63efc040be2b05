import { ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  gatewayParamSchema,
  type HeartbeatDto,
  heartbeatSchema,
  type ReadyQueriesDto,
  readyQueriesSchema,
  type ReportDto,
  reportSchema,
} from './presence.dto';
import { type ReadyAnswer, PresenceService } from './presence.service';
import { INTERNAL_ROUTES } from '@bonfire/contracts';

/**
 * Service-to-service routes for the gateways. Not in the gateway's routing table, so no client reaches
 * them; they still require the gateway-signed identity header (gateway-level calls sign a service
 * identity). Left out of the public OpenAPI document.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.presence.controller)
export class PresenceInternalController {
  constructor(private readonly presence: PresenceService) {}

  /** Connection events of one gateway, in the order they happened. */
  @Post(INTERNAL_ROUTES.presence.report)
  @HttpCode(204)
  async report(
    @Param('gatewayId', new ZodValidationPipe(gatewayParamSchema)) gatewayId: string,
    @Body(new ZodValidationPipe(reportSchema)) body: ReportDto,
  ): Promise<void> {
    await this.presence.report(gatewayId, body);
  }

  /** The gateway's periodic heartbeat with its full connection list. */
  @Post(INTERNAL_ROUTES.presence.heartbeat)
  heartbeat(
    @Param('gatewayId', new ZodValidationPipe(gatewayParamSchema)) gatewayId: string,
    @Body(new ZodValidationPipe(heartbeatSchema)) body: HeartbeatDto,
  ): Promise<{ upserted: number; removed: number }> {
    return this.presence.heartbeat(gatewayId, body);
  }

  /** The gateway is shutting down: its connections end now. */
  @Delete(INTERNAL_ROUTES.presence.gateway)
  @HttpCode(204)
  async goodbye(
    @Param('gatewayId', new ZodValidationPipe(gatewayParamSchema)) gatewayId: string,
  ): Promise<void> {
    await this.presence.goodbye(gatewayId);
  }

  /**
   * Presences for `ready`, for the handshakes a gateway gathered in one call: per query, the ids chat's
   * state lists for that user (first member pages, DM recipients), so no audience filter applies; each
   * answer has the users who are not offline to that user, and the user's own presence.
   */
  @Post(INTERNAL_ROUTES.presence.ready)
  @HttpCode(200)
  async ready(
    @Body(new ZodValidationPipe(readyQueriesSchema)) body: ReadyQueriesDto,
  ): Promise<{ answers: ReadyAnswer[] }> {
    return { answers: await this.presence.readyMany(body.queries) };
  }
}
