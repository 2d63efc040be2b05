import { type Presence, presenceSchema, SNOWFLAKE_PATTERN } from '@bonfire/contracts';
import {
  AppError,
  Caller,
  type CallerIdentity,
  errorBodySchema,
  idParam,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { PRESENCE_LIMITS } from '../config';
import {
  type QueryPresencesDto,
  queryPresencesSchema,
  type UpdatePresenceDto,
  updatePresenceSchema,
} from './presence.dto';
import { PresenceService } from './presence.service';

const errorSchema = openApiSchema(errorBodySchema);

// Comma-separated snowflake ids, 1 to PRESENCE_LIMITS.queryIds of them (empty parts are skipped).
const ID = `(?:${SNOWFLAKE_PATTERN.source.slice(1, -1)})`;
const USER_IDS_PATTERN = `^,*(?:${ID},+){0,${PRESENCE_LIMITS.queryIds - 1}}${ID},*$`;

@ApiTags('presence')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Get('presences')
  @ApiOperation({
    summary:
      `Presences of up to ${PRESENCE_LIMITS.queryIds} users (comma-separated ids). Users who share no guild ` +
      'and no DM with you answer offline; you see your own status (invisible included).',
  })
  @ApiQuery({ name: 'userIds', required: true, schema: { type: 'string', pattern: USER_IDS_PATTERN } })
  @ApiResponse({ status: 200, schema: openApiSchema(z.array(presenceSchema)) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  list(
    @Caller() caller: CallerIdentity,
    @Query(new ZodValidationPipe(queryPresencesSchema)) query: QueryPresencesDto,
  ): Promise<Presence[]> {
    return this.presence.query(caller.userId, query.userIds, true);
  }

  @Get('presences/guilds/:guildId')
  @ApiOperation({ summary: 'Everyone in a guild of yours who is not offline (one Redis read, any size).' })
  @ApiResponse({ status: 200, schema: openApiSchema(z.array(presenceSchema)) })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errorSchema })
  async guild(
    @Caller() caller: CallerIdentity,
    @Param('guildId', idParam('UNKNOWN_GUILD', 'Unknown guild.')) guildId: string,
  ): Promise<Presence[]> {
    const presences = await this.presence.guild(caller.userId, guildId);
    if (!presences) throw AppError.notFound('Unknown guild.', 'UNKNOWN_GUILD');
    return presences;
  }

  @Patch('users/@me/presence')
  @ApiOperation({
    summary:
      'Set my status (online = automatic, idle, dnd, invisible) and/or custom status (null clears it). ' +
      'Answers my presence as I see it.',
  })
  @ApiBody({ schema: openApiSchema(updatePresenceSchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(presenceSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  update(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(updatePresenceSchema)) body: UpdatePresenceDto,
  ): Promise<Presence> {
    return this.presence.update(caller.userId, body);
  }
}
