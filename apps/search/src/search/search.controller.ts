import { ERROR, type SearchResults, searchResultsSchema } from '@bonfire/contracts';
import { Caller, type CallerIdentity, idParam, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SEARCH_LIMITS } from '../config';
import { type SearchQuery, searchQuerySchema } from './search.dto';
import { SearchService } from './search.service';

const queryDocs = [
  {
    name: 'q',
    description: 'Search syntax: from:alice in:#general has:file before:2026-01-01 "exact phrase"',
  },
  { name: 'content', description: 'Words to find (all of them)' },
  { name: 'authorId', description: 'Author ids (repeat or comma-separate)' },
  { name: 'mentions', description: 'Mentioned user ids' },
  { name: 'has', description: 'link, file or image' },
  { name: 'channelId', description: 'Channel ids (guild search only)' },
  { name: 'before', description: 'Date, ISO date-time or message id (exclusive)' },
  { name: 'after', description: 'Date, ISO date-time or message id (exclusive)' },
  { name: 'pinned', description: 'true or false' },
  { name: 'sort', description: 'relevance (default), newest or oldest' },
  { name: 'limit', description: `1–${SEARCH_LIMITS.maxLimit}` },
  { name: 'offset', description: `0–${SEARCH_LIMITS.maxOffset}` },
];

/** The search filters; `channelId` narrows a guild search only (a channel's search refuses it). */
function ApiSearchQueries(scope: 'guild' | 'channel'): MethodDecorator {
  return (target, key, descriptor) => {
    for (const doc of queryDocs) {
      if (scope === 'channel' && doc.name === 'channelId') continue;
      ApiQuery({ ...doc, required: false, schema: { type: 'string' } })(target, key, descriptor);
    }
  };
}

@ApiTags('search')
@ApiBearerAuth('accessToken')
@Controller()
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Endpoint({
    method: 'GET',
    path: 'api/v1/guilds/:guildId/messages/search',
    summary: "Search the messages of a guild's channels the caller can read",
    response: searchResultsSchema,
    errors: {
      400: 'VALIDATION_FAILED, INVALID_QUERY',
      404: 'UNKNOWN_GUILD',
      503: 'CHAT_UNAVAILABLE, SEARCH_UNAVAILABLE',
    },
  })
  @ApiSearchQueries('guild')
  guild(
    @Caller() caller: CallerIdentity,
    @Param('guildId', idParam(ERROR.UNKNOWN_GUILD, 'Unknown guild.')) guildId: string,
    @Query(new ZodValidationPipe(searchQuerySchema)) query: SearchQuery,
  ): Promise<SearchResults> {
    return this.search.search(caller, { guildId }, query);
  }

  @Endpoint({
    method: 'GET',
    path: 'api/v1/channels/:channelId/messages/search',
    summary: 'Search the messages of one channel or DM',
    response: searchResultsSchema,
    errors: {
      400: 'VALIDATION_FAILED, INVALID_QUERY',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_CHANNEL',
      503: 'CHAT_UNAVAILABLE, SEARCH_UNAVAILABLE',
    },
  })
  @ApiSearchQueries('channel')
  channel(
    @Caller() caller: CallerIdentity,
    @Param('channelId', idParam(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.')) channelId: string,
    @Query(new ZodValidationPipe(searchQuerySchema)) query: SearchQuery,
  ): Promise<SearchResults> {
    return this.search.search(caller, { channelId }, query);
  }
}
