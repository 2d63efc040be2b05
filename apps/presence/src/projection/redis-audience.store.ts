import type { Redis } from '@bonfire/platform';
import { execBatch, PresenceKeys } from '../presence/presence.keys';
import { type Audience, AudienceStore, type RelationshipState } from './audience.store';

/**
 * The audience projection in Redis sets under `prefix` (guild → members, user → guilds, user → DM
 * partners), shared by every presence replica. Every change is a set add/remove, hence idempotent.
 */
export class RedisAudienceStore extends AudienceStore {
  private readonly keys: PresenceKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    super();
    this.keys = new PresenceKeys(prefix);
  }

  async joinGuild(guildId: string, userId: string): Promise<void> {
    const k = this.keys;
    await execBatch(
      this.redis.multi().sadd(k.guildMembers(guildId), userId).sadd(k.userGuilds(userId), guildId),
    );
  }

  async leaveGuild(guildId: string, userId: string): Promise<void> {
    const k = this.keys;
    await execBatch(
      this.redis.multi().srem(k.guildMembers(guildId), userId).srem(k.userGuilds(userId), guildId),
    );
  }

  async deleteGuild(guildId: string): Promise<void> {
    const k = this.keys;
    const members = await this.redis.smembers(k.guildMembers(guildId));
    const multi = this.redis.multi();
    for (const userId of members) multi.srem(k.userGuilds(userId), guildId);
    multi.del(k.guildMembers(guildId));
    await execBatch(multi);
  }

  async forgetUser(userId: string): Promise<void> {
    const k = this.keys;
    const read = this.redis.pipeline();
    for (const key of [k.userGuilds, k.userDmPartners, k.userFriends, k.userBlocks, k.userBlockedBy]) {
      read.smembers(key(userId));
    }
    const [guilds, partners, friends, blocks, blockedBy] = (await execBatch(read)) as string[][];
    const multi = this.redis.multi();
    for (const guildId of guilds!) multi.srem(k.guildMembers(guildId), userId);
    for (const other of partners!) multi.srem(k.userDmPartners(other), userId);
    for (const other of friends!) multi.srem(k.userFriends(other), userId);
    for (const other of blocks!) multi.srem(k.userBlockedBy(other), userId);
    for (const other of blockedBy!) multi.srem(k.userBlocks(other), userId);
    multi.del(
      k.userGuilds(userId),
      k.userDmPartners(userId),
      k.userFriends(userId),
      k.userBlocks(userId),
      k.userBlockedBy(userId),
    );
    await execBatch(multi);
  }

  async addDmPartners(recipientIds: readonly string[]): Promise<void> {
    const multi = this.redis.multi();
    for (const userId of recipientIds) {
      const others = recipientIds.filter((other) => other !== userId);
      if (others.length > 0) multi.sadd(this.keys.userDmPartners(userId), ...others);
    }
    await execBatch(multi);
  }

  async setRelationship(userId: string, targetId: string, state: RelationshipState): Promise<void> {
    const k = this.keys;
    const multi = this.redis.multi();
    if (state.friend) multi.sadd(k.userFriends(userId), targetId);
    else multi.srem(k.userFriends(userId), targetId);
    if (state.blocked) multi.sadd(k.userBlocks(userId), targetId).sadd(k.userBlockedBy(targetId), userId);
    else multi.srem(k.userBlocks(userId), targetId).srem(k.userBlockedBy(targetId), userId);
    await execBatch(multi);
  }

  async blockersOf(viewerId: string): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.keys.userBlockedBy(viewerId)));
  }

  async guildMembers(guildId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.guildMembers(guildId));
  }

  async sharingWith(viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
    const k = this.keys;
    const pipeline = this.redis.pipeline();
    pipeline.smembers(k.userGuilds(viewerId));
    pipeline.smembers(k.userDmPartners(viewerId));
    pipeline.smembers(k.userFriends(viewerId));
    pipeline.smembers(k.userBlockedBy(viewerId));
    for (const userId of userIds) pipeline.smembers(k.userGuilds(userId));
    const [guilds, partners, friends, blockers, ...theirs] = (await execBatch(pipeline)).map(
      (value) => new Set(value as string[]),
    );
    const visible = new Set<string>([viewerId]);
    userIds.forEach((userId, index) => {
      if (blockers!.has(userId)) return;
      if (partners!.has(userId) || friends!.has(userId)) visible.add(userId);
      else for (const guildId of theirs[index]!) if (guilds!.has(guildId)) return void visible.add(userId);
    });
    return visible;
  }

  async audiences(userIds: readonly string[]): Promise<Audience[]> {
    if (userIds.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) {
      pipeline.smembers(this.keys.userGuilds(userId));
      pipeline.smembers(this.keys.userDmPartners(userId));
      pipeline.smembers(this.keys.userFriends(userId));
      pipeline.smembers(this.keys.userBlocks(userId));
    }
    const answers = await execBatch(pipeline);
    return userIds.map((_, index) => ({
      guildIds: answers[index * 4] as string[],
      dmUserIds: answers[index * 4 + 1] as string[],
      friendIds: answers[index * 4 + 2] as string[],
      blockedIds: answers[index * 4 + 3] as string[],
    }));
  }
}
