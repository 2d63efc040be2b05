import { ERROR, INTERNAL_ROUTES } from '@bonfire/contracts';
import type { GuildPermissionsAnswer } from '@bonfire/contracts';
import { AppError, Caller, type CallerIdentity } from '@bonfire/platform';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AccessService } from '../access/access.service';

/**
 * Service-to-service route for the file service (who may set a guild icon). Not in the gateway's routing
 * table; like every chat route it requires the identity header and answers for that user only. Channel
 * permissions come from the realtime route `GET /internal/v1/realtime/channels/{id}/permissions`.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.guilds.controller)
export class AttachmentsController {
  constructor(private readonly access: AccessService) {}

  /** The caller's guild-level permission bitfield; 404 UNKNOWN_GUILD for non-members. */
  @Get(INTERNAL_ROUTES.guilds.permissions)
  async guildPermissions(
    @Caller() caller: CallerIdentity,
    @Param('guildId') guildId: string,
  ): Promise<GuildPermissionsAnswer> {
    const guild = await this.access.guild(guildId, caller.userId);
    if (!guild) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
    return { guildId, permissions: String(guild.permissions) };
  }
}
