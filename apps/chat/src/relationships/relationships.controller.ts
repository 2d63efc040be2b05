import type { PrivacySettings, Relationship } from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

  @Endpoint({
    method: 'GET',
    path: 'relationships',
    summary: 'My friends, blocks and pending friend requests (incoming / outgoing), newest first.',
    response: relationshipListSchema,
  })
  list(@Caller() caller: CallerIdentity): Promise<Relationship[]> {
    return this.relationships.list(caller.userId);
  }

  @Endpoint({
    method: 'POST',
    path: 'relationships',
    summary:
      'Send a friend request by username (or accept theirs, if they sent one: both become friends). ' +
      'Repeating a pending request changes nothing.',
    body: sendFriendRequestSchema,
    response: relationshipSchema,
    responseDescription: 'My side of the relationship',
    errors: { 400: REQUEST_ERRORS_400, 403: REQUEST_ERRORS_403, 404: 'UNKNOWN_USER' },
  })
  async request(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(sendFriendRequestSchema)) body: SendFriendRequestDto,
  ): Promise<Relationship> {
    return (await this.relationships.requestByName(caller.userId, body.username)).relationship;
  }

  @Endpoint({
    method: 'PUT',
    path: 'relationships/:userId',
    summary:
      'No type (or `friend`): send a friend request, or accept theirs. `{type: "blocked"}`: block the user ' +
      '(ends any friendship or request between us; they are not told).',
    body: putRelationshipSchema,
    response: relationshipSchema,
    responseDescription: 'My side of the relationship',
    errors: { 400: `${REQUEST_ERRORS_400}, CANNOT_BLOCK_SELF`, 403: REQUEST_ERRORS_403, 404: 'UNKNOWN_USER' },
    bodyOptional: true,
  })
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

  @Endpoint({
    method: 'DELETE',
    path: 'relationships/:userId',
    summary: 'Remove a friend, cancel my request, decline theirs, or unblock.',
    errors: { 404: 'UNKNOWN_RELATIONSHIP' },
  })
  remove(@Caller() caller: CallerIdentity, @Param('userId') userId: string): Promise<void> {
    return this.relationships.remove(caller.userId, userId);
  }

  @Endpoint({
    method: 'GET',
    path: 'privacy',
    summary: 'Who may DM me and who may send me friend requests.',
    response: privacySettingsSchema,
  })
  privacy(@Caller() caller: CallerIdentity): Promise<PrivacySettings> {
    return this.relationships.privacy(caller.userId);
  }

  @Endpoint({
    method: 'PATCH',
    path: 'privacy',
    summary:
      'Change my privacy settings. dmsFrom: everyone | guild_members (sharing a server, or friends) | friends. ' +
      'friendRequestsFrom: everyone | guild_members | friends_of_friends | nobody.',
    body: updatePrivacySchema,
    response: privacySettingsSchema,
    errors: { 400: 'VALIDATION_FAILED' },
  })
  updatePrivacy(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(updatePrivacySchema)) body: UpdatePrivacyDto,
  ): Promise<PrivacySettings> {
    return this.relationships.updatePrivacy(caller.userId, body);
  }
}
