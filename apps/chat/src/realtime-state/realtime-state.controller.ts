import {
  ERROR,
  type ChannelPermissionsAnswer,
  isSnowflake,
  type RealtimeState,
  type VisibleChannelsAnswer,
  INTERNAL_ROUTES,
} from '@bonfire/contracts';
import { AppError, Caller, type CallerIdentity } from '@bonfire/platform';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RealtimeStateService } from './realtime-state.service';

/**
 * Service-to-service routes for the gateway's realtime edge. They are not in the gateway's routing table,
 * so no client can reach them; like every chat route they still require the identity header the gateway
 * signs, and answer for that user only. Left out of the public OpenAPI document.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.realtime.controller)
export class RealtimeStateController {
  constructor(private readonly realtime: RealtimeStateService) {}

  /** The `ready` state of the calling user. */
  @Get(INTERNAL_ROUTES.realtime.state)
  state(@Caller() caller: CallerIdentity): Promise<RealtimeState> {
    return this.realtime.state(caller.userId);
  }

  /** The ids of the guild's channels the caller can see; 404 UNKNOWN_GUILD for non-members. */
  @Get(INTERNAL_ROUTES.realtime.visibleChannels)
  visibleChannels(
    @Caller() caller: CallerIdentity,
    @Param('guildId') guildId: string,
  ): Promise<VisibleChannelsAnswer> {
    if (!isSnowflake(guildId)) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
    return this.realtime.visibleChannels(guildId, caller.userId);
  }

  /** The caller's permission bitfield in a channel they can see; 404 UNKNOWN_CHANNEL otherwise. */
  @Get(INTERNAL_ROUTES.realtime.channelPermissions)
  channelPermissions(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
  ): Promise<ChannelPermissionsAnswer> {
    return this.realtime.channelPermissions(channelId, caller.userId);
  }
}
