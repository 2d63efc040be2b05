import { Caller, type CallerIdentity } from '@bonfire/platform';
import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { errorBodySchema, openApiSchema } from '@bonfire/platform';
import { type SessionView, sessionListSchema } from './sessions.dto';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@ApiBearerAuth('accessToken')
@Controller('api/v1/auth/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's active sessions; `current` marks the one making this request." })
  @ApiOkResponse({ schema: openApiSchema(sessionListSchema) })
  async list(@Caller() caller: CallerIdentity): Promise<SessionView[]> {
    await this.sessions.assertActive(caller);
    return this.sessions.list(caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your sessions: its refresh tokens stop working at once.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, description: 'SESSION_NOT_FOUND', schema: openApiSchema(errorBodySchema) })
  async revoke(@Caller() caller: CallerIdentity, @Param('id') id: string): Promise<void> {
    await this.sessions.assertActive(caller);
    await this.sessions.revoke(caller, id);
  }
}
