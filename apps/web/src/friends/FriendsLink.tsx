import { navigate } from '../app/router';
import { Avatar } from '../ui/Avatar';
import { useRelationships } from './relationships-store';

/** The "Friends" entry at the top of the DM sidebar (the home page without a conversation). */
export function FriendsLink({ active }: { active: boolean }) {
  const incoming = Object.values(useRelationships()).filter((r) => r.type === 'incoming').length;
  return (
    <ul className="channel-list">
      <li>
        <button
          className="channel-link"
          aria-current={active ? 'page' : undefined}
          aria-label={`Friends${incoming > 0 ? `, ${incoming} pending` : ''}`}
          onClick={() => navigate({ page: 'home', channelId: null })}
        >
          <Avatar userId="friends" name="Friends" />
          <span className="name">Friends</span>
          {incoming > 0 ? (
            <span className="badge" aria-hidden="true">
              {incoming}
            </span>
          ) : null}
        </button>
      </li>
    </ul>
  );
}
