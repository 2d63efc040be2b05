import { ERROR } from '@bonfire/contracts';
import { Caller, type CallerIdentity, idParam, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import {
  type PrivateUser,
  privateUserSchema,
  type PublicUser,
  publicUserSchema,
  type UpdateMeDto,
  updateMeSchema,
} from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Endpoint({
    method: 'GET',
    path: '@me',
    summary: 'The current user, with email.',
    response: privateUserSchema,
  })
  @ApiBearerAuth('accessToken')
  me(@Caller() caller: CallerIdentity): Promise<PrivateUser> {
    return this.users.me(caller.userId);
  }

  @Endpoint({
    method: 'PATCH',
    path: '@me',
    summary: 'Update the display name, avatar file id or about text (null clears).',
    body: updateMeSchema,
    response: privateUserSchema,
    errors: { 400: 'VALIDATION_FAILED (also for an empty body)' },
  })
  @ApiBearerAuth('accessToken')
  updateMe(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(updateMeSchema)) body: UpdateMeDto,
  ): Promise<PrivateUser> {
    return this.users.updateMe(caller.userId, body);
  }

  // Public profiles are readable by any signed-in user; the gateway requires a token, this service
  // needs only the signed identity it forwards.
  @Endpoint({
    method: 'GET',
    path: ':id',
    summary: "A user's public profile (no email).",
    response: publicUserSchema,
    errors: { 404: 'USER_NOT_FOUND' },
  })
  @ApiBearerAuth('accessToken')
  profile(@Param('id', idParam(ERROR.USER_NOT_FOUND, 'User not found.')) id: string): Promise<PublicUser> {
    return this.users.publicProfile(id);
  }
}
