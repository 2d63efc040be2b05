import {
  AUDIT_LOG_ACTIONS,
  type AuditLogAction,
  type AuditLogChange,
  type AuditLogEntry,
  type AuditLogTargetType,
} from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { AuditLogEntriesTable } from '../database/schema';
import { idSchema } from '../guilds/guild-common';

export type AuditLogRow = Selectable<AuditLogEntriesTable>;

const AUDIT_LOG_PAGE_MAX = 100;

export const auditLogQuerySchema = z
  .object({
    user_id: idSchema.optional(),
    action_type: z.enum(AUDIT_LOG_ACTIONS).optional(),
    before: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(AUDIT_LOG_PAGE_MAX).default(50),
  })
  .strict();
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

/** What a moderation path hands to AuditLogService.record. */
export interface AuditLogRecord {
  guildId: string;
  actorId: string;
  action: AuditLogAction;
  targetType: AuditLogTargetType;
  targetId: string | null;
  /** The target before the action (absent on creation). */
  before?: object | null;
  /** The target after the action (absent on deletion). */
  after?: object | null;
  options?: Record<string, string> | null;
  /** Overrides the request's X-Audit-Log-Reason (e.g. a ban's body reason when no header came). */
  reason?: string | null;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between two views of a target, in key order: created fields have only `new`,
 * deleted ones only `old`. `id`, `guildId` and `createdAt` never change and are left out.
 */
export function diffChanges(
  before: object | null | undefined,
  after: object | null | undefined,
): AuditLogChange[] {
  const old = (before ?? {}) as Record<string, unknown>;
  const next = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter(
    (key) => !['id', 'guildId', 'createdAt'].includes(key),
  );
  const changes: AuditLogChange[] = [];
  for (const key of keys) {
    const hasOld = key in old && old[key] !== undefined;
    const hasNew = key in next && next[key] !== undefined;
    if (hasOld && hasNew && sameValue(old[key], next[key])) continue;
    if (!hasOld && !hasNew) continue;
    changes.push({ key, ...(hasOld ? { old: old[key] } : {}), ...(hasNew ? { new: next[key] } : {}) });
  }
  return changes;
}

export function toAuditLogEntry(row: AuditLogRow): AuditLogEntry {
  return {
    id: row.id,
    guildId: row.guildId,
    actorId: row.actorId,
    action: row.action as AuditLogAction,
    targetType: row.targetType as AuditLogTargetType,
    targetId: row.targetId,
    changes: row.changes as AuditLogChange[],
    options: row.options,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}
