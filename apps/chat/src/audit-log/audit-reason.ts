import { AsyncLocalStorage } from 'node:async_hooks';
import { parseAuditLogReason } from '@bonfire/contracts';
import { Injectable, type NestMiddleware } from '@nestjs/common';

const AUDIT_LOG_REASON_HEADER = 'x-audit-log-reason';

export { parseAuditLogReason };

interface AuditRequestContext {
  reason: string | null;
}

const storage = new AsyncLocalStorage<AuditRequestContext>();

/** The reason of the request being served (null outside a request, e.g. in an event consumer). */
export function currentAuditLogReason(): string | null {
  return storage.getStore()?.reason ?? null;
}

/** Runs `fn` as if its request carried `reason` (tests, and event consumers that know one). */
export function withAuditLogReason<T>(reason: string | null, fn: () => T): T {
  return storage.run({ reason }, fn);
}

/**
 * Reads the `X-Audit-Log-Reason` header of every request (parseAuditLogReason: decoded, control
 * characters stripped, at most 512 characters) into the request's async context, so AuditLogService.record
 * finds it without every controller and service passing it along.
 */
@Injectable()
export class AuditReasonMiddleware implements NestMiddleware {
  use(
    req: { headers: Record<string, string | string[] | undefined> },
    _res: unknown,
    next: () => void,
  ): void {
    withAuditLogReason(parseAuditLogReason(req.headers[AUDIT_LOG_REASON_HEADER]), next);
  }
}
