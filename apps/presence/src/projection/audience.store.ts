/**
 * Who hears of a user's presence: the guilds they are in, their DM partners and their friends — except
 * those they blocked (`blockedIds`), who never do.
 */
export interface Audience {
  guildIds: string[];
  dmUserIds: string[];
  friendIds: string[];
  blockedIds: string[];
}

/** How one user relates to another, as presence needs it (from chat's relationship events). */
export interface RelationshipState {
  blocked: boolean;
  friend: boolean;
}

/**
 * Who shares a guild or a DM with whom (the DI token), projected from chat's events: the audience of
 * each presence.updated and the filter of GET /presences. Redis in the distributed shape, memory in the
 * standalone one. Every change is idempotent (redelivered events change nothing).
 */
export abstract class AudienceStore {
  abstract joinGuild(guildId: string, userId: string): Promise<void>;
  abstract leaveGuild(guildId: string, userId: string): Promise<void>;
  /** Forgets the guild and takes it off its members' guilds. */
  abstract deleteGuild(guildId: string): Promise<void>;
  /** Makes every recipient of a DM a partner of every other recipient. */
  abstract addDmPartners(recipientIds: readonly string[]): Promise<void>;
  /** How `userId` now relates to `targetId` (one side: a block is one-sided, a friendship has two). */
  abstract setRelationship(userId: string, targetId: string, state: RelationshipState): Promise<void>;
  /**
   * A deleted account (user.deleted): out of every guild, DM partnership, friendship and block, on both
   * sides, and its own sets gone.
   */
  abstract forgetUser(userId: string): Promise<void>;
  /** Those who blocked the viewer: they look offline to the viewer. */
  abstract blockersOf(viewerId: string): Promise<Set<string>>;

  abstract guildMembers(guildId: string): Promise<string[]>;
  /**
   * Of `userIds`, those sharing a guild or a DM with the viewer or befriended by them, and the viewer,
   * without those who blocked the viewer: one read.
   */
  abstract sharingWith(viewerId: string, userIds: readonly string[]): Promise<Set<string>>;
  /** Each user's audience, in order. */
  abstract audiences(userIds: readonly string[]): Promise<Audience[]>;
}
