import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { Avatar, STATUS_LABEL } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';

/** Who is signed in, their status, and the way to settings. */
export function UserPanel() {
  const store = useStore();
  const me = useAppState((state) => state.me);
  const presence = useAppState((state) => state.myPresence);
  if (!me) return null;
  const name = me.displayName ?? me.username;
  return (
    <section className="user-panel" aria-label="Your account">
      <Avatar
        userId={me.id}
        name={name}
        imageUrl={me.avatarFileId ? store.fileUrl(me.avatarFileId, 'small') : null}
        status={presence.status}
      />
      <div className="who">
        <div className="name">{name}</div>
        <div className="status-text">{presence.customStatus?.text || STATUS_LABEL[presence.status]}</div>
      </div>
      {me.instanceAdmin ? (
        <IconButton label="Instance administration" onClick={() => navigate('/admin')}>
          <Icon name="grid" />
        </IconButton>
      ) : null}
      <IconButton label="User settings" onClick={() => navigate('/settings')}>
        <Icon name="settings" />
      </IconButton>
    </section>
  );
}
