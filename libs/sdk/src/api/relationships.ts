import type { PrivacySettings, Relationship } from '@bonfire/contracts';
import { segment as s, type HttpClient } from '../http';

const BASE = '/api/v1/users/@me';

/**
 * Friends, friend requests, blocks and privacy settings. Changes reach the user's own sessions as
 * `relationship.added` / `relationship.removed` dispatches; `ready.relationships` lists them at connect.
 */
export class RelationshipsApi {
  constructor(private readonly http: HttpClient) {}

  /** My friends, blocks and pending requests (`incoming` / `outgoing`), newest first. */
  list(): Promise<Relationship[]> {
    return this.http.request('GET', `${BASE}/relationships`);
  }

  /** A friend request by username (accepts theirs if they already asked: both become friends). */
  sendRequest(username: string): Promise<Relationship> {
    return this.http.request('POST', `${BASE}/relationships`, { body: { username } });
  }

  /** A friend request by user id, or the acceptance of their incoming request. */
  addFriend(userId: string): Promise<Relationship> {
    return this.http.request('PUT', `${BASE}/relationships/${s(userId)}`, { body: {} });
  }

  /** Accepts an incoming request (the same call as addFriend). */
  accept(userId: string): Promise<Relationship> {
    return this.addFriend(userId);
  }

  /** Blocks the user (ends any friendship or request between you; they are not told). */
  block(userId: string): Promise<Relationship> {
    return this.http.request('PUT', `${BASE}/relationships/${s(userId)}`, { body: { type: 'blocked' } });
  }

  /** Removes a friend, cancels my request, declines theirs, or unblocks. */
  remove(userId: string): Promise<void> {
    return this.http.request('DELETE', `${BASE}/relationships/${s(userId)}`);
  }

  /** Who may DM me and who may send me friend requests. */
  privacy(): Promise<PrivacySettings> {
    return this.http.request('GET', `${BASE}/privacy`);
  }

  updatePrivacy(patch: Partial<PrivacySettings>): Promise<PrivacySettings> {
    return this.http.request('PATCH', `${BASE}/privacy`, { body: patch });
  }
}
