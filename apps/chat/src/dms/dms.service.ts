import { ERROR } from '@bonfire/contracts';
import type { Channel } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { CHAT_CONFIG, CHAT_LIMITS, type ChatConfig } from '../config';
import { type ChatExecutor, ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { UsersRepository } from '../users/users.repository';
import { DmPolicy } from '../relationships/dm-policy';
import type { UpdateChannelDto } from '../channels/channels.dto';
import { invalidField } from '../guilds/guild-common';
import { groupDmName, type OpenDmDto } from './dms.dto';
import { DmsRepository } from './dms.repository';

/** The unique key of the 1:1 DM between two users: "<lower id>:<higher id>" (numeric order). */
function dmKey(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}:${b}` : `${b}:${a}`;
}

interface OpenResult {
  channel: Channel;
  created: boolean;
}

@Injectable()
export class DmsService {
  constructor(
    private readonly access: AccessService,
    private readonly dms: DmsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly ids: SnowflakeGenerator,
    private readonly policy: DmPolicy,
    @Inject(CHAT_CONFIG) private readonly config: Pick<ChatConfig, 'CHAT_MAX_GROUP_DMS_PER_USER'>,
  ) {}

  list(userId: string): Promise<Channel[]> {
    return this.dms.listForUser(this.transactions.executor, userId);
  }

  async open(userId: string, body: OpenDmDto): Promise<OpenResult> {
    if (body.recipientId !== undefined) return this.openDm(userId, body.recipientId);
    return this.createGroup(userId, body.recipientIds ?? [], body.name ?? null);
  }

  /** The existing 1:1 DM, or a new one; the unique dm_key makes concurrent opens meet on one channel. */
  private async openDm(userId: string, recipientId: string): Promise<OpenResult> {
    if (recipientId === userId) {
      throw new AppError(ERROR.CANNOT_DM_SELF, 'You cannot open a DM with yourself.', {
        details: [{ field: 'body.recipientId', code: 'self', message: 'must not be yourself' }],
      });
    }
    await this.requireUsers([recipientId]);
    const key = dmKey(userId, recipientId);
    const db = this.transactions.executor;
    // Blocks and the recipient's `dmsFrom` (issue 20), for a new DM and for an existing one alike.
    await this.policy.requireCanDm(db, userId, recipientId, 'body.recipientId');
    const existing = await this.dms.findByDmKey(db, key);
    if (existing) return { channel: existing, created: false };
    return this.transactions.run(async (trx): Promise<OpenResult> => {
      const id = this.ids.next();
      if (!(await this.dms.insertDm(trx, { id, dmKey: key }))) {
        // A concurrent open committed first (the insert waited for it, then skipped).
        const winner = await this.dms.findByDmKey(trx, key);
        if (!winner) throw new Error('dm_key conflict without a channel');
        return { channel: winner, created: false };
      }
      await this.dms.addRecipients(trx, id, [userId, recipientId]);
      const channel = (await this.dms.find(trx, id))!;
      await this.events.add(trx, 'channel.created', id, { channel });
      return { channel, created: true };
    });
  }

  private async createGroup(
    userId: string,
    recipientIds: readonly string[],
    name: string | null,
  ): Promise<OpenResult> {
    const others = [...new Set(recipientIds)].filter((id) => id !== userId);
    if (others.length === 0) {
      throw AppError.validation([
        { field: 'body.recipientIds', code: 'too_small', message: 'must name someone other than yourself' },
      ]);
    }
    if (others.length + 1 > CHAT_LIMITS.groupDmRecipients) throw groupDmFull();
    await this.requireUsers(others);
    await this.policy.requireNoBlocks(
      this.transactions.executor,
      userId,
      others,
      (index) => `body.recipientIds.${recipientIds.indexOf(others[index]!)}`,
    );
    return this.transactions.run(async (trx) => {
      await this.assertRoomForGroupDm(trx, userId, others, (index) =>
        index === null ? 'body.recipientIds' : `body.recipientIds.${recipientIds.indexOf(others[index]!)}`,
      );
      const id = this.ids.next();
      await this.dms.insertGroup(trx, { id, ownerId: userId, name });
      await this.dms.addRecipients(trx, id, [userId, ...others]);
      const channel = (await this.dms.find(trx, id))!;
      await this.events.add(trx, 'channel.created', id, { channel });
      return { channel, created: true };
    });
  }

  /** Adds someone to a group DM (its owner only). Idempotent. */
  async addRecipient(userId: string, channelId: string, recipientId: string): Promise<void> {
    const channel = await this.requireGroupDm(userId, channelId);
    if (channel.ownerId !== userId) throw notOwner();
    await this.requireUsers([recipientId]);
    await this.policy.requireNoBlocks(
      this.transactions.executor,
      userId,
      [recipientId],
      () => 'param.userId',
    );
    await this.transactions.run(async (trx) => {
      await this.dms.lock(trx, channelId);
      const current = (await this.dms.find(trx, channelId))!;
      if (current.recipientIds.includes(recipientId)) return;
      if (current.recipientIds.length + 1 > CHAT_LIMITS.groupDmRecipients) throw groupDmFull();
      await this.assertRoomForGroupDm(trx, null, [recipientId], () => 'param.userId');
      await this.dms.addRecipients(trx, channelId, [recipientId]);
      await this.events.add(trx, 'channel.updated', channelId, {
        channel: (await this.dms.find(trx, channelId))!,
      });
    });
  }

  /**
   * Removes someone from a group DM: the owner removes anyone, anyone removes themselves (leaves). When the
   * owner leaves, the remaining recipient with the lowest id becomes owner; the last to leave
   * deletes the group.
   */
  async removeRecipient(userId: string, channelId: string, recipientId: string): Promise<void> {
    const channel = await this.requireGroupDm(userId, channelId);
    if (recipientId !== userId && channel.ownerId !== userId) throw notOwner();
    await this.transactions.run(async (trx) => {
      await this.dms.lock(trx, channelId);
      if (!(await this.dms.removeRecipient(trx, channelId, recipientId))) {
        throw new AppError(ERROR.UNKNOWN_RECIPIENT, 'That user is not in this group DM.');
      }
      const current = (await this.dms.find(trx, channelId))!;
      const [heir] = current.recipientIds;
      if (heir === undefined) {
        await this.dms.deleteChannel(trx, channelId);
        await this.events.add(trx, 'channel.deleted', channelId, { channelId, guildId: null });
        return;
      }
      if (current.ownerId === recipientId) {
        await this.dms.setOwner(trx, channelId, heir);
        current.ownerId = heir;
      }
      await this.events.add(trx, 'channel.updated', channelId, { channel: current });
    });
  }

  /**
   * Renames a group DM (PATCH /channels/:id on a group DM): any recipient may, as in Discord. Only `name`
   * may be given; null or blank clears it. Recipients see the change as `channel.updated`.
   */
  async rename(userId: string, channelId: string, dto: UpdateChannelDto): Promise<Channel> {
    const access = await this.access.requireChannel(channelId, userId);
    if (access.type !== 'group_dm') {
      throw new AppError(ERROR.NOT_GROUP_DM, 'Only group DMs can be renamed.');
    }
    for (const [field, value] of Object.entries(dto)) {
      if (field !== 'name' && value !== undefined) {
        throw invalidField(`body.${field}`, 'custom', `a group DM has no ${field} (only a name)`);
      }
    }
    if (dto.name === undefined) throw invalidField('body.name', 'invalid_type', 'give the new name');
    const name = groupDmName(dto.name, 'body.name');
    return this.transactions.run(async (trx) => {
      await this.dms.lock(trx, channelId);
      const current = await this.dms.find(trx, channelId);
      if (!current?.recipientIds.includes(userId)) {
        throw new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
      }
      if (current.name === name) return current;
      await this.dms.setName(trx, channelId, name);
      const channel = { ...current, name };
      await this.events.add(trx, 'channel.updated', channelId, { channel });
      return channel;
    });
  }

  /**
   * Throws 400 TOO_MANY_GROUP_DMS when the caller (`self`, when they join too) or any of `others` is already
   * in CHAT_MAX_GROUP_DMS_PER_USER group DMs, naming the field of the first one who is (`fieldOf(null)` for
   * the caller, `fieldOf(i)` for `others[i]`). Locks those users' group-DM counts until the transaction
   * ends, so concurrent creates and adds cannot both take the last place.
   */
  private async assertRoomForGroupDm(
    trx: ChatExecutor,
    self: string | null,
    others: readonly string[],
    fieldOf: (index: number | null) => string,
  ): Promise<void> {
    const limit = this.config.CHAT_MAX_GROUP_DMS_PER_USER;
    const everyone = self === null ? others : [self, ...others];
    await this.dms.lockUsersGroupDms(trx, everyone);
    const counts = await this.dms.countGroupDms(trx, everyone);
    const full = (id: string) => (counts.get(id) ?? 0) >= limit;
    if (self !== null && full(self)) {
      throw tooManyGroupDms(fieldOf(null), `You are already in ${limit} group DMs, the most allowed.`);
    }
    const index = others.findIndex(full);
    if (index >= 0) {
      throw tooManyGroupDms(
        fieldOf(index),
        `User ${others[index]} is already in ${limit} group DMs, the most allowed.`,
      );
    }
  }

  private async requireGroupDm(userId: string, channelId: string): Promise<Channel> {
    const access = await this.access.requireChannel(channelId, userId);
    if (access.type !== 'group_dm') {
      throw new AppError(ERROR.NOT_GROUP_DM, 'Only group DMs have recipients to change.');
    }
    return (await this.dms.find(this.transactions.executor, channelId))!;
  }

  private async requireUsers(ids: readonly string[]): Promise<void> {
    const known = await this.users.exist(ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError(ERROR.UNKNOWN_USER, 'Unknown user.', {
        details: unknown.map((id) => ({ field: 'recipient', code: 'unknown_user', message: id })),
      });
    }
  }
}

function groupDmFull(): AppError {
  return new AppError(
    ERROR.GROUP_DM_FULL,
    `A group DM holds at most ${CHAT_LIMITS.groupDmRecipients} people.`,
    {
      details: [
        {
          field: 'body.recipientIds',
          code: 'too_big',
          message: `at most ${CHAT_LIMITS.groupDmRecipients} people`,
        },
      ],
    },
  );
}

function tooManyGroupDms(field: string, message: string): AppError {
  return new AppError(ERROR.TOO_MANY_GROUP_DMS, message, {
    details: [{ field, code: 'too_many_group_dms', message }],
  });
}

function notOwner(): AppError {
  return new AppError(ERROR.NOT_GROUP_DM_OWNER, 'Only the owner of the group DM can do that.');
}
