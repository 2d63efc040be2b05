import { Caller, type CallerIdentity, Endpoint } from '@bonfire/platform';
import { Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type SessionView, sessionListSchema } from './sessions.dto';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@ApiBearerAuth('accessToken')
@Controller('api/v1/auth/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Endpoint({
    method: 'GET',
    summary: "The caller's active sessions; `current` marks the one making this request.",
    response: sessionListSchema,
  })
  async list(@Caller() caller: CallerIdentity): Promise<SessionView[]> {
    await this.sessions.assertActive(caller);
    return this.sessions.list(caller);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':id',
    summary: 'Revoke one of your sessions: its refresh tokens stop working at once.',
    errors: { 404: 'SESSION_NOT_FOUND' },
  })
  async revoke(@Caller() caller: CallerIdentity, @Param('id') id: string): Promise<void> {
    await this.sessions.assertActive(caller);
    await this.sessions.revoke(caller, id);
  }
}
