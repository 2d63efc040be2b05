import { ERROR } from '@bonfire/contracts';
import type { Message } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, requirePermissions } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { MessagesRepository } from './messages.repository';
import { MessagesService, unknownMessage } from './messages.service';
const MAX_PINS_PER_CHANNEL = 50;

/**
 * Pins: MANAGE_MESSAGES in guild channels; any recipient in DMs (as Discord). Pinning and unpinning are
 * idempotent; a change bumps the message's revision and emits message.updated.
 */
@Injectable()
export class PinsService {
  constructor(
    private readonly access: AccessService,
    private readonly messages: MessagesRepository,
    private readonly messageViews: MessagesService,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly auditLog: AuditLogService,
  ) {}

  async list(userId: string, channelId: string): Promise<Message[]> {
    await this.access.requireChannel(channelId, userId, 'READ_MESSAGE_HISTORY');
    const db = this.transactions.executor;
    return this.messageViews.views(db, await this.messages.pinned(db, channelId), userId);
  }

  async setPinned(userId: string, channelId: string, messageId: string, pinned: boolean): Promise<void> {
    const access = await this.access.requireChannel(channelId, userId);
    if (access.guildId !== null) requirePermissions(access.permissions, ['MANAGE_MESSAGES']);
    await this.messageViews.findOrThrow(this.transactions.executor, channelId, messageId);
    await this.transactions.run(async (trx) => {
      // The channel lock also makes the pin count check safe against concurrent pins.
      await this.messages.lockChannel(trx, channelId);
      const current = await this.messages.findInChannel(trx, channelId, messageId);
      if (!current) throw unknownMessage();
      if (current.pinned === pinned) return;
      if (pinned && (await this.messages.countPinned(trx, channelId)) >= MAX_PINS_PER_CHANNEL) {
        throw new AppError(
          ERROR.TOO_MANY_PINS,
          `A channel can have at most ${MAX_PINS_PER_CHANNEL} pinned messages.`,
        );
      }
      const row = await this.messages.setPinned(trx, channelId, messageId, pinned);
      if (!row) return;
      if (row.guildId !== null) {
        await this.auditLog.record(trx, {
          guildId: row.guildId,
          actorId: userId,
          action: pinned ? 'MESSAGE_PIN' : 'MESSAGE_UNPIN',
          targetType: 'user',
          targetId: row.authorId,
          options: { channelId, messageId },
        });
      }
      await this.events.add(trx, 'message.updated', channelId, {
        message: await this.messageViews.eventView(trx, row),
      });
    });
  }
}
