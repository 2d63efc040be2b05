import { useEffect, useId, useMemo, useState } from 'react';
import type { Channel } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { compareIds } from '@bonfire/contracts';
import { capitalise, describeError } from '../app/util';
import { replyCount } from '../messages/ThreadSummary';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';

interface ThreadsPanelProps {
  channel: Channel;
  onOpen: (threadId: string) => void;
  onClose: () => void;
}

/** The channel's threads: the active ones (live from the store), then archived ones page by page. */
export function ThreadsPanel({ channel, onOpen, onClose }: ThreadsPanelProps) {
  const store = useStore();
  const known = useAppState((state) => state.threads);
  const readStates = useAppState((state) => state.readStates);
  const lastMessageIds = useAppState((state) => state.lastMessageIds);
  const [archived, setArchived] = useState<Channel[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const active = useMemo(
    () =>
      Object.values(known)
        .filter((thread) => thread.parentId === channel.id && !thread.thread?.archived)
        .sort((a, b) => compareIds(b.id, a.id)),
    [known, channel.id],
  );

  const loadArchived = async (before?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await store.threadActions.archived(channel.id, before ? { before } : {});
      setArchived((current) => {
        const ids = new Set(page.threads.map((thread) => thread.id));
        return [...(before ? current : []).filter((thread) => !ids.has(thread.id)), ...page.threads];
      });
      setHasMore(page.hasMore);
    } catch (caught) {
      setError(capitalise(describeError(caught)));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    let cancelled = false;
    // The active list also comes from `ready`; this fills in any the session has not heard of.
    store.threadActions.active(channel.id).then(
      (list) => {
        if (!cancelled) for (const thread of list.threads) store.putThread(thread);
      },
      () => undefined,
    );
    void loadArchived();
    return () => {
      cancelled = true;
    };
  }, [store, channel.id]);

  // A thread archived or unarchived meanwhile shows in its new place.
  const archivedShown = archived
    .map((thread) => known[thread.id] ?? thread)
    .filter((thread) => thread.thread?.archived);

  const row = (thread: Channel) => {
    const last = lastMessageIds[thread.id];
    const read = readStates[thread.id]?.lastReadMessageId;
    const unread = !!last && (!read || compareIds(last, read) > 0);
    return (
      <li key={thread.id}>
        <button className="thread-row" onClick={() => onOpen(thread.id)}>
          <span className={unread ? 'thread-name unread' : 'thread-name'}>{thread.name}</span>
          <span className="thread-count">
            {replyCount(thread.thread?.messageCount ?? 0)}
            {unread ? ', unread' : ''}
          </span>
        </button>
      </li>
    );
  };

  return (
    <aside
      className="side-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="panel-header">
        <h2 id={headingId}>Threads</h2>
        <IconButton label="Close threads" onClick={onClose}>
          <Icon name="close" />
        </IconButton>
      </div>
      <div className="panel-body">
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        <h3 className="thread-list-heading">Active</h3>
        {active.length === 0 ? (
          <p className="search-help">No active threads.</p>
        ) : (
          <ul className="thread-list" aria-label="Active threads">
            {active.map(row)}
          </ul>
        )}
        <h3 className="thread-list-heading">Archived</h3>
        {archivedShown.length === 0 && !loading ? (
          <p className="search-help">No archived threads.</p>
        ) : (
          <ul className="thread-list" aria-label="Archived threads">
            {archivedShown.map(row)}
          </ul>
        )}
        {loading ? <p role="status">Loading…</p> : null}
        {hasMore && !loading ? (
          <button
            className="button link"
            onClick={() => {
              const oldest = archived[archived.length - 1]?.thread?.archiveTimestamp;
              if (oldest) void loadArchived(oldest);
            }}
          >
            Load more
          </button>
        ) : null}
      </div>
    </aside>
  );
}
