import { useEffect, useState } from 'react';
import { ChannelList } from '../channels/ChannelList';
import { AuthorizeView } from '../developer/AuthorizeView';
import { DmList } from '../dms/DmList';
import { FriendsView } from '../friends/FriendsView';
import { GuildRail } from '../guilds/GuildRail';
import { MemberList } from '../members/MemberList';
import { ChannelView } from '../messages/ChannelView';
import { SettingsView } from '../settings/SettingsView';
import { AdminView } from '../admin/AdminView';
import { UserPanel } from '../settings/UserPanel';
import { VoicePanel } from '../voice/VoicePanel';
import { VoiceProvider } from '../voice/VoiceContext';
import { VoiceStageOr } from '../voice/VoiceStage';
import { useAppState } from './hooks';
import { navigate, useRoute } from './router';
import { Icon } from '../ui/Icon';
import { useBrowserNotifications } from '../notifications/browser-notifications';

/**
 * The signed-in layout: guild rail, channel (or DM) sidebar, the open channel, the member list. Below
 * 768 px the rail and the sidebar become a drawer opened from the header; below 1000 px the member
 * list does.
 */
export function Shell() {
  const route = useRoute();
  const ready = useAppState((state) => state.ready);
  const connection = useAppState((state) => state.connection);
  const me = useAppState((state) => state.me);
  const guilds = useAppState((state) => state.guilds);
  const [navOpen, setNavOpen] = useState(false);
  const [membersOpen, setMembersOpen] = useState(false);
  useBrowserNotifications();

  const guildId = route.page === 'guild' ? route.guildId : null;
  const guild = guildId ? guilds[guildId] : undefined;
  let channelId = route.page === 'guild' || route.page === 'home' ? route.channelId : null;

  // A guild without a chosen channel opens its first text channel.
  const firstText = guild?.channels.find((channel) => channel.type === 'text');
  useEffect(() => {
    if (route.page === 'guild' && !route.channelId && firstText) {
      navigate({ page: 'guild', guildId: route.guildId, channelId: firstText.id }, { replace: true });
    }
  }, [route, firstText]);
  if (route.page === 'guild' && !channelId && firstText) channelId = firstText.id;

  // The tab title counts mentions, so a background tab shows there is something to read.
  const readStates = useAppState((state) => state.readStates);
  const mentions = Object.values(readStates).reduce((sum, marker) => sum + marker.mentionCount, 0);
  useEffect(() => {
    document.title = mentions > 0 ? `(${mentions}) Bonfire` : 'Bonfire';
  }, [mentions]);

  // Choosing a channel on a phone closes the drawer.
  useEffect(() => {
    setNavOpen(false);
    setMembersOpen(false);
  }, [channelId, route.page]);

  if (!ready) {
    return (
      <div className="loading-screen" role="status">
        {connection === 'reconnecting' ? 'Reconnecting…' : 'Connecting…'}
      </div>
    );
  }

  let main;
  if (route.page === 'settings') {
    main = <SettingsView onOpenNav={() => setNavOpen(true)} />;
  } else if (route.page === 'admin' && me?.instanceAdmin) {
    main = <AdminView onOpenNav={() => setNavOpen(true)} />;
  } else if (route.page === 'authorize') {
    main = <AuthorizeView onOpenNav={() => setNavOpen(true)} />;
  } else if (route.page === 'home' && !channelId) {
    main = <FriendsView onOpenNav={() => setNavOpen(true)} />;
  } else if (channelId) {
    main = (
      <ChannelView
        key={channelId}
        channelId={channelId}
        onOpenNav={() => setNavOpen(true)}
        membersOpen={membersOpen}
        onToggleMembers={() => setMembersOpen((open) => !open)}
      />
    );
  } else {
    main = (
      <main className="main" id="main-content" tabIndex={-1}>
        <header className="main-header">
          <button
            className="icon-button drawer-toggle"
            aria-label="Open navigation"
            onClick={() => setNavOpen(true)}
          >
            <Icon name="menu" />
          </button>
          <h1>{route.page === 'guild' ? (guild?.guild.name ?? 'Server') : 'Direct messages'}</h1>
        </header>
        <div className="empty-state">
          <p>
            {route.page === 'guild'
              ? guild
                ? 'This server has no text channel you can see yet.'
                : 'This server does not exist or you are not a member.'
              : 'Pick a conversation, or create a server with the + button.'}
          </p>
        </div>
      </main>
    );
  }

  return (
    <VoiceProvider>
      <a className="skip-link" href="#main-content">
        Skip to messages
      </a>
      <div className={`shell${navOpen ? ' nav-open' : ''}`}>
        <GuildRail activeGuildId={guildId} />
        <nav className="sidebar" aria-label={guild ? `${guild.guild.name} channels` : 'Direct messages'}>
          {guild ? (
            <ChannelList guildState={guild} activeChannelId={channelId} />
          ) : (
            <DmList activeChannelId={channelId} />
          )}
          <VoicePanel />
          <UserPanel />
        </nav>
        {navOpen ? (
          <button className="visually-hidden" onClick={() => setNavOpen(false)}>
            Close navigation
          </button>
        ) : null}
        <VoiceStageOr main={main} />
        {guild && channelId && route.page === 'guild' ? (
          <MemberList guildState={guild} open={membersOpen} onClose={() => setMembersOpen(false)} />
        ) : null}
      </div>
    </VoiceProvider>
  );
}
