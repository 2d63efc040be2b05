import { Caller, type CallerIdentity, idParam, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { errorBodySchema, openApiSchema } from '@bonfire/platform';
import {
  type PrivateUser,
  privateUserSchema,
  type PublicUser,
  publicUserSchema,
  type UpdateMeDto,
  updateMeSchema,
} from './users.dto';
import { USER_NOT_FOUND, UsersService } from './users.service';

@ApiTags('users')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('@me')
  @ApiBearerAuth('accessToken')
  @ApiOperation({ summary: 'The current user, with email.' })
  @ApiOkResponse({ schema: openApiSchema(privateUserSchema) })
  me(@Caller() caller: CallerIdentity): Promise<PrivateUser> {
    return this.users.me(caller.userId);
  }

  @Patch('@me')
  @ApiBearerAuth('accessToken')
  @ApiOperation({ summary: 'Update the display name, avatar file id or about text (null clears).' })
  @ApiBody({ schema: openApiSchema(updateMeSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(privateUserSchema) })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED (also for an empty body)',
    schema: openApiSchema(errorBodySchema),
  })
  updateMe(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(updateMeSchema)) body: UpdateMeDto,
  ): Promise<PrivateUser> {
    return this.users.updateMe(caller.userId, body);
  }

  // Public profiles are readable by any signed-in user; the gateway requires a token, this service
  // needs only the signed identity it forwards.
  @Get(':id')
  @ApiBearerAuth('accessToken')
  @ApiOperation({ summary: "A user's public profile (no email)." })
  @ApiOkResponse({ schema: openApiSchema(publicUserSchema) })
  @ApiResponse({ status: 404, description: 'USER_NOT_FOUND', schema: openApiSchema(errorBodySchema) })
  profile(@Param('id', idParam(USER_NOT_FOUND, 'User not found.')) id: string): Promise<PublicUser> {
    return this.users.publicProfile(id);
  }
}
