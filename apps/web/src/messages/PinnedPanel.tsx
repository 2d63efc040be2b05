import { useEffect, useId, useMemo, useState } from 'react';
import type { Channel, Message } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import type { GuildState } from '../app/store';
import { capitalise, describeError, formatDateTime } from '../app/util';
import { Icon } from '../ui/Icon';
import { notify } from '../ui/Toasts';
import { Markdown } from './Markdown';
import { IconButton } from '../ui/IconButton';

interface PinnedPanelProps {
  channel: Channel;
  guildState: GuildState | undefined;
  /** MANAGE_MESSAGES in a guild channel; anyone in a DM. */
  canPin: boolean;
  onClose: () => void;
}

/**
 * The channel's pinned messages, newest first, each with a jump to it and (for those allowed) unpin.
 * Pinning anywhere arrives as `message.updated`; the list is fetched again when a loaded message's pin
 * changes.
 */
export function PinnedPanel({ channel, guildState, canPin, onClose }: PinnedPanelProps) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const history = useAppState((state) => state.histories[channel.id]);
  const [pins, setPins] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  // Changes when a loaded message is pinned or unpinned (live, from the dispatch).
  const pinnedKey = useMemo(
    () =>
      (history?.messages ?? [])
        .filter((message) => message.pinned)
        .map((message) => `${message.id}:${message.editedAt ?? ''}`)
        .join(','),
    [history?.messages],
  );

  useEffect(() => {
    let cancelled = false;
    store.messageActions.pins(channel.id).then(
      (list) => {
        if (cancelled) return;
        setPins(list);
        setError(null);
        for (const message of list) void store.ensureAuthor(message);
      },
      (caught: unknown) => !cancelled && setError(capitalise(describeError(caught))),
    );
    return () => {
      cancelled = true;
    };
  }, [store, channel.id, pinnedKey]);

  const userName = (userId: string) =>
    guildState?.members[userId]?.nickname ??
    users[userId]?.displayName ??
    users[userId]?.username ??
    'unknown';
  const roleName = (roleId: string) => guildState?.roles.find((role) => role.id === roleId)?.name ?? 'role';

  const unpin = async (message: Message) => {
    try {
      await store.messageActions.setPinned(channel.id, message.id, false);
      setPins((current) => current?.filter((pin) => pin.id !== message.id) ?? null);
    } catch (caught) {
      notify(capitalise(`the message could not be unpinned: ${describeError(caught)}`));
    }
  };

  const jump = (message: Message) => {
    store.jumpTo(channel.id, message.id);
    navigate(
      channel.guildId
        ? { page: 'guild', guildId: channel.guildId, channelId: channel.id }
        : { page: 'home', channelId: channel.id },
    );
  };

  return (
    <aside
      className="side-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="panel-header">
        <h2 id={headingId}>Pinned messages</h2>
        <IconButton label="Close pinned messages" onClick={onClose}>
          <Icon name="close" />
        </IconButton>
      </div>
      <div className="panel-body">
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        {pins === null && !error ? <p role="status">Loading…</p> : null}
        {pins && pins.length === 0 ? (
          <p className="search-help" role="status">
            No pinned messages in this {channel.guildId ? 'channel' : 'conversation'} yet.
          </p>
        ) : null}
        {pins && pins.length > 0 ? (
          <ul className="search-results" aria-label="Pinned messages">
            {pins.map((message) => (
              <li key={message.id} className="pinned-message">
                <div className="where">
                  {message.author?.username ?? userName(message.authorId)} ·{' '}
                  {formatDateTime(message.createdAt)}
                </div>
                <div className="content">
                  <Markdown content={message.content} userName={userName} roleName={roleName} />
                  {message.attachments.length > 0 ? (
                    <div className="search-help">
                      {message.attachments.length}{' '}
                      {message.attachments.length === 1 ? 'attachment' : 'attachments'}
                    </div>
                  ) : null}
                </div>
                <div className="pinned-actions">
                  <button className="button link" onClick={() => jump(message)}>
                    Jump
                  </button>
                  {canPin ? (
                    <button className="button link" onClick={() => void unpin(message)}>
                      Unpin
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </aside>
  );
}
