import { type AuditLogPage, auditLogPageSchema } from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { guildIdPipe } from '../guilds/guild-common';
import { type AuditLogQuery, auditLogQuerySchema } from './audit-log.dto';
import { AuditLogService } from './audit-log.service';

@ApiTags('audit-log')
@ApiBearerAuth('accessToken')
@Controller('api/v1/guilds/:guildId/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Endpoint({
    method: 'GET',
    summary:
      'The moderation audit log, newest first (VIEW_AUDIT_LOG), with the actors and target users. Moderation ' +
      'routes take the reason in an `X-Audit-Log-Reason` header (URL-encoded; control characters are ' +
      'stripped; at most 512 characters kept).',
    query: auditLogQuerySchema,
    response: auditLogPageSchema,
    errors: { 400: 'VALIDATION_FAILED', 403: 'MISSING_PERMISSION', 404: 'UNKNOWN_GUILD (not a member)' },
  })
  list(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Query(new ZodValidationPipe(auditLogQuerySchema)) query: AuditLogQuery,
  ): Promise<AuditLogPage> {
    return this.auditLog.list(guildId, caller.userId, query);
  }
}
