import { type Audience, AudienceStore, type RelationshipState } from './audience.store';

/** The audience projection in this process's memory (the standalone shape): the Redis sets as Maps of Sets. */
export class InMemoryAudienceStore extends AudienceStore {
  private readonly members = new Map<string, Set<string>>();
  private readonly guildsOf = new Map<string, Set<string>>();
  private readonly partnersOf = new Map<string, Set<string>>();
  private readonly friendsOf = new Map<string, Set<string>>();
  private readonly blocksOf = new Map<string, Set<string>>();
  private readonly blockedByOf = new Map<string, Set<string>>();

  async joinGuild(guildId: string, userId: string): Promise<void> {
    add(this.members, guildId, userId);
    add(this.guildsOf, userId, guildId);
  }

  async leaveGuild(guildId: string, userId: string): Promise<void> {
    remove(this.members, guildId, userId);
    remove(this.guildsOf, userId, guildId);
  }

  async deleteGuild(guildId: string): Promise<void> {
    for (const userId of this.members.get(guildId) ?? []) remove(this.guildsOf, userId, guildId);
    this.members.delete(guildId);
  }

  async addDmPartners(recipientIds: readonly string[]): Promise<void> {
    for (const userId of recipientIds) {
      for (const other of recipientIds) if (other !== userId) add(this.partnersOf, userId, other);
    }
  }

  async setRelationship(userId: string, targetId: string, state: RelationshipState): Promise<void> {
    (state.friend ? add : remove)(this.friendsOf, userId, targetId);
    (state.blocked ? add : remove)(this.blocksOf, userId, targetId);
    (state.blocked ? add : remove)(this.blockedByOf, targetId, userId);
  }

  async forgetUser(userId: string): Promise<void> {
    for (const guildId of this.guildsOf.get(userId) ?? []) remove(this.members, guildId, userId);
    for (const [mine, theirs] of [
      [this.partnersOf, this.partnersOf],
      [this.friendsOf, this.friendsOf],
      [this.blocksOf, this.blockedByOf],
      [this.blockedByOf, this.blocksOf],
    ] as const) {
      for (const other of mine.get(userId) ?? []) remove(theirs, other, userId);
      mine.delete(userId);
    }
    this.guildsOf.delete(userId);
  }

  async blockersOf(viewerId: string): Promise<Set<string>> {
    return new Set(this.blockedByOf.get(viewerId));
  }

  async guildMembers(guildId: string): Promise<string[]> {
    return [...(this.members.get(guildId) ?? [])];
  }

  async sharingWith(viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
    const guilds = this.guildsOf.get(viewerId) ?? new Set<string>();
    const partners = this.partnersOf.get(viewerId) ?? new Set<string>();
    const friends = this.friendsOf.get(viewerId) ?? new Set<string>();
    const blockers = this.blockedByOf.get(viewerId) ?? new Set<string>();
    const visible = new Set<string>([viewerId]);
    for (const userId of userIds) {
      if (blockers.has(userId)) continue;
      if (partners.has(userId) || friends.has(userId)) visible.add(userId);
      else
        for (const guildId of this.guildsOf.get(userId) ?? []) if (guilds.has(guildId)) visible.add(userId);
    }
    return visible;
  }

  async audiences(userIds: readonly string[]): Promise<Audience[]> {
    return userIds.map((userId) => ({
      guildIds: [...(this.guildsOf.get(userId) ?? [])],
      dmUserIds: [...(this.partnersOf.get(userId) ?? [])],
      friendIds: [...(this.friendsOf.get(userId) ?? [])],
      blockedIds: [...(this.blocksOf.get(userId) ?? [])],
    }));
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

// An empty set is dropped, as Redis drops an empty key.
function remove(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}
