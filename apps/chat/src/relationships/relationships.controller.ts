import type { PrivacySettings, Relationship } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  privacySettingsSchema,
  type PutRelationshipDto,
  putRelationshipSchema,
  relationshipListSchema,
  relationshipSchema,
  type SendFriendRequestDto,
  sendFriendRequestSchema,
  type UpdatePrivacyDto,
  updatePrivacySchema,
} from './relationships.dto';
import { RelationshipsService } from './relationships.service';

const errorSchema = openApiSchema(errorBodySchema);
const REQUEST_ERRORS_400 =
  'VALIDATION_FAILED, CANNOT_FRIEND_SELF, CANNOT_FRIEND_BOT, ALREADY_FRIENDS, USER_BLOCKED (you blocked them)';
const REQUEST_ERRORS_403 =
  'FRIEND_REQUEST_BLOCKED: the user does not accept requests from you (their privacy setting, or a block — ' +
  'told the same way)';

@ApiTags('relationships')
@ApiBearerAuth('accessToken')
@Controller('api/v1/users/@me')
export class RelationshipsController {
  constructor(private readonly relationships: RelationshipsService) {}

  @Get('relationships')
  @ApiOperation({
    summary: 'My friends, blocks and pending friend requests (incoming / outgoing), newest first.',
  })
  @ApiResponse({ status: 200, schema: openApiSchema(relationshipListSchema) })
  list(@Caller() caller: CallerIdentity): Promise<Relationship[]> {
    return this.relationships.list(caller.userId);
  }

  @Post('relationships')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send a friend request by username (or accept theirs, if they sent one: both become friends). ' +
      'Repeating a pending request changes nothing.',
  })
  @ApiBody({ schema: openApiSchema(sendFriendRequestSchema, 'input') })
  @ApiResponse({
    status: 200,
    description: 'My side of the relationship',
    schema: openApiSchema(relationshipSchema),
  })
  @ApiResponse({ status: 400, description: REQUEST_ERRORS_400, schema: errorSchema })
  @ApiResponse({ status: 403, description: REQUEST_ERRORS_403, schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_USER', schema: errorSchema })
  async request(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(sendFriendRequestSchema)) body: SendFriendRequestDto,
  ): Promise<Relationship> {
    return (await this.relationships.requestByName(caller.userId, body.username)).relationship;
  }

  @Put('relationships/:userId')
  @ApiOperation({
    summary:
      'No type (or `friend`): send a friend request, or accept theirs. `{type: "blocked"}`: block the user ' +
      '(ends any friendship or request between us; they are not told).',
  })
  @ApiBody({ required: false, schema: openApiSchema(putRelationshipSchema, 'input') })
  @ApiResponse({
    status: 200,
    description: 'My side of the relationship',
    schema: openApiSchema(relationshipSchema),
  })
  @ApiResponse({ status: 400, description: `${REQUEST_ERRORS_400}, CANNOT_BLOCK_SELF`, schema: errorSchema })
  @ApiResponse({ status: 403, description: REQUEST_ERRORS_403, schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_USER', schema: errorSchema })
  async put(
    @Caller() caller: CallerIdentity,
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(putRelationshipSchema)) body: PutRelationshipDto,
  ): Promise<Relationship> {
    const change =
      body.type === 'blocked'
        ? await this.relationships.block(caller.userId, userId)
        : await this.relationships.requestById(caller.userId, userId);
    return change.relationship;
  }

  @Delete('relationships/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a friend, cancel my request, decline theirs, or unblock.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, description: 'UNKNOWN_RELATIONSHIP', schema: errorSchema })
  remove(@Caller() caller: CallerIdentity, @Param('userId') userId: string): Promise<void> {
    return this.relationships.remove(caller.userId, userId);
  }

  @Get('privacy')
  @ApiOperation({ summary: 'Who may DM me and who may send me friend requests.' })
  @ApiResponse({ status: 200, schema: openApiSchema(privacySettingsSchema) })
  privacy(@Caller() caller: CallerIdentity): Promise<PrivacySettings> {
    return this.relationships.privacy(caller.userId);
  }

  @Patch('privacy')
  @ApiOperation({
    summary:
      'Change my privacy settings. dmsFrom: everyone | guild_members (sharing a server, or friends) | friends. ' +
      'friendRequestsFrom: everyone | guild_members | friends_of_friends | nobody.',
  })
  @ApiBody({ schema: openApiSchema(updatePrivacySchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(privacySettingsSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  updatePrivacy(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(updatePrivacySchema)) body: UpdatePrivacyDto,
  ): Promise<PrivacySettings> {
    return this.relationships.updatePrivacy(caller.userId, body);
  }
}
