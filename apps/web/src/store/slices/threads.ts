import type { Channel, Message, ReadyPayload } from '@bonfire/sdk';

/** Threads known to the session by id: the active ones from `ready`, and any created, updated or opened since. */
export interface ThreadsState {
  threads: Record<string, Channel>;
}

export function initialThreads(): ThreadsState {
  return { threads: {} };
}

export function threadsFromReady(payload: ReadyPayload): ThreadsState {
  const threads: Record<string, Channel> = {};
  for (const entry of payload.guilds) {
    for (const thread of entry.threads ?? []) threads[thread.id] = thread;
  }
  return { threads };
}

export function putThread(state: ThreadsState, thread: Channel): ThreadsState {
  return { ...state, threads: { ...state.threads, [thread.id]: thread } };
}

export function removeThread(state: ThreadsState, threadId: string): ThreadsState {
  const threads = { ...state.threads };
  delete threads[threadId];
  return { ...state, threads };
}

/** What a starter message shows of its thread ("N replies"). */
export function threadSummary(thread: Channel): NonNullable<Message['thread']> {
  return {
    id: thread.id,
    name: thread.name ?? '',
    messageCount: thread.thread?.messageCount ?? 0,
    archived: thread.thread?.archived ?? false,
  };
}

/** The thread with one message more (delta 1) or fewer (delta -1); undefined when it is no thread. */
export function withMessageCountChange(thread: Channel, delta: 1 | -1): Channel | undefined {
  if (!thread.thread) return undefined;
  const messageCount = Math.max(0, thread.thread.messageCount + delta);
  return { ...thread, thread: { ...thread.thread, messageCount } };
}

export function withMemberCount(thread: Channel, memberCount: number): Channel | undefined {
  if (!thread.thread) return undefined;
  return { ...thread, thread: { ...thread.thread, memberCount } };
}

/** A thread event that takes the thread out of its archive (its reply count is then fetched afresh). */
export function isUnarchiving(was: Channel | undefined, now: Channel): boolean {
  return Boolean(was?.thread?.archived && now.thread && !now.thread.archived);
}
