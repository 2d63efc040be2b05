import type { Channel, Message, ReadyPayload } from '@bonfire/sdk';
import { findGuildChannelOrDm, guildsFromReady } from './slices/guilds';
import * as messages from './slices/messages';
import { presenceFromReady } from './slices/presence';
import * as readStates from './slices/read-states';
import { markReady } from './slices/session';
import * as threads from './slices/threads';
import { type AppState, chain } from './state';

/* Pure updates and selectors that span slices. */

/** A fresh session: `ready` replaces guilds, DMs, read states, presences and threads; histories stay. */
export function applyReady(state: AppState, payload: ReadyPayload): AppState {
  return chain(
    state,
    markReady,
    () => guildsFromReady(payload),
    () => readStates.readStatesFromReady(payload),
    (current) => presenceFromReady(current, payload),
    () => threads.threadsFromReady(payload),
  );
}

/** A message created or edited: its history, the channel's newest id, and (mine) the read position. */
export function receiveMessage(state: AppState, message: Message): AppState {
  return chain(
    state,
    (current) =>
      message.authorId === current.me?.id
        ? readStates.markReadLocally(current, message.channelId, message.id)
        : current,
    (current) => messages.receiveMessage(current, message),
    (current) => readStates.noteMessage(current, message.channelId, message.id),
  );
}

/**
 * A thread created, changed or fetched: kept by id, and the message it started from (when its channel's
 * history is loaded) shows the new name, reply count and archived state.
 */
export function putThread(state: AppState, thread: Channel): AppState {
  return chain(
    state,
    (current) => threads.putThread(current, thread),
    (current) => readStates.noteChannel(current, thread.id, thread.lastMessageId),
    (current) =>
      messages.patchStarter(
        current,
        thread.parentId,
        thread.thread?.starterMessageId ?? null,
        threads.threadSummary(thread),
      ),
  );
}

export function removeThread(state: AppState, threadId: string): AppState {
  const thread = state.threads[threadId];
  return chain(
    state,
    (current) => threads.removeThread(current, threadId),
    (current) =>
      thread
        ? messages.patchStarter(current, thread.parentId, thread.thread?.starterMessageId ?? null, undefined)
        : current,
  );
}

/** A message arrived in (delta 1) or left (delta -1) a known thread: its reply count follows. */
export function countThreadMessage(state: AppState, threadId: string, delta: 1 | -1): AppState {
  const thread = state.threads[threadId];
  const counted = thread && threads.withMessageCountChange(thread, delta);
  return counted ? putThread(state, counted) : state;
}

export function setThreadMemberCount(state: AppState, threadId: string, memberCount: number): AppState {
  const thread = state.threads[threadId];
  const updated = thread && threads.withMemberCount(thread, memberCount);
  return updated ? putThread(state, updated) : state;
}

/** A guild channel, DM or known thread by id. */
export function findChannel(state: AppState, channelId: string): Channel | undefined {
  return findGuildChannelOrDm(state, channelId) ?? state.threads[channelId];
}
