import { useEffect, useState } from 'react';
import type { ReactionUser } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import type { ClientMessage } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { Dialog } from '../ui/Dialog';
import { ReactionEmoji, reactionLabel } from '../emoji/ReactionEmoji';

const PAGE = 100;

/** Who reacted to a message, one emoji at a time (the tabs), paged by the server's `after`. */
export function ReactionsDialog({ message, onClose }: { message: ClientMessage; onClose: () => void }) {
  const store = useStore();
  const [emoji, setEmoji] = useState(message.reactions[0]?.emoji ?? '');
  const [users, setUsers] = useState<ReactionUser[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (after?: string) => {
    try {
      const page = await store.messageActions.reactionUsers(message.channelId, message.id, emoji, {
        limit: PAGE,
        ...(after ? { after } : {}),
      });
      setUsers((current) => (after ? [...(current ?? []), ...page] : page));
      setMore(page.length === PAGE);
      setError(null);
    } catch (caught) {
      setError(capitalise(describeError(caught)));
    }
  };

  useEffect(() => {
    if (!emoji) return;
    setUsers(null);
    void load();
  }, [emoji]); // reload when the chosen emoji changes

  return (
    <Dialog title="Reactions" onClose={onClose}>
      <div className="reaction-tabs" role="tablist" aria-label="Emoji">
        {message.reactions.map((reaction) => (
          <button
            key={reaction.emoji}
            role="tab"
            aria-selected={reaction.emoji === emoji}
            className={`reaction${reaction.emoji === emoji ? ' selected' : ''}`}
            aria-label={`${reactionLabel(reaction.emoji)} ${reaction.count}`}
            onClick={() => setEmoji(reaction.emoji)}
          >
            <span aria-hidden="true">
              <ReactionEmoji emoji={reaction.emoji} />
            </span>{' '}
            <span aria-hidden="true">{reaction.count}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={`Reacted with ${reactionLabel(emoji)}`} className="reaction-users">
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        {users === null && !error ? <p>Loading…</p> : null}
        {users ? (
          <ul aria-label={`People who reacted with ${reactionLabel(emoji)}`}>
            {users.map((user) => (
              <li key={user.id}>
                {user.displayName ?? user.username} <span className="search-help">@{user.username}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {more && users ? (
          <button className="button secondary" onClick={() => void load(users[users.length - 1]?.id)}>
            More
          </button>
        ) : null}
      </div>
      <div className="actions">
        <button className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
