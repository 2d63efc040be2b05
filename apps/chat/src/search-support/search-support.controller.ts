import {
  ERROR,
  isSnowflake,
  type ReadableChannelsAnswer,
  type UsersByNameAnswer,
  INTERNAL_ROUTES,
} from '@bonfire/contracts';
import { AppError, Caller, type CallerIdentity } from '@bonfire/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SearchSupportService } from './search-support.service';

const MAX_USERNAMES = 25;

/**
 * Service-to-service routes for the search service (not in the gateway's routing table). Like every
 * chat route they require the identity header, and answer for that user only.
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.search.controller)
export class SearchSupportController {
  constructor(private readonly support: SearchSupportService) {}

  /** Channels of the guild whose history the caller may read now; 404 UNKNOWN_GUILD for non-members. */
  @Get(INTERNAL_ROUTES.search.readableChannels)
  readableChannels(
    @Caller() caller: CallerIdentity,
    @Param('guildId') guildId: string,
  ): Promise<ReadableChannelsAnswer> {
    if (!isSnowflake(guildId)) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
    return this.support.readableChannels(guildId, caller.userId);
  }

  /** Users known to chat by these usernames (`?username=a&username=b`). */
  @Get(INTERNAL_ROUTES.search.users)
  users(@Query('username') username: string | string[] | undefined): Promise<UsersByNameAnswer> {
    const names = (Array.isArray(username) ? username : username === undefined ? [] : [username])
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '');
    if (names.length > MAX_USERNAMES) {
      throw AppError.validation([{ code: 'username', message: `at most ${MAX_USERNAMES} usernames` }]);
    }
    return this.support.usersByName([...new Set(names)]);
  }
}
