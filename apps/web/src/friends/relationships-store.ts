import { useSyncExternalStore } from 'react';
import type { BonfireClient, Relationship } from '@bonfire/sdk';
import { useClient } from '../app/hooks';

type Listener = () => void;

/**
 * The signed-in user's relationships (friends, blocks, pending requests), beside the app store: loaded
 * from `ready` (and REST when the store is created after it), kept live from `relationship.added` /
 * `relationship.removed`. One per client.
 */
class RelationshipsStore {
  private relationships: Record<string, Relationship> = {};
  private blocked: ReadonlySet<string> = new Set();
  private readonly listeners = new Set<Listener>();
  private readonly unsubscribers: (() => void)[] = [];

  constructor(private readonly client: BonfireClient) {
    const realtime = client.realtime;
    this.unsubscribers.push(
      realtime.on('ready', (payload) => {
        if (payload.relationships) this.replace(payload.relationships);
      }),
      realtime.on('dispatch', (dispatch) => {
        if (dispatch.type === 'relationship.added') {
          const { relationship } = dispatch.data;
          this.update({ ...this.relationships, [relationship.id]: relationship });
        } else if (dispatch.type === 'relationship.removed') {
          const next = { ...this.relationships };
          delete next[dispatch.data.id];
          this.update(next);
        }
      }),
    );
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.replace(await this.client.relationships.list());
    } catch {
      // The next `ready` or dispatch brings them.
    }
  }

  /** Applies a REST answer at once (the dispatch that follows changes nothing). */
  put(relationship: Relationship): void {
    this.update({ ...this.relationships, [relationship.id]: relationship });
  }

  drop(userId: string): void {
    const next = { ...this.relationships };
    delete next[userId];
    this.update(next);
  }

  getAll = (): Record<string, Relationship> => this.relationships;
  getBlocked = (): ReadonlySet<string> => this.blocked;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private replace(list: readonly Relationship[]): void {
    this.update(Object.fromEntries(list.map((relationship) => [relationship.id, relationship])));
  }

  private update(next: Record<string, Relationship>): void {
    this.relationships = next;
    this.blocked = new Set(
      Object.values(next)
        .filter((relationship) => relationship.type === 'blocked')
        .map((relationship) => relationship.id),
    );
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<BonfireClient, RelationshipsStore>();

function relationshipsStoreOf(client: BonfireClient): RelationshipsStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = new RelationshipsStore(client)));
  return store;
}

export function useRelationshipsStore(): RelationshipsStore {
  return relationshipsStoreOf(useClient());
}

/** Every relationship of the user, by the other user's id. */
export function useRelationships(): Record<string, Relationship> {
  const store = useRelationshipsStore();
  return useSyncExternalStore(store.subscribe, store.getAll);
}

/** The ids of the users the user blocked. */
export function useBlockedIds(): ReadonlySet<string> {
  const store = useRelationshipsStore();
  return useSyncExternalStore(store.subscribe, store.getBlocked);
}
