import type { Message } from '@bonfire/sdk';
import { compareIds } from '@bonfire/contracts';

/** How many messages one history request asks for. */
export const PAGE_SIZE = 50;

/** A message as the app holds it: sent ones, and our own still on their way (or refused). */
export interface ClientMessage extends Message {
  /** Shown greyed until the server confirms it. */
  pending?: boolean;
  /** Why sending failed, in plain words; the person can retry (same nonce: no duplicate) or discard. */
  failed?: string;
}

export interface ChannelHistory {
  /** Oldest first. Pending messages sit at the end. */
  messages: ClientMessage[];
  loaded: boolean;
  /** The newest page is on its way: messages that arrive meanwhile are kept, to merge with it. */
  loadingLatest: boolean;
  hasMoreBefore: boolean;
  loadingOlder: boolean;
  error: string | null;
}

export function emptyHistory(): ChannelHistory {
  return {
    messages: [],
    loaded: false,
    loadingLatest: false,
    hasMoreBefore: true,
    loadingOlder: false,
    error: null,
  };
}

function isUnsent(message: ClientMessage): boolean {
  return Boolean(message.pending || message.failed);
}

/** Inserts or replaces messages by id (and pending copies by nonce), keeping id order, pending last. */
export function mergeMessages(current: ClientMessage[], incoming: ClientMessage[]): ClientMessage[] {
  const byId = new Map<string, ClientMessage>();
  const pending: ClientMessage[] = [];
  for (const message of current) {
    if (isUnsent(message)) pending.push(message);
    else byId.set(message.id, message);
  }
  for (const message of incoming) {
    if (isUnsent(message)) {
      const index = pending.findIndex((candidate) => candidate.nonce === message.nonce);
      if (index >= 0) pending[index] = message;
      else pending.push(message);
      continue;
    }
    const existing = byId.get(message.id);
    // Revisions only grow: a late, older copy never overwrites a newer one.
    if (!existing || existing.revision <= message.revision) byId.set(message.id, message);
  }
  const confirmedNonces = new Set<string>();
  for (const message of byId.values()) if (message.nonce) confirmedNonces.add(message.nonce);
  const sent = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  return [...sent, ...pending.filter((message) => !message.nonce || !confirmedNonces.has(message.nonce))];
}

/** The newest page (newest first, as the API answers) merged into what is held. */
export function withLatestPage(history: ChannelHistory, page: Message[]): ChannelHistory {
  const held = history.messages.filter((message) => !isUnsent(message));
  const newestHeld = held[held.length - 1];
  const oldestFetched = page[page.length - 1];
  // More was missed than one page holds: drop what is held rather than show a silent hole; scrolling
  // back loads the rest.
  const gap =
    page.length === PAGE_SIZE &&
    newestHeld !== undefined &&
    oldestFetched !== undefined &&
    compareIds(oldestFetched.id, newestHeld.id) > 0;
  const kept = gap ? history.messages.filter(isUnsent) : history.messages;
  return {
    ...history,
    messages: mergeMessages(kept, page),
    loaded: true,
    loadingLatest: false,
    hasMoreBefore: history.loaded && !gap ? history.hasMoreBefore : page.length === PAGE_SIZE,
    error: null,
  };
}

/** The oldest message the server has confirmed: the page before it is the next to load. */
export function oldestSent(history: ChannelHistory): ClientMessage | undefined {
  return history.messages.find((message) => !isUnsent(message));
}

/** The page before the oldest message held (scrolling back). */
export function withOlderPage(history: ChannelHistory, page: Message[]): ChannelHistory {
  return {
    ...history,
    messages: mergeMessages(history.messages, page),
    hasMoreBefore: page.length === PAGE_SIZE,
    loadingOlder: false,
    error: null,
  };
}

/** Our own message as it shows until the server confirms it. */
export function optimisticMessage(draft: {
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  replyTo?: string | undefined;
  nonce: string;
  createdAt: string;
}): ClientMessage {
  return {
    id: `pending-${draft.nonce}`,
    channelId: draft.channelId,
    guildId: draft.guildId,
    authorId: draft.authorId,
    content: draft.content,
    nonce: draft.nonce,
    replyToId: draft.replyTo ?? null,
    attachments: [],
    mentions: { userIds: [], roleIds: [], everyone: false },
    pinned: false,
    revision: 0,
    editedAt: null,
    createdAt: draft.createdAt,
    reactions: [],
    pending: true,
  };
}

/** A reaction added (delta 1) or removed (delta -1) by a user; `mine` when that user is me. */
export function withReaction(
  message: ClientMessage,
  reaction: { emoji: string; delta: 1 | -1; mine: boolean },
): ClientMessage {
  const { emoji, delta, mine } = reaction;
  const reactions = [...message.reactions];
  const index = reactions.findIndex((candidate) => candidate.emoji === emoji);
  if (index === -1) {
    if (delta > 0) reactions.push({ emoji, count: 1, me: mine });
  } else {
    const existing = reactions[index]!;
    const count = existing.count + delta;
    if (count <= 0) reactions.splice(index, 1);
    else reactions[index] = { emoji, count, me: mine ? delta > 0 : existing.me };
  }
  return { ...message, reactions };
}
