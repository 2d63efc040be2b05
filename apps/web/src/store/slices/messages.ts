import type { Message } from '@bonfire/sdk';
import { type ChannelHistory, type ClientMessage, emptyHistory, mergeMessages } from './message-history';

/** Loaded message histories per channel, and a message to bring into view. */
export interface MessagesState {
  histories: Record<string, ChannelHistory>;
  /** A message to bring into view (from search), consumed by the channel's message list. */
  jumpTarget: { channelId: string; messageId: string } | null;
}

export function initialMessages(): MessagesState {
  return { histories: {}, jumpTarget: null };
}

/** Changes one channel's history (an empty one when none is held yet). */
export function updateHistory(
  state: MessagesState,
  channelId: string,
  update: (history: ChannelHistory) => ChannelHistory,
): MessagesState {
  return {
    ...state,
    histories: { ...state.histories, [channelId]: update(state.histories[channelId] ?? emptyHistory()) },
  };
}

/** A message created or edited: merged when the channel's history is held. */
export function receiveMessage(state: MessagesState, message: Message): MessagesState {
  return updateHistory(state, message.channelId, (history) => ({
    ...history,
    // A channel not opened keeps nothing; one whose first page is on its way keeps what comes meanwhile
    // (the page may have been read before this message was sent).
    messages:
      history.loaded || history.loadingLatest || history.messages.length > 0
        ? mergeMessages(history.messages, [message])
        : [],
  }));
}

export function addMessages(
  state: MessagesState,
  channelId: string,
  messages: ClientMessage[],
): MessagesState {
  return updateHistory(state, channelId, (history) => ({
    ...history,
    messages: mergeMessages(history.messages, messages),
  }));
}

export function removeMessage(state: MessagesState, channelId: string, messageId: string): MessagesState {
  return updateHistory(state, channelId, (history) => ({
    ...history,
    messages: history.messages.filter((message) => message.id !== messageId),
  }));
}

/** Drops our own message the server refused (the person chose not to retry). */
export function discardFailed(state: MessagesState, channelId: string, nonce: string): MessagesState {
  return updateHistory(state, channelId, (history) => ({
    ...history,
    messages: history.messages.filter((message) => !(message.failed && message.nonce === nonce)),
  }));
}

export function mapMessage(
  state: MessagesState,
  channelId: string,
  messageId: string,
  update: (message: ClientMessage) => ClientMessage,
): MessagesState {
  return updateHistory(state, channelId, (history) => ({
    ...history,
    messages: history.messages.map((message) => (message.id === messageId ? update(message) : message)),
  }));
}

/** The message a thread started from shows the thread's summary (or none, once the thread is gone). */
export function patchStarter(
  state: MessagesState,
  channelId: string | null,
  messageId: string | null,
  summary: Message['thread'] | undefined,
): MessagesState {
  if (!channelId || !messageId || !state.histories[channelId]) return state;
  return mapMessage(state, channelId, messageId, (message) => {
    const next: ClientMessage = { ...message };
    if (summary) next.thread = summary;
    else delete next.thread;
    return next;
  });
}

export function jumpTo(state: MessagesState, channelId: string, messageId: string): MessagesState {
  return { ...state, jumpTarget: { channelId, messageId } };
}

export function clearJump(state: MessagesState): MessagesState {
  return { ...state, jumpTarget: null };
}

export function holdsMessage(state: MessagesState, channelId: string, messageId: string): boolean {
  return state.histories[channelId]?.messages.some((message) => message.id === messageId) ?? false;
}
