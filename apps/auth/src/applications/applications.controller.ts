import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  idParam,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
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
import { APPLICATION_ERRORS, ApplicationsService } from './applications.service';

const errorSchema = openApiSchema(errorBodySchema);
const applicationId = idParam(APPLICATION_ERRORS.unknownApplication, 'Unknown application.');

/** Applications and their bot users; a bot cannot call these (the gateway refuses it, BOT_FORBIDDEN). */
@ApiTags('applications')
@ApiBearerAuth('accessToken')
@Controller('api/v1/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an application and its bot user (get its token with reset-token).' })
  @ApiBody({ schema: openApiSchema(createApplicationSchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(applicationSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 409, description: 'TOO_MANY_APPLICATIONS', schema: errorSchema })
  create(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(createApplicationSchema)) body: CreateApplicationDto,
  ): Promise<ApplicationView> {
    return this.applications.create(caller.userId, body);
  }

  @Get()
  @ApiOperation({ summary: "The caller's applications." })
  @ApiOkResponse({ schema: openApiSchema(applicationListSchema) })
  list(@Caller() caller: CallerIdentity): Promise<ApplicationView[]> {
    return this.applications.list(caller.userId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your applications.' })
  @ApiOkResponse({ schema: openApiSchema(applicationSchema) })
  @ApiResponse({ status: 404, description: 'UNKNOWN_APPLICATION', schema: errorSchema })
  get(@Caller() caller: CallerIdentity, @Param('id', applicationId) id: string): Promise<ApplicationView> {
    return this.applications.get(caller.userId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Rename or describe an application (its bot user's name and about follow)." })
  @ApiBody({ schema: openApiSchema(updateApplicationSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(applicationSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_APPLICATION', schema: errorSchema })
  update(
    @Caller() caller: CallerIdentity,
    @Param('id', applicationId) id: string,
    @Body(new ZodValidationPipe(updateApplicationSchema)) body: UpdateApplicationDto,
  ): Promise<ApplicationView> {
    return this.applications.update(caller.userId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an application; its bot token stops working at once.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, description: 'UNKNOWN_APPLICATION', schema: errorSchema })
  async remove(@Caller() caller: CallerIdentity, @Param('id', applicationId) id: string): Promise<void> {
    await this.applications.delete(caller.userId, id);
  }

  @Post(':id/bot/reset-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new bot token, shown once; the previous one is revoked.' })
  @ApiOkResponse({ schema: openApiSchema(botTokenSchema) })
  @ApiResponse({ status: 404, description: 'UNKNOWN_APPLICATION', schema: errorSchema })
  resetToken(
    @Caller() caller: CallerIdentity,
    @Param('id', applicationId) id: string,
  ): Promise<BotTokenView> {
    return this.applications.resetToken(caller.userId, id);
  }
}
