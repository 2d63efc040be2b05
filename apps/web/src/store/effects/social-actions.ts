import type { Channel, OpenGroupDmRequest, PrivacySettings, Relationship } from '@bonfire/sdk';
import type { StoreKernel } from './kernel';

/**
 * DMs and friends. The answers change nothing here: the screens keep the DM (`addDm`) or the relationship
 * (the relationships store) they get back, as the dispatch would.
 */
export class SocialActions {
  constructor(private readonly kernel: StoreKernel) {}

  /** Opens (or finds) the DM with one user. */
  openDm(userId: string): Promise<Channel> {
    return this.kernel.client.dms.open(userId);
  }

  openGroupDm(request: OpenGroupDmRequest): Promise<Channel> {
    return this.kernel.client.dms.openGroup(request);
  }

  /** `null` clears a group DM's name (it shows its members' names again). */
  renameGroupDm(channelId: string, name: string | null): Promise<Channel> {
    return this.kernel.client.dms.rename(channelId, name);
  }

  addRecipient(channelId: string, userId: string): Promise<void> {
    return this.kernel.client.dms.addRecipient(channelId, userId);
  }

  /** Removes a member from a group DM (myself: leaving it). */
  removeRecipient(channelId: string, userId: string): Promise<void> {
    return this.kernel.client.dms.removeRecipient(channelId, userId);
  }

  // Relationships

  /** A friend request by username. */
  sendFriendRequest(username: string): Promise<Relationship> {
    return this.kernel.client.relationships.sendRequest(username);
  }

  /** A friend request by id (accepts theirs when they asked first). */
  addFriend(userId: string): Promise<Relationship> {
    return this.kernel.client.relationships.addFriend(userId);
  }

  acceptFriend(userId: string): Promise<Relationship> {
    return this.kernel.client.relationships.accept(userId);
  }

  block(userId: string): Promise<Relationship> {
    return this.kernel.client.relationships.block(userId);
  }

  /** Unfriends, declines, cancels or unblocks: whatever the relationship is, it ends. */
  removeRelationship(userId: string): Promise<void> {
    return this.kernel.client.relationships.remove(userId);
  }

  privacy(): Promise<PrivacySettings> {
    return this.kernel.client.relationships.privacy();
  }

  updatePrivacy(patch: Partial<PrivacySettings>): Promise<PrivacySettings> {
    return this.kernel.client.relationships.updatePrivacy(patch);
  }
}
