import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Channel } from '@bonfire/sdk';
import { has, PERMISSIONS } from '@bonfire/contracts';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import type { GuildState } from '../app/store';
import { compareIds } from '@bonfire/contracts';
import { InviteDialog } from '../guilds/InviteDialog';
import { Avatar } from '../ui/Avatar';
import { VOICE_UNAVAILABLE_FALLBACK } from '../voice/voice-availability';
import { useVoice } from '../voice/VoiceContext';
import { VoiceMemberMenu } from '../voice/VoiceMemberMenu';
import { CreateChannelDialog } from './CreateChannelDialog';
import { Icon } from '../ui/Icon';
import { ChannelSettings } from '../channel-settings/ChannelSettings';
import { GuildSettings } from '../guild-settings/GuildSettings';
import { channelMuted, useGuildNotificationSettings } from '../notifications/notification-settings';
import { NotificationSettingsDialog } from '../notifications/NotificationSettingsDialog';
import { channelPermissionsOf } from '../permissions/permission-math';
import { guildSettingsTabs, useGuildPermissions } from '../permissions/usePermissions';
import { byPosition } from './channel-order';
import { useChannelDrag } from './useChannelDrag';
import { IconButton } from '../ui/IconButton';

interface Group {
  category: Channel | null;
  channels: Channel[];
}

/** Channels without a category first, then each category with its channels, all by position. */
function groupChannels(channels: Channel[]): Group[] {
  const categories = channels.filter((channel) => channel.type === 'category').sort(byPosition);
  const groups: Group[] = [
    {
      category: null,
      channels: channels.filter((c) => c.type !== 'category' && !c.parentId).sort(byPosition),
    },
  ];
  for (const category of categories) {
    groups.push({
      category,
      channels: channels.filter((c) => c.type !== 'category' && c.parentId === category.id).sort(byPosition),
    });
  }
  return groups;
}

export function ChannelList({
  guildState,
  activeChannelId,
}: {
  guildState: GuildState;
  activeChannelId: string | null;
}) {
  const { guild, channels } = guildState;
  const readStates = useAppState((state) => state.readStates);
  const lastMessageIds = useAppState((state) => state.lastMessageIds);
  const voiceStates = useAppState((state) => state.voiceStates);
  const speaking = useAppState((state) => state.speaking);
  const users = useAppState((state) => state.users);
  const meId = useAppState((state) => state.me?.id);
  const voice = useVoice();
  const store = useStore();

  // Who is in which voice channel right now; `voice.state.updated` dispatches keep it current.
  useEffect(() => {
    store.voiceActions.loadGuildStates(guild.id).catch(() => undefined);
  }, [store, guild.id]);
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const [dialog, setDialog] = useState<'channel' | 'invite' | 'server' | 'notifications' | null>(null);
  const notificationSettings = useGuildNotificationSettings(guild.id);
  const [editing, setEditing] = useState<string | null>(null);
  const closeSettings = useCallback(() => setDialog(null), []);
  const closeChannelSettings = useCallback(() => setEditing(null), []);
  const perms = useGuildPermissions(guildState);
  const drag = useChannelDrag(guild.id, channels, perms.can('MANAGE_CHANNELS'));
  /**
   * Channel settings open with MANAGE_CHANNELS or MANAGE_ROLES in the channel (overwrites apply), or
   * MANAGE_WEBHOOKS in a text channel (its Webhooks tab).
   */
  const canEdit = (channel: Channel) => {
    const bits = channelPermissionsOf(guildState, channel, perms.userId);
    return (
      has(bits, PERMISSIONS.MANAGE_CHANNELS) ||
      has(bits, PERMISSIONS.MANAGE_ROLES) ||
      (channel.type === 'text' && has(bits, PERMISSIONS.MANAGE_WEBHOOKS))
    );
  };
  const gear = (channel: Channel) =>
    canEdit(channel) ? (
      <button
        className="icon-button channel-gear"
        aria-label={`Edit ${channel.type === 'category' ? 'category' : 'channel'} ${channel.name}`}
        title={channel.type === 'category' ? 'Edit category' : 'Edit channel'}
        onClick={() => setEditing(channel.id)}
      >
        <Icon name="settings" size={16} />
      </button>
    ) : null;
  const groups = useMemo(() => groupChannels(channels), [channels]);
  const unavailableReasonId = `voice-unavailable-${guild.id}`;
  const unavailableReason = voice.availability.message ?? VOICE_UNAVAILABLE_FALLBACK;

  const renderChannel = (channel: Channel) => {
    const last = lastMessageIds[channel.id];
    const read = readStates[channel.id]?.lastReadMessageId;
    // A muted channel shows no unread state (its mentions still count).
    const muted = channelMuted(notificationSettings, channel.id);
    const unread = channel.type === 'text' && !muted && !!last && (!read || compareIds(last, read) > 0);
    const mentions = readStates[channel.id]?.mentionCount ?? 0;
    const isVoice = channel.type === 'voice';
    // Still a button: activating it says why voice is unavailable (aria-disabled keeps it focusable).
    const voiceUnavailable = isVoice && !voice.availability.available;
    const inVoice = Object.values(voiceStates).filter((state) => state.channelId === channel.id);
    const labelParts = [channel.name ?? 'channel', isVoice ? 'voice channel' : 'text channel'];
    if (voiceUnavailable) labelParts.push('unavailable');
    if (muted) labelParts.push('muted');
    if (unread) labelParts.push('unread');
    if (mentions) labelParts.push(`${mentions} mentions`);
    return (
      <li
        key={channel.id}
        className={`channel-row${drag.overId === channel.id ? ' drop-target' : ''}${drag.dragId === channel.id ? ' dragging' : ''}`}
        {...drag.dragProps(channel)}
        {...drag.dropProps(channel)}
        onContextMenu={(event) => {
          if (!canEdit(channel)) return;
          event.preventDefault();
          setEditing(channel.id);
        }}
      >
        <div className="channel-line">
          <button
            className={`channel-link${unread ? ' unread' : ''}${voiceUnavailable ? ' unavailable' : ''}`}
            aria-current={channel.id === activeChannelId ? 'page' : undefined}
            aria-label={labelParts.join(', ')}
            aria-disabled={voiceUnavailable || undefined}
            aria-describedby={voiceUnavailable ? unavailableReasonId : undefined}
            title={voiceUnavailable ? unavailableReason : undefined}
            onClick={() => {
              if (isVoice) void voice.join(channel);
              else navigate({ page: 'guild', guildId: guild.id, channelId: channel.id });
            }}
          >
            <span className="hash" aria-hidden="true">
              <Icon name={isVoice ? 'speaker' : 'hash'} size={18} />
            </span>
            <span className="name">{channel.name}</span>
            {voiceUnavailable ? (
              <span className="channel-tag" aria-hidden="true">
                unavailable
              </span>
            ) : null}
            {mentions ? (
              <span className="badge" aria-hidden="true">
                {mentions}
              </span>
            ) : null}
          </button>
          {gear(channel)}
        </div>
        {inVoice.length > 0 ? (
          <ul className="voice-members" aria-label={`In ${channel.name}`}>
            {inVoice.map((state) => {
              const user = users[state.userId];
              const name = user?.displayName ?? user?.username ?? 'Someone';
              const isSpeaking = !!speaking[state.userId];
              return (
                <li key={state.userId} className="voice-member" data-speaking={isSpeaking}>
                  <Avatar userId={state.userId} name={name} size="small" speaking={isSpeaking} />
                  <span>{name}</span>
                  {isSpeaking ? <span className="visually-hidden">speaking</span> : null}
                  {state.selfMute || state.mute ? (
                    <span aria-label="muted" role="img">
                      <Icon name="micOff" size={14} />
                    </span>
                  ) : null}
                  {state.selfDeaf || state.deaf ? (
                    <span aria-label="deafened" role="img">
                      <Icon name="headphones" size={14} />
                    </span>
                  ) : null}
                  {state.userId !== meId ? (
                    <VoiceMemberMenu guildState={guildState} state={state} name={name} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <>
      <header className="sidebar-header">
        <h2>{guild.name}</h2>
        <span className="header-buttons">
          {guildSettingsTabs(perms).length > 0 ? (
            <IconButton label="Server settings" onClick={() => setDialog('server')}>
              <Icon name="settings" />
            </IconButton>
          ) : null}
          <IconButton
            label="Notification settings"
            hasPopup="dialog"
            onClick={() => setDialog('notifications')}
          >
            <Icon name="bell" />
          </IconButton>
          <IconButton label="Invite people" onClick={() => setDialog('invite')}>
            <Icon name="invite" />
          </IconButton>
          <IconButton label="Create channel" onClick={() => setDialog('channel')}>
            <Icon name="plus" />
          </IconButton>
        </span>
      </header>
      <div className="sidebar-scroll">
        {voice.availability.available ? null : (
          <p id={unavailableReasonId} className="visually-hidden">
            {unavailableReason}
          </p>
        )}
        {groups.map((group) => {
          const key = group.category?.id ?? 'root';
          const isCollapsed = !!collapsed[key];
          const listId = `channels-${key}`;
          return (
            <section key={key} className={group.category ? 'channel-category' : undefined}>
              {group.category ? (
                <div
                  className={`category-line${drag.overId === key ? ' drop-target' : ''}`}
                  {...drag.dragProps(group.category)}
                  {...drag.dropProps(group.category)}
                  onContextMenu={(event) => {
                    if (!group.category || !canEdit(group.category)) return;
                    event.preventDefault();
                    setEditing(group.category.id);
                  }}
                >
                  <button
                    className="category-toggle"
                    aria-expanded={!isCollapsed}
                    aria-controls={listId}
                    onClick={() => setCollapsed((current) => ({ ...current, [key]: !isCollapsed }))}
                  >
                    <span aria-hidden="true">{isCollapsed ? '▸' : '▾'}</span>
                    {group.category.name}
                  </button>
                  {gear(group.category)}
                </div>
              ) : null}
              {isCollapsed ? null : (
                <ul className="channel-list" id={listId}>
                  {group.channels.map(renderChannel)}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {dialog === 'channel' ? (
        <CreateChannelDialog guildState={guildState} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'invite' ? <InviteDialog guildId={guild.id} onClose={() => setDialog(null)} /> : null}
      {dialog === 'notifications' ? (
        <NotificationSettingsDialog
          guildId={guild.id}
          guildName={guild.name}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'server' ? <GuildSettings guildId={guild.id} onClose={closeSettings} /> : null}
      {editing ? (
        <ChannelSettings
          key={editing}
          guildId={guild.id}
          channelId={editing}
          onClose={closeChannelSettings}
        />
      ) : null}
    </>
  );
}
