import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { AuditReasonMiddleware } from './audit-reason';
import { VoiceModerationHandlers } from './voice-moderation.handlers';

/** Global: every moderation path records into the audit log through AuditLogService. */
@Global()
@Module({
  controllers: [AuditLogController, VoiceModerationHandlers],
  providers: [AuditLogRepository, AuditLogService],
  exports: [AuditLogService],
})
export class AuditLogModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditReasonMiddleware).forRoutes('*');
  }
}
