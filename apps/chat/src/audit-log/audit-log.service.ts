import type { AuditLogAction, AuditLogPage } from '@bonfire/contracts';
import { ServiceLogger, SnowflakeGenerator } from '@bonfire/platform';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { ChatTransactions, type ChatExecutor } from '../database/chat-transactions';
import { type AuditLogQuery, type AuditLogRecord, diffChanges, toAuditLogEntry } from './audit-log.dto';
import { AuditLogRepository } from './audit-log.repository';
import { currentAuditLogReason } from './audit-reason';

const DAY_MS = 86_400_000;
/** How often the retention prune runs, and how many rows one delete statement removes. */
export const AUDIT_LOG_PRUNE_INTERVAL_MS = 3_600_000;
const PRUNE_BATCH = 5_000;
/** Updates that changed nothing (a PATCH with the current values) leave no entry. */
const UPDATES: ReadonlySet<AuditLogAction> = new Set<AuditLogAction>([
  'GUILD_UPDATE',
  'CHANNEL_UPDATE',
  'CHANNEL_OVERWRITE_UPDATE',
  'ROLE_UPDATE',
  'MEMBER_UPDATE',
  'WEBHOOK_UPDATE',
  'EMOJI_UPDATE',
]);

/**
 * The moderation audit log. `record` is called by each moderation path with the executor of its own
 * transaction, so the action and its entry commit together or not at all. The reason comes from the
 * request's X-Audit-Log-Reason header (see audit-reason.ts). Entries older than AUDIT_LOG_RETENTION_DAYS
 * are pruned hourly (a timer started on module init, unref'd, cleared on shutdown).
 */
@Injectable()
export class AuditLogService implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private readonly logger;

  constructor(
    private readonly access: AccessService,
    private readonly entries: AuditLogRepository,
    private readonly transactions: ChatTransactions,
    private readonly ids: SnowflakeGenerator,
    @Inject(CHAT_CONFIG) private readonly config: Pick<ChatConfig, 'AUDIT_LOG_RETENTION_DAYS'>,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('audit-log');
  }

  async record(executor: ChatExecutor, entry: AuditLogRecord): Promise<void> {
    const changes = diffChanges(entry.before, entry.after);
    if (changes.length === 0 && UPDATES.has(entry.action)) return;
    const reason =
      entry.reason !== undefined && entry.reason !== null ? entry.reason : currentAuditLogReason();
    await this.entries.insert(executor, {
      id: this.ids.next(),
      guildId: entry.guildId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      changes: JSON.stringify(changes),
      options: entry.options ? JSON.stringify(entry.options) : null,
      reason,
    });
  }

  /** VIEW_AUDIT_LOG (owner and ADMINISTRATOR included); 404 for non-members. */
  async list(guildId: string, userId: string, query: AuditLogQuery): Promise<AuditLogPage> {
    await this.access.requireGuild(guildId, userId, 'VIEW_AUDIT_LOG');
    const db = this.transactions.executor;
    const entries = (await this.entries.page(db, guildId, query)).map(toAuditLogEntry);
    const userIds = new Set<string>();
    for (const entry of entries) {
      userIds.add(entry.actorId);
      if (entry.targetType === 'user' && entry.targetId !== null) userIds.add(entry.targetId);
    }
    return { entries, users: await this.entries.users(db, [...userIds]) };
  }

  /** Deletes the entries older than the retention; returns how many went. */
  async prune(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.AUDIT_LOG_RETENTION_DAYS * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.entries.pruneOlderThan(this.transactions.executor, cutoff, PRUNE_BATCH);
      total += deleted;
      if (deleted < PRUNE_BATCH) return total;
    }
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.runPrune(), AUDIT_LOG_PRUNE_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private runPrune(): void {
    this.prune().catch((error: unknown) => this.logger.warn({ err: error }, 'audit log prune failed'));
  }
}
