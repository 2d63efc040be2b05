import { ERROR, type Presence, presenceSchema } from '@bonfire/contracts';
import {
  AppError,
  Caller,
  type CallerIdentity,
  idParam,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { PRESENCE_LIMITS } from '../config';
import {
  type QueryPresencesDto,
  queryPresencesSchema,
  type UpdatePresenceDto,
  updatePresenceSchema,
} from './presence.dto';
import { PresenceService } from './presence.service';

@ApiTags('presence')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Endpoint({
    method: 'GET',
    path: 'presences',
    summary:
      `Presences of up to ${PRESENCE_LIMITS.queryIds} users (comma-separated ids). Users who share no guild ` +
      'and no DM with you answer offline; you see your own status (invisible included).',
    query: queryPresencesSchema,
    response: z.array(presenceSchema),
    errors: { 400: 'VALIDATION_FAILED' },
  })
  list(
    @Caller() caller: CallerIdentity,
    @Query(new ZodValidationPipe(queryPresencesSchema)) query: QueryPresencesDto,
  ): Promise<Presence[]> {
    return this.presence.query(caller.userId, query.userIds);
  }

  @Endpoint({
    method: 'GET',
    path: 'presences/guilds/:guildId',
    summary: 'Everyone in a guild of yours who is not offline (one Redis read, any size).',
    response: z.array(presenceSchema),
    errors: { 404: 'UNKNOWN_GUILD' },
  })
  async guild(
    @Caller() caller: CallerIdentity,
    @Param('guildId', idParam(ERROR.UNKNOWN_GUILD, 'Unknown guild.')) guildId: string,
  ): Promise<Presence[]> {
    const presences = await this.presence.guild(caller.userId, guildId);
    if (!presences) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
    return presences;
  }

  @Endpoint({
    method: 'PATCH',
    path: 'users/@me/presence',
    summary:
      'Set my status (online = automatic, idle, dnd, invisible) and/or custom status (null clears it). ' +
      'Answers my presence as I see it.',
    body: updatePresenceSchema,
    response: presenceSchema,
    errors: { 400: 'VALIDATION_FAILED' },
  })
  update(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(updatePresenceSchema)) body: UpdatePresenceDto,
  ): Promise<Presence> {
    return this.presence.update(caller.userId, body);
  }
}
