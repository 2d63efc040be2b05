import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import type { ClientMessage } from '../app/store';
import { dmTitle } from '../dms/DmList';
import { SearchPanel } from '../search/SearchPanel';
import { useUploads } from '../uploads/useUploads';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { Icon } from '../ui/Icon';
import { useChannelPermissions } from '../permissions/usePermissions';
import { PinnedPanel } from './PinnedPanel';
import { GroupDmDialog } from '../dms/GroupDmDialog';
import { NotificationSettingsDialog } from '../notifications/NotificationSettingsDialog';
import { CreateThreadDialog } from '../threads/CreateThreadDialog';
import { ThreadPanel } from '../threads/ThreadPanel';
import { ThreadsPanel } from '../threads/ThreadsPanel';
import { IconButton } from '../ui/IconButton';

interface ChannelViewProps {
  channelId: string;
  onOpenNav: () => void;
  membersOpen: boolean;
  onToggleMembers: () => void;
}

/** One open channel or DM: header, history, typing line, composer, and the search panel beside it. */
export function ChannelView({ channelId, onOpenNav, membersOpen, onToggleMembers }: ChannelViewProps) {
  const store = useStore();
  const history = useAppState((state) => state.histories[channelId]);
  const connection = useAppState((state) => state.connection);
  const users = useAppState((state) => state.users);
  const me = useAppState((state) => state.me);
  const guilds = useAppState((state) => state.guilds);
  const dms = useAppState((state) => state.dms);
  const [replyTo, setReplyTo] = useState<ClientMessage | null>(null);
  const [panel, setPanel] = useState<'search' | 'pins' | 'threads' | 'thread' | null>(null);
  const [threadId, setThreadId] = useState<string | null>(null);
  const [threadFrom, setThreadFrom] = useState<ClientMessage | null>(null);
  const [groupSettings, setGroupSettings] = useState(false);
  const [notificationSettings, setNotificationSettings] = useState(false);
  const [dragging, setDragging] = useState(false);
  const uploads = useUploads(channelId);

  const channel = useMemo(() => {
    for (const guild of Object.values(guilds)) {
      const found = guild.channels.find((candidate) => candidate.id === channelId);
      if (found) return found;
    }
    return dms.find((dm) => dm.id === channelId);
  }, [guilds, dms, channelId]);
  const guildState = channel?.guildId ? guilds[channel.guildId] : undefined;
  const perms = useChannelPermissions(guildState, channel);
  const canManageMessages = guildState ? perms.can('MANAGE_MESSAGES') : false;
  // In DMs every recipient may pin (as the server allows).
  const canPin = guildState ? canManageMessages : !!channel;
  const canThread = !!guildState && channel?.type === 'text';
  const canCreateThread = canThread && perms.can('CREATE_PUBLIC_THREADS');
  const openThread = useCallback((id: string) => {
    setThreadId(id);
    setPanel('thread');
  }, []);
  const createThread = useCallback((message: ClientMessage) => setThreadFrom(message), []);
  useEffect(() => {
    setThreadId(null);
    setPanel((open) => (open === 'thread' || open === 'threads' ? null : open));
  }, [channelId]);
  const title = channel
    ? channel.guildId
      ? (channel.name ?? 'channel')
      : dmTitle(channel, { users, me })
    : 'Unknown channel';

  useEffect(() => {
    void store.openChannel(channelId);
  }, [store, channelId]);

  // Reading the channel (it is open and the window has focus) marks it read.
  const lastId = useAppState((state) => state.lastMessageIds[channelId]);
  useEffect(() => {
    if (!history?.loaded) return;
    const mark = () => {
      if (document.hasFocus()) void store.markRead(channelId);
    };
    mark();
    window.addEventListener('focus', mark);
    return () => window.removeEventListener('focus', mark);
  }, [store, channelId, lastId, history?.loaded]);

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      event.preventDefault();
      setDragging(false);
      uploads.add([...event.dataTransfer.files]);
    },
    [uploads],
  );

  if (!channel) {
    return (
      <main className="main" id="main-content" tabIndex={-1}>
        <header className="main-header">
          <button className="icon-button drawer-toggle" aria-label="Open navigation" onClick={onOpenNav}>
            <Icon name="menu" />
          </button>
          <h1>Unknown channel</h1>
        </header>
        <div className="empty-state">This channel does not exist or you cannot see it.</div>
      </main>
    );
  }

  const placeholder = channel.guildId ? `Message #${title}` : `Message ${title}`;

  return (
    <main className="main" id="main-content" tabIndex={-1} aria-label={channel.guildId ? `#${title}` : title}>
      <header className="main-header">
        <button className="icon-button drawer-toggle" aria-label="Open navigation" onClick={onOpenNav}>
          <Icon name="menu" />
        </button>
        <h1>{channel.guildId ? `# ${title}` : `@ ${title}`}</h1>
        {channel.topic ? <span className="topic">{channel.topic}</span> : <span className="spacer" />}
        {channel.type === 'group_dm' ? (
          <IconButton label="Group settings" hasPopup="dialog" onClick={() => setGroupSettings(true)}>
            <Icon name="settings" />
          </IconButton>
        ) : null}
        {canThread ? (
          <IconButton
            label="Threads"
            pressed={panel === 'threads'}
            onClick={() => setPanel((open) => (open === 'threads' ? null : 'threads'))}
          >
            <Icon name="list" />
          </IconButton>
        ) : null}
        <IconButton
          label="Notification settings for this channel"
          title="Notification settings"
          hasPopup="dialog"
          onClick={() => setNotificationSettings(true)}
        >
          <Icon name="bell" />
        </IconButton>
        <IconButton
          label="Pinned messages"
          pressed={panel === 'pins'}
          onClick={() => setPanel((open) => (open === 'pins' ? null : 'pins'))}
        >
          <Icon name="pin" />
        </IconButton>
        <IconButton
          label="Search messages"
          pressed={panel === 'search'}
          onClick={() => setPanel((open) => (open === 'search' ? null : 'search'))}
        >
          <Icon name="search" />
        </IconButton>
        {guildState ? (
          <IconButton label="Show members" pressed={membersOpen} onClick={onToggleMembers}>
            <Icon name="members" />
          </IconButton>
        ) : null}
      </header>
      {connection === 'reconnecting' || connection === 'connecting' ? (
        <div className="connection-banner" role="status">
          Connection lost — reconnecting. Messages you send are kept and delivered once it is back.
        </div>
      ) : connection === 'disconnected' ? (
        <div className="connection-banner down" role="alert">
          Disconnected. Reload the page to reconnect.
        </div>
      ) : null}
      <div className="channel-body">
        <div
          className="channel-column"
          onDragEnter={(event) => {
            if (event.dataTransfer.types.includes('Files')) setDragging(true);
          }}
          onDragOver={(event) => {
            if (event.dataTransfer.types.includes('Files')) event.preventDefault();
          }}
          onDragLeave={(event) => {
            if (event.currentTarget === event.target) setDragging(false);
          }}
          onDrop={onDrop}
        >
          {dragging ? (
            <div className="drop-overlay">
              Drop files to upload to {channel.guildId ? `#${title}` : title}
            </div>
          ) : null}
          {history?.error ? (
            <div className="alert" role="alert" style={{ margin: 8 }}>
              {history.error}{' '}
              <button className="button link" onClick={() => void store.refreshLatest(channelId)}>
                Try again
              </button>
            </div>
          ) : null}
          <MessageList
            channelId={channelId}
            channelLabel={channel.guildId ? `#${title}` : title}
            history={history}
            guildState={guildState}
            onReply={setReplyTo}
            canManageMessages={canManageMessages}
            canPin={canPin}
            onOpenThread={openThread}
            {...(canCreateThread ? { onCreateThread: createThread } : {})}
          />
          <Composer
            channel={channel}
            guildState={guildState}
            placeholder={placeholder}
            replyTo={replyTo}
            onCancelReply={() => setReplyTo(null)}
            uploads={uploads}
          />
        </div>
        {panel === 'search' ? (
          <SearchPanel channel={channel} guildState={guildState} onClose={() => setPanel(null)} />
        ) : null}
        {panel === 'pins' ? (
          <PinnedPanel
            channel={channel}
            guildState={guildState}
            canPin={canPin}
            onClose={() => setPanel(null)}
          />
        ) : null}
        {panel === 'threads' ? (
          <ThreadsPanel channel={channel} onOpen={openThread} onClose={() => setPanel(null)} />
        ) : null}
        {panel === 'thread' && threadId ? (
          <ThreadPanel
            key={threadId}
            threadId={threadId}
            guildState={guildState}
            canManageThreads={perms.can('MANAGE_THREADS')}
            canManageMessages={canManageMessages}
            onClose={() => setPanel(null)}
          />
        ) : null}
      </div>
      {threadFrom ? (
        <CreateThreadDialog
          message={threadFrom}
          onClose={() => setThreadFrom(null)}
          onCreated={(id) => {
            setThreadFrom(null);
            openThread(id);
          }}
        />
      ) : null}
      {groupSettings && channel.type === 'group_dm' ? (
        <GroupDmDialog channel={channel} onClose={() => setGroupSettings(false)} />
      ) : null}
      {notificationSettings ? (
        <NotificationSettingsDialog
          guildId={channel.guildId}
          guildName={guildState?.guild.name}
          channel={{ id: channel.id, name: title }}
          onClose={() => setNotificationSettings(false)}
        />
      ) : null}
    </main>
  );
}
