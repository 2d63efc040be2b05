import { ERROR, type CreatedWebhook, isSnowflake, type Message, type Webhook } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, type ChannelAccess, requirePermissions } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { ChannelsRepository } from '../channels/channels.repository';
import { type ChatExecutor, ChatTransactions } from '../database/chat-transactions';
import { MessageSendService } from '../messages/message-send.service';
import {
  type CreateWebhookDto,
  type ExecuteWebhookDto,
  type UpdateWebhookDto,
  WEBHOOKS_PER_CHANNEL,
} from './webhooks.dto';
import { type WebhookRow, WebhooksRepository } from './webhooks.repository';
import { hashWebhookToken, newWebhookToken, webhookTokenMatches } from './webhook-token';

/**
 * Incoming webhooks: a guild text channel's secret URL that posts messages without an account. The token
 * is shown once when the webhook is created; only its sha-256 is stored, and deleting the webhook revokes
 * it. Managing webhooks needs MANAGE_WEBHOOKS in the channel.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly access: AccessService,
    private readonly webhooks: WebhooksRepository,
    private readonly channels: ChannelsRepository,
    private readonly transactions: ChatTransactions,
    private readonly messages: MessageSendService,
    private readonly ids: SnowflakeGenerator,
    private readonly auditLog: AuditLogService,
  ) {}

  async create(userId: string, channelId: string, body: CreateWebhookDto): Promise<CreatedWebhook> {
    const access = await this.manageableChannel(channelId, userId);
    const token = newWebhookToken();
    const row = await this.transactions.run(async (trx) => {
      await this.lockRoomFor(trx, channelId);
      const inserted = await this.webhooks.insert(trx, {
        id: this.ids.next(),
        guildId: access.guildId,
        channelId,
        name: body.name,
        avatar: body.avatar ?? null,
        creatorId: userId,
        tokenHash: hashWebhookToken(token),
      });
      await this.auditLog.record(trx, {
        guildId: inserted.guildId,
        actorId: userId,
        action: 'WEBHOOK_CREATE',
        targetType: 'webhook',
        targetId: inserted.id,
        after: toWebhook(inserted),
      });
      return inserted;
    });
    return { ...toWebhook(row), token, url: `/api/v1/webhooks/${row.id}/${token}` };
  }

  async listForChannel(userId: string, channelId: string): Promise<Webhook[]> {
    await this.manageableChannel(channelId, userId);
    const rows = await this.webhooks.listForChannel(this.transactions.executor, channelId);
    return rows.map(toWebhook);
  }

  async listForGuild(userId: string, guildId: string): Promise<Webhook[]> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_WEBHOOKS');
    const rows = await this.webhooks.listForGuild(this.transactions.executor, guildId);
    return rows.map(toWebhook);
  }

  async get(userId: string, webhookId: string): Promise<Webhook> {
    const row = await this.manageableWebhook(userId, webhookId);
    return toWebhook(row);
  }

  async update(userId: string, webhookId: string, body: UpdateWebhookDto): Promise<Webhook> {
    const row = await this.manageableWebhook(userId, webhookId);
    if (body.channelId !== undefined && body.channelId !== row.channelId) {
      const target = await this.manageableChannel(body.channelId, userId, 'body.channelId');
      if (target.guildId !== row.guildId) {
        throw AppError.validation(
          [{ field: 'body.channelId', code: 'invalid', message: 'must be a text channel of the same guild' }],
          'body.channelId: must be a text channel of the same guild',
        );
      }
    }
    const moving = body.channelId !== undefined && body.channelId !== row.channelId;
    const updated = await this.transactions.run(async (trx) => {
      if (moving) await this.lockRoomFor(trx, body.channelId!);
      const after = await this.webhooks.update(trx, webhookId, body);
      if (after) {
        await this.auditLog.record(trx, {
          guildId: after.guildId,
          actorId: userId,
          action: 'WEBHOOK_UPDATE',
          targetType: 'webhook',
          targetId: after.id,
          before: toWebhook(row),
          after: toWebhook(after),
        });
      }
      return after;
    });
    if (!updated) throw unknownWebhook();
    return toWebhook(updated);
  }

  /** Deletes the webhook; its token is refused from then on. */
  async delete(userId: string, webhookId: string): Promise<void> {
    await this.manageableWebhook(userId, webhookId);
    await this.transactions.run(async (trx) => {
      const row = await this.webhooks.delete(trx, webhookId);
      if (!row) throw unknownWebhook();
      await this.auditLog.record(trx, {
        guildId: row.guildId,
        actorId: userId,
        action: 'WEBHOOK_DELETE',
        targetType: 'webhook',
        targetId: row.id,
        before: toWebhook(row),
      });
    });
  }

  /**
   * Posts a message as the webhook (no account): 404 UNKNOWN_WEBHOOK for an id that names no webhook
   * (deleted ones included), 401 INVALID_WEBHOOK_TOKEN for a wrong token.
   */
  async execute(webhookId: string, token: string, body: ExecuteWebhookDto): Promise<Message> {
    if (!isSnowflake(webhookId)) throw unknownWebhook();
    const row = await this.webhooks.find(this.transactions.executor, webhookId);
    if (!row) throw unknownWebhook();
    if (!webhookTokenMatches(token, row.tokenHash)) {
      throw new AppError(ERROR.INVALID_WEBHOOK_TOKEN, 'Invalid webhook token.');
    }
    return this.messages.sendAsWebhook(
      {
        id: row.id,
        channelId: row.channelId,
        guildId: row.guildId,
        creatorId: row.creatorId,
        name: body.username ?? row.name,
        avatar: body.avatar === undefined ? row.avatar : body.avatar,
      },
      { content: body.content },
    );
  }

  /**
   * Locks the channel row (concurrent creations and moves into one channel count one after another), then
   * refuses when the channel has WEBHOOKS_PER_CHANNEL webhooks already.
   */
  private async lockRoomFor(trx: ChatExecutor, channelId: string): Promise<void> {
    await this.channels.findForUpdate(trx, channelId);
    if ((await this.webhooks.countInChannel(trx, channelId)) >= WEBHOOKS_PER_CHANNEL) {
      throw new AppError(ERROR.TOO_MANY_WEBHOOKS, `A channel has at most ${WEBHOOKS_PER_CHANNEL} webhooks.`);
    }
  }

  /** A guild text channel the caller may manage webhooks in (DMs and other types: 400). */
  private async manageableChannel(
    channelId: string,
    userId: string,
    field?: string,
  ): Promise<ChannelAccess & { guildId: string }> {
    const access = await this.access.requireChannel(channelId, userId);
    if (access.type !== 'text' || access.guildId === null) {
      const message = `A ${access.type} channel cannot have webhooks; only guild text channels can.`;
      throw field
        ? AppError.validation([{ field, code: 'invalid', message }], message)
        : new AppError(ERROR.INVALID_CHANNEL_TYPE, message);
    }
    requirePermissions(access.permissions, ['MANAGE_WEBHOOKS']);
    return access as ChannelAccess & { guildId: string };
  }

  /** A webhook in a channel the caller can see (else 404) and has MANAGE_WEBHOOKS in (else 403). */
  private async manageableWebhook(userId: string, webhookId: string): Promise<WebhookRow> {
    if (!isSnowflake(webhookId)) throw unknownWebhook();
    const row = await this.webhooks.find(this.transactions.executor, webhookId);
    if (!row) throw unknownWebhook();
    const access = await this.access.channel(row.channelId, userId);
    if (!access) throw unknownWebhook();
    requirePermissions(access.permissions, ['MANAGE_WEBHOOKS']);
    return row;
  }
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    guildId: row.guildId,
    channelId: row.channelId,
    name: row.name,
    avatar: row.avatar,
    creatorId: row.creatorId,
    createdAt: row.createdAt.toISOString(),
  };
}

function unknownWebhook(): AppError {
  return new AppError(ERROR.UNKNOWN_WEBHOOK, 'Unknown webhook.');
}
