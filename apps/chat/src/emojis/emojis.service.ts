import { ERROR } from '@bonfire/contracts';
import type { CreateEmojiRequest, Emoji, UpdateEmojiRequest } from '@bonfire/contracts';
import { AppError, type Transaction } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { type ChatExecutor, ChatTransactions } from '../database/chat-transactions';
import type { ChatDatabase } from '../database/schema';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { unknownEmoji, unknownGuild } from './emoji-errors';
import { EmojisRepository, toEmoji } from './emojis.repository';
import { FileEmojisClient } from './file-emojis.client';

/**
 * A guild's custom emoji. Members list them; creating, renaming and deleting need MANAGE_EMOJIS. An emoji
 * is made from a completed emoji upload (file service, POST /guilds/{id}/emoji-uploads), claimed there, and
 * takes the file's id. Every change is one transaction under the guild's lock: the row, its audit log
 * entry, and `guild.emojis.updated` with the guild's full list after it.
 */
@Injectable()
export class EmojisService {
  constructor(
    private readonly access: AccessService,
    private readonly emojis: EmojisRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly auditLog: AuditLogService,
    private readonly files: FileEmojisClient,
    @Inject(CHAT_CONFIG)
    private readonly config: Pick<ChatConfig, 'CHAT_MAX_STATIC_EMOJIS' | 'CHAT_MAX_ANIMATED_EMOJIS'>,
  ) {}

  async list(userId: string, guildId: string): Promise<Emoji[]> {
    await this.access.requireGuild(guildId, userId);
    return (await this.emojis.list(this.transactions.executor, guildId)).map(toEmoji);
  }

  async get(userId: string, guildId: string, emojiId: string): Promise<Emoji> {
    await this.access.requireGuild(guildId, userId);
    const row = await this.emojis.find(this.transactions.executor, guildId, emojiId);
    if (!row) throw unknownEmoji();
    return toEmoji(row);
  }

  async create(userId: string, guildId: string, body: CreateEmojiRequest): Promise<Emoji> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_EMOJIS');
    // Cheap refusals before the file service is asked; checked again under the lock.
    await this.checkName(this.transactions.executor, guildId, body.name);
    const image = await this.files.claim(userId, { guildId, fileId: body.fileId });
    return this.transactions.run(async (trx) => {
      await this.lockFor(trx, guildId, userId);
      await this.checkName(trx, guildId, body.name);
      await this.checkCount(trx, guildId, image.animated);
      const row = await this.emojis.insert(trx, {
        id: image.fileId,
        guildId,
        name: body.name,
        animated: image.animated,
        creatorId: userId,
      });
      if (!row) {
        throw new AppError(ERROR.INVALID_EMOJI_FILE, 'This image is already an emoji.', {
          details: [
            { field: 'body.fileId', code: 'already_used', message: 'this upload is already an emoji' },
          ],
        });
      }
      const emoji = toEmoji(row);
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'EMOJI_CREATE',
        targetType: 'emoji',
        targetId: emoji.id,
        after: auditView(emoji),
      });
      await this.announce(trx, guildId);
      return emoji;
    });
  }

  async rename(userId: string, guildId: string, emojiId: string, body: UpdateEmojiRequest): Promise<Emoji> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_EMOJIS');
    return this.transactions.run(async (trx) => {
      await this.lockFor(trx, guildId, userId);
      const before = await this.emojis.find(trx, guildId, emojiId);
      if (!before) throw unknownEmoji();
      if (before.name === body.name) return toEmoji(before);
      await this.checkName(trx, guildId, body.name, emojiId);
      const after = (await this.emojis.rename(trx, guildId, emojiId, body.name))!;
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'EMOJI_UPDATE',
        targetType: 'emoji',
        targetId: emojiId,
        before: auditView(toEmoji(before)),
        after: auditView(toEmoji(after)),
      });
      await this.announce(trx, guildId);
      return toEmoji(after);
    });
  }

  /**
   * Deletes the emoji (and, through `emoji.deleted`, its image in the file service). Messages that wrote
   * `<:name:id>` keep their text (clients show `:name:` for an unknown id) and reactions with it stay
   * (their `name:id` key is kept on the message).
   */
  async delete(userId: string, guildId: string, emojiId: string): Promise<void> {
    await this.access.requireGuild(guildId, userId, 'MANAGE_EMOJIS');
    await this.transactions.run(async (trx) => {
      await this.lockFor(trx, guildId, userId);
      const row = await this.emojis.delete(trx, guildId, emojiId);
      if (!row) throw unknownEmoji();
      await this.auditLog.record(trx, {
        guildId,
        actorId: userId,
        action: 'EMOJI_DELETE',
        targetType: 'emoji',
        targetId: emojiId,
        before: auditView(toEmoji(row)),
      });
      await this.announce(trx, guildId);
      // The file service deletes the image (clients then show `:name:` where messages wrote it).
      await this.events.add(trx, 'emoji.deleted', guildId, { guildId, emojiId });
    });
  }

  /** The guild locked, and the caller's MANAGE_EMOJIS read again under the lock. */
  private async lockFor(trx: Transaction<ChatDatabase>, guildId: string, userId: string): Promise<void> {
    if (!(await this.emojis.lockGuild(trx, guildId))) throw unknownGuild();
    await this.access.requireGuildWithin(trx, guildId, userId, 'MANAGE_EMOJIS');
  }

  private async checkName(db: ChatExecutor, guildId: string, name: string, exceptId?: string): Promise<void> {
    if (await this.emojis.nameTaken(db, guildId, name, exceptId)) {
      throw new AppError(ERROR.EMOJI_NAME_TAKEN, `This guild already has an emoji named ${name}.`, {
        details: [
          { field: 'body.name', code: 'taken', message: 'another emoji of this guild has this name' },
        ],
      });
    }
  }

  private async checkCount(
    trx: Transaction<ChatDatabase>,
    guildId: string,
    animated: boolean,
  ): Promise<void> {
    const counts = await this.emojis.counts(trx, guildId);
    const [held, cap] = animated
      ? [counts.animated, this.config.CHAT_MAX_ANIMATED_EMOJIS]
      : [counts.static, this.config.CHAT_MAX_STATIC_EMOJIS];
    if (held >= cap) {
      const kind = animated ? 'animated' : 'static';
      throw new AppError(ERROR.TOO_MANY_EMOJIS, `A guild can have at most ${cap} ${kind} emoji.`, {
        details: [
          {
            field: 'body.fileId',
            code: 'too_many',
            message: `this guild has ${held} ${kind} emoji, the most allowed`,
          },
        ],
      });
    }
  }

  private async announce(trx: Transaction<ChatDatabase>, guildId: string): Promise<void> {
    const emojis = (await this.emojis.list(trx, guildId)).map(toEmoji);
    await this.events.add(trx, 'guild.emojis.updated', guildId, { guildId, emojis });
  }
}

/** What the audit log records of an emoji (its changes: name, animated, creator). */
function auditView(emoji: Emoji): Record<string, unknown> {
  return { name: emoji.name, animated: emoji.animated };
}
