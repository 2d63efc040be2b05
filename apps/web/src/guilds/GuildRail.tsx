import { useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { compareIds } from '@bonfire/contracts';
import { CreateGuildDialog } from './CreateGuildDialog';
import { JoinGuildDialog } from './JoinGuildDialog';
import { Icon } from '../ui/Icon';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** Home (DMs), one button per guild with its unread mentions, then create and join. */
export function GuildRail({ activeGuildId }: { activeGuildId: string | null }) {
  const store = useStore();
  const guildOrder = useAppState((state) => state.guildOrder);
  const guilds = useAppState((state) => state.guilds);
  const dms = useAppState((state) => state.dms);
  const readStates = useAppState((state) => state.readStates);
  const lastMessageIds = useAppState((state) => state.lastMessageIds);
  const [dialog, setDialog] = useState<'create' | 'join' | null>(null);

  const mentionsIn = (channelIds: string[]) =>
    channelIds.reduce((sum, id) => sum + (readStates[id]?.mentionCount ?? 0), 0);
  const dmUnread = dms.filter((dm) => {
    const last = lastMessageIds[dm.id];
    const read = readStates[dm.id]?.lastReadMessageId;
    return last && (!read || compareIds(last, read) > 0);
  }).length;

  return (
    <nav aria-label="Servers" className="guild-rail">
      <ul>
        <li>
          <button
            className="guild-icon"
            aria-label={dmUnread ? `Direct messages, ${dmUnread} unread` : 'Direct messages'}
            aria-current={activeGuildId === null ? 'page' : undefined}
            onClick={() => navigate({ page: 'home', channelId: null })}
            title="Direct messages"
          >
            <Icon name="flame" size={26} />
            {dmUnread ? <span className="badge">{dmUnread}</span> : null}
          </button>
        </li>
        <li className="rail-separator" aria-hidden="true" />
        {guildOrder.map((guildId) => {
          const state = guilds[guildId];
          if (!state) return null;
          const mentions = mentionsIn(state.channels.map((channel) => channel.id));
          const label = mentions ? `${state.guild.name}, ${mentions} mentions` : state.guild.name;
          return (
            <li key={guildId}>
              <button
                className="guild-icon"
                aria-label={label}
                title={state.guild.name}
                aria-current={activeGuildId === guildId ? 'page' : undefined}
                onClick={() => navigate({ page: 'guild', guildId, channelId: null })}
              >
                {state.guild.iconFileId ? (
                  <img src={store.fileUrl(state.guild.iconFileId, 'small')} alt="" />
                ) : (
                  // Drawn by CSS, like an avatar's initial: the button's name is the server's.
                  <span
                    className="guild-initials"
                    data-initials={initials(state.guild.name)}
                    aria-hidden="true"
                  />
                )}
                {mentions ? <span className="badge">{mentions}</span> : null}
              </button>
            </li>
          );
        })}
        <li>
          <button
            className="guild-icon add"
            aria-label="Create a server"
            title="Create a server"
            onClick={() => setDialog('create')}
          >
            +
          </button>
        </li>
        <li>
          <button
            className="guild-icon add"
            aria-label="Join a server"
            title="Join a server"
            onClick={() => setDialog('join')}
          >
            <Icon name="join" />
          </button>
        </li>
      </ul>
      {dialog === 'create' ? <CreateGuildDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'join' ? <JoinGuildDialog onClose={() => setDialog(null)} /> : null}
    </nav>
  );
}
