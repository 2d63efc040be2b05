import {
  AUDIT_LOG_ACTIONS,
  type AuditLogPage,
  auditLogPageSchema,
  SNOWFLAKE_PATTERN,
} from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { guildIdPipe } from '../guilds/guild-common';
import { AUDIT_LOG_PAGE_MAX, type AuditLogQuery, auditLogQuerySchema } from './audit-log.dto';
import { AuditLogService } from './audit-log.service';

const errors = openApiSchema(errorBodySchema);

@ApiTags('audit-log')
@ApiBearerAuth('accessToken')
@Controller('api/v1/guilds/:guildId/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @ApiOperation({
    summary:
      'The moderation audit log, newest first (VIEW_AUDIT_LOG), with the actors and target users. Moderation ' +
      'routes take the reason in an `X-Audit-Log-Reason` header (URL-encoded; control characters are ' +
      'stripped; at most 512 characters kept).',
  })
  @ApiQuery({
    name: 'user_id',
    required: false,
    schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source },
  })
  @ApiQuery({
    name: 'action_type',
    required: false,
    schema: { type: 'string', enum: [...AUDIT_LOG_ACTIONS] },
  })
  @ApiQuery({
    name: 'before',
    required: false,
    schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source },
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: AUDIT_LOG_PAGE_MAX, default: 50 },
  })
  @ApiOkResponse({ schema: openApiSchema(auditLogPageSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member)', schema: errors })
  list(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Query(new ZodValidationPipe(auditLogQuerySchema)) query: AuditLogQuery,
  ): Promise<AuditLogPage> {
    return this.auditLog.list(guildId, caller.userId, query);
  }
}
