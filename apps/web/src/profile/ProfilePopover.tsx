import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { popoverPosition } from '../messages/EmojiPicker';
import { Avatar, STATUS_LABEL } from '../ui/Avatar';
import { notify } from '../ui/Toasts';
import { BotTag } from '../developer/BotTag';
import { RelationshipActions } from '../friends/RelationshipActions';

interface ProfilePopoverProps {
  userId: string;
  /** Roles shown are this guild's (none in DMs). */
  guildState: GuildState | undefined;
  anchor: DOMRect;
  onClose: () => void;
}

const WIDTH = 300;
const HEIGHT = 320;

/** Opens (or finds) the DM with a user and goes there. */
async function messageUser(store: ReturnType<typeof useStore>, userId: string): Promise<void> {
  try {
    const channel = await store.socialActions.openDm(userId);
    store.addDm(channel);
    navigate({ page: 'home', channelId: channel.id });
  } catch (error) {
    notify(capitalise(`could not open the conversation: ${describeError(error)}`));
  }
}

/**
 * A user's card, by the name or avatar that opened it: picture, names, presence and custom status, their
 * roles in this guild, about, and a button to message them. Escape or a click outside closes it.
 */
export function ProfilePopover({ userId, guildState, anchor, onClose }: ProfilePopoverProps) {
  const store = useStore();
  const user = useAppState((state) => state.users[userId]);
  const me = useAppState((state) => state.me);
  const presence = useAppState((state) => state.presences[userId]);
  const myPresence = useAppState((state) => state.myPresence);
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, without re-running the effects (focus) when the caller re-renders.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const titleId = useId();

  useEffect(() => {
    void store.ensureUser(userId);
  }, [store, userId]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    const onDown = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) closeRef.current();
    };
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('mousedown', onDown);
      previous?.focus?.();
    };
  }, []);

  const self = userId === me?.id;
  const member = guildState?.members[userId];
  const name = member?.nickname ?? user?.displayName ?? user?.username ?? 'Unknown user';
  const status = self ? myPresence.status : (presence?.status ?? 'offline');
  const customStatus = self ? myPresence.customStatus : presence?.customStatus;
  const roles =
    guildState?.roles
      .filter((role) => role.id !== guildState.guild.id && member?.roleIds.includes(role.id))
      .sort((a, b) => b.position - a.position) ?? [];

  return createPortal(
    <div
      ref={ref}
      className="profile-popover"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      style={{ position: 'fixed', ...popoverPosition(anchor, WIDTH, HEIGHT) }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="profile-head">
        <Avatar
          userId={userId}
          name={name}
          size="large"
          status={status}
          imageUrl={user?.avatarFileId ? store.fileUrl(user.avatarFileId, 'small') : null}
        />
        <div style={{ minWidth: 0 }}>
          <h2 id={titleId} className="profile-name">
            {name}
            {user?.bot ? <BotTag /> : null}
          </h2>
          {user ? <div className="profile-username">@{user.username}</div> : null}
          <div className="profile-status">
            {STATUS_LABEL[status]}
            {customStatus?.text ? ` — ${customStatus.text}` : ''}
          </div>
        </div>
      </div>
      {user?.about ? <p className="profile-about">{user.about}</p> : null}
      {guildState ? (
        <section aria-label="Roles">
          <h3 className="profile-section">Roles</h3>
          {roles.length === 0 ? (
            <div className="search-help">No roles</div>
          ) : (
            <ul className="profile-roles">
              {roles.map((role) => (
                <li key={role.id} className="role-chip">
                  <span
                    className="role-dot"
                    aria-hidden="true"
                    style={{
                      background: role.color ? `#${role.color.toString(16).padStart(6, '0')}` : '#99aab5',
                    }}
                  />
                  {role.name}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {!self ? (
        <button
          className="button"
          style={{ width: '100%', marginTop: 8 }}
          onClick={() => {
            onClose();
            void messageUser(store, userId);
          }}
        >
          Message {name}
        </button>
      ) : null}
      {!self ? <RelationshipActions userId={userId} name={name} bot={user?.bot === true} /> : null}
    </div>,
    document.body,
  );
}
