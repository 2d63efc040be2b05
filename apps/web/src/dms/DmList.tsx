import { useState } from 'react';
import type { Channel } from '@bonfire/sdk';
import { useAppState } from '../app/hooks';
import { navigate } from '../app/router';
import type { AppState } from '../app/store';
import { compareIds } from '@bonfire/contracts';
import { Avatar } from '../ui/Avatar';
import { NewDmDialog } from './NewDmDialog';
import { FriendsLink } from '../friends/FriendsLink';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';

export function dmTitle(channel: Channel, state: Pick<AppState, 'users' | 'me'>): string {
  if (channel.name) return channel.name;
  const others = channel.recipientIds.filter((id) => id !== state.me?.id);
  const names = others.map((id) => state.users[id]?.displayName ?? state.users[id]?.username ?? 'Someone');
  return names.join(', ') || 'Just you';
}

/** Direct messages, newest conversation first, with unread state and the other person's presence. */
export function DmList({ activeChannelId }: { activeChannelId: string | null }) {
  const dms = useAppState((state) => state.dms);
  const users = useAppState((state) => state.users);
  const me = useAppState((state) => state.me);
  const presences = useAppState((state) => state.presences);
  const readStates = useAppState((state) => state.readStates);
  const lastMessageIds = useAppState((state) => state.lastMessageIds);
  const [dialog, setDialog] = useState(false);

  const sorted = [...dms].sort((a, b) =>
    compareIds(lastMessageIds[b.id] ?? b.id, lastMessageIds[a.id] ?? a.id),
  );

  return (
    <>
      <header className="sidebar-header">
        <h2>Direct messages</h2>
        <IconButton label="New direct message" onClick={() => setDialog(true)}>
          <Icon name="plus" />
        </IconButton>
      </header>
      <div className="sidebar-scroll">
        <FriendsLink active={activeChannelId === null} />
        {sorted.length === 0 ? (
          <p className="search-help">
            No conversations yet. Start one with the + button or from a member list.
          </p>
        ) : null}
        <ul className="channel-list">
          {sorted.map((dm) => {
            const title = dmTitle(dm, { users, me });
            const other = dm.recipientIds.find((id) => id !== me?.id) ?? me?.id ?? '';
            const last = lastMessageIds[dm.id];
            const read = readStates[dm.id]?.lastReadMessageId;
            const unread = !!last && (!read || compareIds(last, read) > 0);
            const status = dm.type === 'dm' ? (presences[other]?.status ?? 'offline') : null;
            return (
              <li key={dm.id}>
                <button
                  className={`channel-link${unread ? ' unread' : ''}`}
                  aria-current={dm.id === activeChannelId ? 'page' : undefined}
                  aria-label={`${title}${status ? `, ${status}` : ''}${unread ? ', unread' : ''}`}
                  onClick={() => navigate({ page: 'home', channelId: dm.id })}
                >
                  <Avatar userId={other} name={title} status={status} />
                  <span className="name">{title}</span>
                  {unread ? (
                    <span className="badge" aria-hidden="true">
                      •
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {dialog ? <NewDmDialog onClose={() => setDialog(false)} /> : null}
    </>
  );
}
