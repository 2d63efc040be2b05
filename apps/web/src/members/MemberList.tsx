import { useMemo, useState } from 'react';
import type { PresenceStatus } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { Avatar, STATUS_LABEL } from '../ui/Avatar';
import { notify } from '../ui/Toasts';
import { Icon } from '../ui/Icon';
import { ProfilePopover } from '../profile/ProfilePopover';

/** The guild's members, online first, each with a presence dot, custom status and a message button. */
export function MemberList({
  guildState,
  open,
  onClose,
}: {
  guildState: GuildState;
  open: boolean;
  onClose: () => void;
}) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const presences = useAppState((state) => state.presences);
  const me = useAppState((state) => state.me);
  const [profile, setProfile] = useState<{ userId: string; anchor: DOMRect } | null>(null);

  const rows = useMemo(() => {
    return Object.values(guildState.members)
      .map((member) => {
        const user = users[member.userId];
        const presence = presences[member.userId];
        const status: PresenceStatus =
          member.userId === me?.id
            ? (store.getState().myPresence.status ?? 'online')
            : (presence?.status ?? 'offline');
        return {
          member,
          name: member.nickname ?? user?.displayName ?? user?.username ?? 'Loading…',
          bot: user?.bot === true,
          status,
          customStatus: presence?.customStatus?.text ?? null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [guildState.members, users, presences, me, store]);

  const online = rows.filter((row) => row.status !== 'offline' && row.status !== 'invisible');
  const offline = rows.filter((row) => row.status === 'offline' || row.status === 'invisible');

  const message = async (userId: string) => {
    try {
      const channel = await store.socialActions.openDm(userId);
      store.addDm(channel);
      navigate({ page: 'home', channelId: channel.id });
    } catch (error) {
      notify(capitalise(`could not open the conversation: ${describeError(error)}`));
    }
  };

  const section = (title: string, list: typeof rows) =>
    list.length === 0 ? null : (
      <>
        <h3 id={`members-${title}`}>
          {title} — {list.length}
        </h3>
        <ul aria-labelledby={`members-${title}`}>
          {list.map((row) => (
            <li
              key={row.member.userId}
              className={`member-row${row.status === 'offline' || row.status === 'invisible' ? ' offline' : ''}`}
              aria-label={`${row.name}${row.bot ? ' (bot)' : ''}, ${STATUS_LABEL[row.status]}${row.customStatus ? `, ${row.customStatus}` : ''}`}
            >
              <button
                className="author-button member-profile-button"
                aria-label={`${row.name}${row.bot ? ' (bot)' : ''}, show profile`}
                aria-haspopup="dialog"
                onClick={(event) =>
                  setProfile({
                    userId: row.member.userId,
                    anchor: event.currentTarget.getBoundingClientRect(),
                  })
                }
              >
                <Avatar userId={row.member.userId} name={row.name} status={row.status} />
                <span style={{ minWidth: 0 }}>
                  <span>{row.name}</span>
                  {row.bot ? (
                    <span className="bot-tag" aria-hidden="true">
                      BOT
                    </span>
                  ) : null}
                  {row.customStatus ? <div className="custom-status">{row.customStatus}</div> : null}
                </span>
              </button>
              {row.member.userId !== me?.id ? (
                <button
                  className="icon-button dm-button"
                  aria-label={`Message ${row.name}`}
                  title={`Message ${row.name}`}
                  onClick={() => void message(row.member.userId)}
                >
                  <Icon name="mail" size={18} />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </>
    );

  return (
    <aside className={`member-list${open ? ' open' : ''}`} aria-label="Members">
      {open ? (
        <button className="button secondary drawer-toggle" onClick={onClose} style={{ width: '100%' }}>
          Close members
        </button>
      ) : null}
      {section('Online', online)}
      {section('Offline', offline)}
      {profile ? (
        <ProfilePopover
          userId={profile.userId}
          guildState={guildState}
          anchor={profile.anchor}
          onClose={() => setProfile(null)}
        />
      ) : null}
    </aside>
  );
}
