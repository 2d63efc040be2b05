import type { PrivacySettings, Relationship } from '@bonfire/contracts';
import type { RestClient } from '../rest-client';

const ONE = '/api/v1/users/@me/relationships/{userId}';

/**
 * Friends, friend requests, blocks and privacy settings. Changes reach the user's own sessions as
 * `relationship.added` / `relationship.removed` dispatches; `ready.relationships` lists them at connect.
 */
export class RelationshipsApi {
  constructor(private readonly rest: RestClient) {}

  /** My friends, blocks and pending requests (`incoming` / `outgoing`), newest first. */
  list(): Promise<Relationship[]> {
    return this.rest.get('/api/v1/users/@me/relationships');
  }

  /** A friend request by username (accepts theirs if they already asked: both become friends). */
  sendRequest(username: string): Promise<Relationship> {
    return this.rest.post('/api/v1/users/@me/relationships', { body: { username } });
  }

  /** A friend request by user id, or the acceptance of their incoming request. */
  addFriend(userId: string): Promise<Relationship> {
    return this.rest.put(ONE, { params: { userId }, body: {} });
  }

  /** Accepts an incoming request (the same call as addFriend). */
  accept(userId: string): Promise<Relationship> {
    return this.addFriend(userId);
  }

  /** Blocks the user (ends any friendship or request between you; they are not told). */
  block(userId: string): Promise<Relationship> {
    return this.rest.put(ONE, { params: { userId }, body: { type: 'blocked' } });
  }

  /** Removes a friend, cancels my request, declines theirs, or unblocks. */
  remove(userId: string): Promise<void> {
    return this.rest.delete(ONE, { params: { userId } });
  }

  /** Who may DM me and who may send me friend requests. */
  privacy(): Promise<PrivacySettings> {
    return this.rest.get('/api/v1/users/@me/privacy');
  }

  updatePrivacy(patch: Partial<PrivacySettings>): Promise<PrivacySettings> {
    return this.rest.patch('/api/v1/users/@me/privacy', { body: patch });
  }
}
