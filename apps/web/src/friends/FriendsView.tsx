import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { PresenceStatus, Relationship } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { capitalise, describeError } from '../app/util';
import { Avatar, STATUS_LABEL } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { notify } from '../ui/Toasts';
import { type FriendsTab, relationshipsOfTab, TABS } from './friends-tabs';
import { useRelationships, useRelationshipsStore } from './relationships-store';
import './friends.css';

/**
 * The Friends page (home without a conversation): tabs Online / All / Pending / Blocked, adding a friend
 * by username, and the actions of each row (message, remove, block; accept, decline, cancel; unblock).
 */
export function FriendsView({ onOpenNav }: { onOpenNav: () => void }) {
  const store = useStore();
  const relationshipsStore = useRelationshipsStore();
  const relationships = useRelationships();
  const presences = useAppState((state) => state.presences);
  const [tab, setTab] = useState<FriendsTab>('online');
  const [username, setUsername] = useState('');
  const [addMessage, setAddMessage] = useState<{ text: string; error: boolean } | null>(null);
  const social = store.socialActions;
  const statusOf = (userId: string): PresenceStatus => presences[userId]?.status ?? 'offline';
  const all = Object.values(relationships);
  const shown = relationshipsOfTab(tab, all, statusOf);
  const incoming = all.filter((r) => r.type === 'incoming').length;

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      notify(capitalise(describeError(error)));
    }
  };
  const put = (relationship: Relationship) => relationshipsStore.put(relationship);
  const drop = async (userId: string) => {
    await social.removeRelationship(userId);
    relationshipsStore.drop(userId);
  };

  const addFriend = async (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim();
    if (!name) return;
    try {
      const relationship = await social.sendFriendRequest(name);
      put(relationship);
      setUsername('');
      setAddMessage({
        text:
          relationship.type === 'friend'
            ? `You and ${name} are now friends.`
            : `Friend request sent to ${relationship.user.username}.`,
        error: false,
      });
    } catch (error) {
      setAddMessage({ text: capitalise(describeError(error)), error: true });
    }
  };

  const message = (userId: string) =>
    act(async () => {
      const channel = await social.openDm(userId);
      store.addDm(channel);
      navigate({ page: 'home', channelId: channel.id });
    });

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`friends-tab-${next.id}`)?.focus();
  };

  return (
    <main className="main friends-view" id="main-content" tabIndex={-1}>
      <header className="main-header">
        <button className="icon-button drawer-toggle" aria-label="Open navigation" onClick={onOpenNav}>
          <Icon name="menu" />
        </button>
        <h1>Friends</h1>
        <div role="tablist" aria-label="Friends" className="friends-tabs">
          {TABS.map((entry, index) => (
            <button
              key={entry.id}
              id={`friends-tab-${entry.id}`}
              role="tab"
              aria-selected={tab === entry.id}
              aria-controls="friends-panel"
              tabIndex={tab === entry.id ? 0 : -1}
              className={`friends-tab${tab === entry.id ? ' active' : ''}`}
              onClick={() => setTab(entry.id)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {entry.label}
              {entry.id === 'pending' && incoming > 0 ? (
                <span className="badge" aria-label={`${incoming} incoming`}>
                  {incoming}
                </span>
              ) : null}
            </button>
          ))}
        </div>
      </header>
      <div className="friends-body">
        <form className="friends-add" onSubmit={addFriend} aria-labelledby="friends-add-heading">
          <h2 id="friends-add-heading">Add friend</h2>
          <div className="friends-add-row">
            <label htmlFor="friends-add-username" className="visually-hidden">
              Username
            </label>
            <input
              id="friends-add-username"
              placeholder="Their username"
              autoComplete="off"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
            <button className="button" type="submit" disabled={!username.trim()}>
              Send friend request
            </button>
          </div>
          {addMessage ? (
            <div
              className={`alert${addMessage.error ? '' : ' info'}`}
              role={addMessage.error ? 'alert' : 'status'}
            >
              {addMessage.text}
            </div>
          ) : null}
        </form>
        <section id="friends-panel" role="tabpanel" aria-labelledby={`friends-tab-${tab}`}>
          <h2 className="friends-count">
            {TABS.find((entry) => entry.id === tab)!.label} — {shown.length}
          </h2>
          {shown.length === 0 ? (
            <p className="search-help">{EMPTY[tab]}</p>
          ) : (
            <ul className="friends-list">
              {shown.map((relationship) => {
                const { user } = relationship;
                const name = user.displayName ?? user.username;
                const status = relationship.type === 'friend' ? statusOf(relationship.id) : null;
                return (
                  <li key={relationship.id} className="friends-row" data-user-id={relationship.id}>
                    <Avatar userId={user.id} name={name} status={status} />
                    <div className="friends-who">
                      <span className="friends-name">{name}</span>
                      <span className="friends-detail">
                        {relationship.type === 'friend'
                          ? STATUS_LABEL[status ?? 'offline']
                          : relationship.type === 'incoming'
                            ? 'Incoming friend request'
                            : relationship.type === 'outgoing'
                              ? 'Outgoing friend request'
                              : 'Blocked'}
                        {' · '}@{user.username}
                      </span>
                    </div>
                    <div className="friends-actions">
                      {relationship.type === 'friend' ? (
                        <>
                          <button className="button secondary" onClick={() => void message(user.id)}>
                            Message<span className="visually-hidden"> {name}</span>
                          </button>
                          <button className="button secondary" onClick={() => void act(() => drop(user.id))}>
                            Remove<span className="visually-hidden"> {name}</span>
                          </button>
                        </>
                      ) : null}
                      {relationship.type === 'incoming' ? (
                        <>
                          <button
                            className="button"
                            onClick={() => void act(async () => put(await social.acceptFriend(user.id)))}
                          >
                            Accept<span className="visually-hidden"> {name}</span>
                          </button>
                          <button className="button secondary" onClick={() => void act(() => drop(user.id))}>
                            Decline<span className="visually-hidden"> {name}</span>
                          </button>
                        </>
                      ) : null}
                      {relationship.type === 'outgoing' ? (
                        <button className="button secondary" onClick={() => void act(() => drop(user.id))}>
                          Cancel<span className="visually-hidden"> request to {name}</span>
                        </button>
                      ) : null}
                      {relationship.type === 'blocked' ? (
                        <button className="button secondary" onClick={() => void act(() => drop(user.id))}>
                          Unblock<span className="visually-hidden"> {name}</span>
                        </button>
                      ) : (
                        <button
                          className="button danger"
                          onClick={() => void act(async () => put(await social.block(user.id)))}
                        >
                          Block<span className="visually-hidden"> {name}</span>
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}

const EMPTY: Record<FriendsTab, string> = {
  online: 'No friends are online right now.',
  all: 'No friends yet. Add one by their username above.',
  pending: 'No pending friend requests.',
  blocked: 'You have not blocked anyone.',
};
