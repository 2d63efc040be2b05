import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useAppState, useStore } from '../app/hooks';
import type { ChannelHistory, ClientMessage, GuildState } from '../app/store';
import { notify } from '../ui/Toasts';
import { MessageItem } from './MessageItem';
import { BlockedMessageGate } from '../friends/BlockedMessageGate';

/** Within this many pixels of the bottom the list follows new messages. */
const STICK_THRESHOLD_PX = 120;
/** Older history is fetched when the top is this close. */
const LOAD_OLDER_THRESHOLD_PX = 400;
/** A new group (name and avatar) starts after this gap between two messages of one author. */
const GROUP_GAP_MS = 7 * 60 * 1000;

interface MessageListProps {
  channelId: string;
  channelLabel: string;
  history: ChannelHistory | undefined;
  guildState: GuildState | undefined;
  onReply: (message: ClientMessage) => void;
  canManageMessages?: boolean;
  canPin?: boolean;
  onCreateThread?: (message: ClientMessage) => void;
  onOpenThread?: (threadId: string) => void;
}

function messageKey(message: ClientMessage): string {
  // The optimistic copy and the server's copy share the nonce: the row is kept, not re-mounted.
  return message.nonce ? `n:${message.authorId}:${message.nonce}` : message.id;
}

/**
 * The channel's history, virtualised: only the rows on screen (plus a margin) are in the DOM, so a
 * channel with thousands of loaded messages scrolls as smoothly as one with ten. Scrolling near the top
 * loads the previous page and keeps the message under the reader's eyes in place; at the bottom, new
 * messages are followed.
 */
export function MessageList({
  channelId,
  channelLabel,
  history,
  guildState,
  onReply,
  canManageMessages = false,
  canPin = false,
  onCreateThread,
  onOpenThread,
}: MessageListProps) {
  const store = useStore();
  const me = useAppState((state) => state.me);
  const messages = history?.messages ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottomRef = useRef(true);
  /** The list has been brought to the newest message once (older pages load only after that). */
  const positionedRef = useRef(false);
  const anchorRef = useRef<{ key: string; offset: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const virtualizer = useVirtualizer({
    count: messages.length + 1,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (index === 0 ? 64 : 48),
    overscan: 12,
    getItemKey: (index) => (index === 0 ? 'history-edge' : messageKey(messages[index - 1]!)),
  });

  const scrollToBottom = useCallback(() => {
    const element = scrollRef.current;
    if (!element || messages.length === 0) return;
    virtualizer.scrollToIndex(messages.length, { align: 'end' });
    // Rows measured after the jump can grow the list; settle at the real bottom.
    requestAnimationFrame(() => {
      element.scrollTop = element.scrollHeight;
      positionedRef.current = true;
    });
  }, [virtualizer, messages.length]);

  const loadOlder = useCallback(() => {
    if (!history || !history.loaded || history.loadingOlder || !history.hasMoreBefore) return;
    const element = scrollRef.current;
    const first = virtualizer
      .getVirtualItems()
      .find((item) => item.end > (element?.scrollTop ?? 0) && item.index > 0);
    anchorRef.current = first
      ? { key: String(first.key), offset: first.start - (element?.scrollTop ?? 0) }
      : null;
    void store.loadOlder(channelId);
  }, [history, virtualizer, store, channelId]);

  // Keep the anchored message in place when older messages are prepended.
  const firstKey = messages[0] ? messageKey(messages[0]) : null;
  useLayoutEffect(() => {
    const anchor = anchorRef.current;
    if (!anchor) return;
    const index = messages.findIndex((message) => messageKey(message) === anchor.key);
    if (index < 0) return;
    anchorRef.current = null;
    const offset = virtualizer.getOffsetForIndex(index + 1, 'start')?.[0];
    if (offset !== undefined) virtualizer.scrollToOffset(Math.max(0, offset - anchor.offset));
  }, [firstKey]);

  // Follow new messages while at the bottom (and always after sending one's own).
  const last = messages[messages.length - 1];
  const lastKey = last ? messageKey(last) : null;
  useLayoutEffect(() => {
    if (!last) return;
    if (atBottomRef.current || last.authorId === me?.id) scrollToBottom();
    if (last.authorId !== me?.id && !last.pending) {
      const author = store.getState().users[last.authorId];
      const name = last.author?.username ?? author?.displayName ?? author?.username ?? 'Someone';
      setAnnouncement(`${name}: ${last.content.slice(0, 200)}`);
    }
  }, [lastKey]);

  // While following the bottom, rows measured after a jump (images, wrapped lines) keep it at the bottom.
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && atBottomRef.current) element.scrollTop = element.scrollHeight;
  }, [totalSize]);

  // Load more while the top is still in reach once a page arrived (or the history does not fill the
  // screen, so there is nothing to scroll) — but not before the first jump to the newest message.
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || !positionedRef.current) return;
    if (!history?.loaded || !history.hasMoreBefore || history.loadingOlder) return;
    const unscrollable = element.scrollHeight <= element.clientHeight + 1;
    if (unscrollable || element.scrollTop < LOAD_OLDER_THRESHOLD_PX) loadOlder();
  }, [totalSize, history?.loaded, history?.hasMoreBefore, history?.loadingOlder, loadOlder]);

  // A search result asked for a message: load back to it, bring it to the middle, focus it.
  const jumpTarget = useAppState((state) => state.jumpTarget);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  useEffect(() => {
    if (!jumpTarget || jumpTarget.channelId !== channelId || !history?.loaded) return;
    const { messageId } = jumpTarget;
    store.clearJump();
    void store.loadUntil(channelId, messageId).then((found) => {
      if (!found) {
        notify('That message is too far back to open from here; scroll up to find it.', 'info');
        return;
      }
      const index = store.getState().histories[channelId]!.messages.findIndex((m) => m.id === messageId);
      atBottomRef.current = false;
      anchorRef.current = null;
      requestAnimationFrame(() => {
        virtualizer.scrollToIndex(index + 1, { align: 'center' });
        setHighlighted(messageId);
        requestAnimationFrame(() =>
          scrollRef.current?.querySelector<HTMLElement>(`.message[data-message-id="${messageId}"]`)?.focus(),
        );
        setTimeout(() => setHighlighted((current) => (current === messageId ? null : current)), 3000);
      });
    });
  }, [jumpTarget, channelId, history?.loaded, store, virtualizer]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    atBottomRef.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < STICK_THRESHOLD_PX;
    if (positionedRef.current && element.scrollTop < LOAD_OLDER_THRESHOLD_PX) loadOlder();
  };

  // Arrow keys move between messages (each row is focusable); Home/End jump to the ends.
  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset['index'] ?? NaN);
    if (Number.isNaN(index) || !target.classList.contains('message')) return;
    let next: number | null = null;
    if (event.key === 'ArrowUp') next = Math.max(1, index - 1);
    if (event.key === 'ArrowDown') next = Math.min(messages.length, index + 1);
    if (event.key === 'Home') next = 1;
    if (event.key === 'End') next = messages.length;
    if (next === null) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`.message[data-index="${next}"]`)?.focus(),
    );
  };

  return (
    <>
      <div
        ref={scrollRef}
        className="message-scroller"
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        role="list"
        aria-label={`Messages in ${channelLabel}`}
        aria-busy={!history?.loaded || history.loadingOlder}
        tabIndex={0}
      >
        <div style={{ height: virtualizer.getTotalSize(), width: '100%', position: 'relative' }}>
          {items.map((item) => {
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
            };
            if (item.index === 0) {
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={0}
                  style={style}
                  className="history-edge"
                  role="listitem"
                >
                  {!history?.loaded
                    ? 'Loading messages…'
                    : history.loadingOlder
                      ? 'Loading older messages…'
                      : history.hasMoreBefore
                        ? ''
                        : `This is the beginning of ${channelLabel}.`}
                </div>
              );
            }
            const message = messages[item.index - 1]!;
            const previous = item.index > 1 ? messages[item.index - 2] : undefined;
            const first =
              !previous ||
              previous.authorId !== message.authorId ||
              previous.author?.username !== message.author?.username ||
              message.replyToId !== null ||
              Date.parse(message.createdAt) - Date.parse(previous.createdAt) > GROUP_GAP_MS;
            return (
              <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} style={style}>
                <BlockedMessageGate authorId={message.authorId}>
                  <MessageItem
                    highlighted={highlighted === message.id}
                    message={message}
                    index={item.index}
                    first={first}
                    guildState={guildState}
                    replyTo={message.replyToId ? messages.find((m) => m.id === message.replyToId) : undefined}
                    onReply={onReply}
                    canManageMessages={canManageMessages}
                    canPin={canPin}
                    {...(onCreateThread ? { onCreateThread } : {})}
                    {...(onOpenThread ? { onOpenThread } : {})}
                  />
                </BlockedMessageGate>
              </div>
            );
          })}
        </div>
      </div>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
