import { ERROR } from '@bonfire/contracts';
import { Caller, type CallerIdentity, idParam, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  applicationListSchema,
  applicationSchema,
  type ApplicationView,
  botTokenSchema,
  type BotTokenView,
  type CreateApplicationDto,
  createApplicationSchema,
  type UpdateApplicationDto,
  updateApplicationSchema,
} from './applications.dto';
import { ApplicationsService } from './applications.service';

const applicationId = idParam(ERROR.UNKNOWN_APPLICATION, 'Unknown application.');

/** Applications and their bot users; a bot cannot call these (the gateway refuses it, BOT_FORBIDDEN). */
@ApiTags('applications')
@ApiBearerAuth('accessToken')
@Controller('api/v1/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Endpoint({
    method: 'POST',
    summary: 'Create an application and its bot user (get its token with reset-token).',
    body: createApplicationSchema,
    response: applicationSchema,
    status: 201,
    errors: { 400: 'VALIDATION_FAILED', 409: 'TOO_MANY_APPLICATIONS' },
  })
  create(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(createApplicationSchema)) body: CreateApplicationDto,
  ): Promise<ApplicationView> {
    return this.applications.create(caller.userId, body);
  }

  @Endpoint({ method: 'GET', summary: "The caller's applications.", response: applicationListSchema })
  list(@Caller() caller: CallerIdentity): Promise<ApplicationView[]> {
    return this.applications.list(caller.userId);
  }

  @Endpoint({
    method: 'GET',
    path: ':id',
    summary: 'One of your applications.',
    response: applicationSchema,
    errors: { 404: 'UNKNOWN_APPLICATION' },
  })
  get(@Caller() caller: CallerIdentity, @Param('id', applicationId) id: string): Promise<ApplicationView> {
    return this.applications.get(caller.userId, id);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':id',
    summary: "Rename or describe an application (its bot user's name and about follow).",
    body: updateApplicationSchema,
    response: applicationSchema,
    errors: { 400: 'VALIDATION_FAILED', 404: 'UNKNOWN_APPLICATION' },
  })
  update(
    @Caller() caller: CallerIdentity,
    @Param('id', applicationId) id: string,
    @Body(new ZodValidationPipe(updateApplicationSchema)) body: UpdateApplicationDto,
  ): Promise<ApplicationView> {
    return this.applications.update(caller.userId, id, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':id',
    summary: 'Delete an application; its bot token stops working at once.',
    errors: { 404: 'UNKNOWN_APPLICATION' },
  })
  async remove(@Caller() caller: CallerIdentity, @Param('id', applicationId) id: string): Promise<void> {
    await this.applications.delete(caller.userId, id);
  }

  @Endpoint({
    method: 'POST',
    path: ':id/bot/reset-token',
    summary: 'A new bot token, shown once; the previous one is revoked.',
    response: botTokenSchema,
    errors: { 404: 'UNKNOWN_APPLICATION' },
  })
  resetToken(
    @Caller() caller: CallerIdentity,
    @Param('id', applicationId) id: string,
  ): Promise<BotTokenView> {
    return this.applications.resetToken(caller.userId, id);
  }
}
