import { type BonfireClient, type Emoji, parseCustomEmojiRef } from '@bonfire/sdk';
import { useEffect, useSyncExternalStore } from 'react';
import { useClient } from '../app/hooks';

type Listener = () => void;
const NONE: readonly Emoji[] = [];

/**
 * The custom emoji of the user's guilds, beside the app store: from `ready` (each guild's `emojis`), kept
 * live from `guild.emojis.updated` (the full list), a guild fetched by REST when its list is not known
 * (the store was made after `ready`, or a guild joined since). One per client.
 */
class EmojiStore {
  private byGuild: Record<string, readonly Emoji[]> = {};
  private byId: ReadonlyMap<string, Emoji> = new Map();
  private readonly loading = new Set<string>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly client: BonfireClient) {
    client.realtime.on('ready', (payload) => {
      const next: Record<string, readonly Emoji[]> = {};
      for (const entry of payload.guilds) if (entry.emojis) next[entry.guild.id] = entry.emojis;
      this.update(next);
    });
    client.realtime.on('dispatch', (dispatch) => {
      if (dispatch.type === 'guild.emojis.updated') {
        this.update({ ...this.byGuild, [dispatch.data.guildId]: dispatch.data.emojis });
      } else if (dispatch.type === 'guild.deleted') {
        const next = { ...this.byGuild };
        delete next[dispatch.data.guildId];
        this.update(next);
      }
    });
  }

  /** Fetches a guild's list once when it is not known yet. */
  ensure(guildId: string): void {
    if (this.byGuild[guildId] || this.loading.has(guildId)) return;
    this.loading.add(guildId);
    this.client.emojis
      .list(guildId)
      .then((emojis) => {
        if (!this.byGuild[guildId]) this.update({ ...this.byGuild, [guildId]: emojis });
      })
      .catch(() => undefined)
      .finally(() => this.loading.delete(guildId));
  }

  /** Applies a REST answer at once (the dispatch that follows says the same). */
  put(emoji: Emoji): void {
    const list = (this.byGuild[emoji.guildId] ?? []).filter((candidate) => candidate.id !== emoji.id);
    this.update({ ...this.byGuild, [emoji.guildId]: [...list, emoji].sort(byId) });
  }

  drop(guildId: string, emojiId: string): void {
    const list = (this.byGuild[guildId] ?? []).filter((candidate) => candidate.id !== emojiId);
    this.update({ ...this.byGuild, [guildId]: list });
  }

  guild(guildId: string): readonly Emoji[] {
    return this.byGuild[guildId] ?? NONE;
  }

  getIndex = (): ReadonlyMap<string, Emoji> => this.byId;
  getAll = (): Record<string, readonly Emoji[]> => this.byGuild;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(next: Record<string, readonly Emoji[]>): void {
    this.byGuild = next;
    this.byId = new Map(
      Object.values(next).flatMap((list) => list.map((emoji) => [emoji.id, emoji] as const)),
    );
    for (const listener of this.listeners) listener();
  }
}

function byId(a: Emoji, b: Emoji): number {
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const stores = new WeakMap<BonfireClient, EmojiStore>();

function emojiStoreOf(client: BonfireClient): EmojiStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = new EmojiStore(client)));
  return store;
}

export function useEmojiStore(): EmojiStore {
  return emojiStoreOf(useClient());
}

/** A guild's custom emoji, oldest first (fetched once if not known yet). */
export function useGuildEmojis(guildId: string | null | undefined): readonly Emoji[] {
  const store = useEmojiStore();
  const all = useSyncExternalStore(store.subscribe, store.getAll);
  useEffect(() => {
    if (guildId) store.ensure(guildId);
  }, [store, guildId]);
  return guildId ? (all[guildId] ?? NONE) : NONE;
}

/** Every known custom emoji by id (for rendering `<:name:id>` and reactions). */
export function useEmojiIndex(): ReadonlyMap<string, Emoji> {
  const store = useEmojiStore();
  return useSyncExternalStore(store.subscribe, store.getIndex);
}

/** Whether two reaction keys name the same emoji (custom ones by id: a rename keeps the old key). */
export function sameReaction(a: string, b: string): boolean {
  if (a === b) return true;
  const left = parseCustomEmojiRef(a);
  return left !== null && left.id === parseCustomEmojiRef(b)?.id;
}
