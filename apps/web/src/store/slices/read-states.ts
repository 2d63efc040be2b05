import type { ReadState, ReadyPayload } from '@bonfire/sdk';
import { compareIds } from '@bonfire/contracts';

export interface ReadMarker {
  lastReadMessageId: string | null;
  mentionCount: number;
}

/** What the person has read, and the newest message per channel: together they make the unread badges. */
export interface ReadStatesState {
  readStates: Record<string, ReadMarker>;
  /** Newest message id per channel, for unread badges. */
  lastMessageIds: Record<string, string | null>;
}

export function initialReadStates(): ReadStatesState {
  return { readStates: {}, lastMessageIds: {} };
}

/** `ready` carries read positions (mention counts come from the API after) and every channel's newest id. */
export function readStatesFromReady(payload: ReadyPayload): ReadStatesState {
  const lastMessageIds: Record<string, string | null> = {};
  for (const entry of payload.guilds) {
    for (const channel of entry.channels) lastMessageIds[channel.id] = channel.lastMessageId;
  }
  for (const dm of payload.dms) lastMessageIds[dm.id] = dm.lastMessageId;
  for (const entry of payload.guilds) {
    for (const thread of entry.threads ?? []) lastMessageIds[thread.id] = thread.lastMessageId;
  }
  const readStates: Record<string, ReadMarker> = {};
  for (const readState of payload.readStates) {
    readStates[readState.channelId] = { lastReadMessageId: readState.lastReadMessageId, mentionCount: 0 };
  }
  return { readStates, lastMessageIds };
}

/** The API's read states, with mention counts. */
export function applyReadStates(
  state: ReadStatesState,
  readStates: Pick<ReadState, 'channelId' | 'lastReadMessageId' | 'mentionCount'>[],
): ReadStatesState {
  const next = { ...state.readStates };
  for (const readState of readStates) {
    next[readState.channelId] = {
      lastReadMessageId: readState.lastReadMessageId,
      mentionCount: readState.mentionCount,
    };
  }
  return { ...state, readStates: next };
}

/** A `readstate.updated` (read on another device): taken as it is. */
export function putReadState(state: ReadStatesState, channelId: string, marker: ReadMarker): ReadStatesState {
  return { ...state, readStates: { ...state.readStates, [channelId]: marker } };
}

/** Whether the message is newer than the newest one known in its channel. */
export function isNewerThanKnown(state: ReadStatesState, channelId: string, messageId: string): boolean {
  const last = state.lastMessageIds[channelId];
  return !last || compareIds(last, messageId) < 0;
}

/** A message seen in the channel: the channel's newest id moves forward, never back. */
export function noteMessage(state: ReadStatesState, channelId: string, messageId: string): ReadStatesState {
  if (!isNewerThanKnown(state, channelId, messageId)) return state;
  return { ...state, lastMessageIds: { ...state.lastMessageIds, [channelId]: messageId } };
}

/** A channel (or thread) that appeared: its newest id, unless one is known already. */
export function noteChannel(
  state: ReadStatesState,
  channelId: string,
  lastMessageId: string | null,
): ReadStatesState {
  if (state.lastMessageIds[channelId] !== undefined) return state;
  return { ...state, lastMessageIds: { ...state.lastMessageIds, [channelId]: lastMessageId } };
}

/** One's own message counts as read (the mention count stays). */
export function markReadLocally(
  state: ReadStatesState,
  channelId: string,
  messageId: string,
): ReadStatesState {
  const marker = state.readStates[channelId];
  if (marker?.lastReadMessageId && compareIds(marker.lastReadMessageId, messageId) >= 0) return state;
  return {
    ...state,
    readStates: {
      ...state.readStates,
      [channelId]: { lastReadMessageId: messageId, mentionCount: marker?.mentionCount ?? 0 },
    },
  };
}

/** The message to acknowledge to mark the channel read: its newest, when that is not read yet. */
export function unreadUpTo(state: ReadStatesState, channelId: string): string | null {
  const last = state.lastMessageIds[channelId];
  const marker = state.readStates[channelId];
  if (!last || (marker?.lastReadMessageId && compareIds(marker.lastReadMessageId, last) >= 0)) return null;
  return last;
}

/** Read up to `messageId`: no mentions left. */
export function markRead(state: ReadStatesState, channelId: string, messageId: string): ReadStatesState {
  return putReadState(state, channelId, { lastReadMessageId: messageId, mentionCount: 0 });
}

export function countMention(state: ReadStatesState, channelId: string): ReadStatesState {
  const marker = state.readStates[channelId] ?? { lastReadMessageId: null, mentionCount: 0 };
  return putReadState(state, channelId, { ...marker, mentionCount: marker.mentionCount + 1 });
}
