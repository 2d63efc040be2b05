import { useEffect, useState } from 'react';
import { useAppState } from '../app/hooks';
import { useChannelPermissions, useGuildPermissions } from '../permissions/usePermissions';
import { SettingsLayer } from '../ui/SettingsLayer';
import { ChannelOverviewTab } from './ChannelOverviewTab';
import { ChannelPermissionsTab } from './ChannelPermissionsTab';
import { ChannelWebhooksTab } from './ChannelWebhooksTab';

type Tab = 'overview' | 'permissions' | 'webhooks';

/**
 * Channel settings: Overview (name, topic, slowmode, user limit, category, order, delete) with
 * MANAGE_CHANNELS in the channel; Permissions (the overwrite editor and the private switch) with
 * MANAGE_ROLES there; Webhooks (text channels: list, create, delete) with MANAGE_WEBHOOKS there.
 */
export function ChannelSettings({
  guildId,
  channelId,
  initialTab = 'overview',
  onClose,
}: {
  guildId: string;
  channelId: string;
  initialTab?: Tab;
  onClose: () => void;
}) {
  const guildState = useAppState((state) => state.guilds[guildId]);
  const channel = guildState?.channels.find((candidate) => candidate.id === channelId);
  const perms = useChannelPermissions(guildState, channel);
  const guildPerms = useGuildPermissions(guildState);
  const [chosen, setChosen] = useState<Tab>(initialTab);

  const tabs: { id: Tab; label: string }[] = [];
  if (perms.can('MANAGE_CHANNELS')) tabs.push({ id: 'overview', label: 'Overview' });
  if (perms.can('MANAGE_ROLES')) tabs.push({ id: 'permissions', label: 'Permissions' });
  if (channel?.type === 'text' && perms.can('MANAGE_WEBHOOKS'))
    tabs.push({ id: 'webhooks', label: 'Webhooks' });
  const active = tabs.find((tab) => tab.id === chosen)?.id ?? tabs[0]?.id;
  const gone = !guildState || !channel || !active;

  // Deleted, hidden, or no longer the user's to change.
  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);
  if (gone) return null;

  const kind = channel.type === 'category' ? 'Category' : 'Channel';
  return (
    <SettingsLayer
      title={`${kind} settings`}
      subject={channel.type === 'text' ? `#${channel.name}` : (channel.name ?? '')}
      tabs={tabs}
      active={active}
      onSelect={setChosen}
      onClose={onClose}
    >
      {active === 'overview' ? (
        <ChannelOverviewTab
          guildState={guildState}
          channel={channel}
          guildPerms={guildPerms}
          onClose={onClose}
        />
      ) : null}
      {active === 'permissions' ? (
        <ChannelPermissionsTab guildState={guildState} channel={channel} perms={perms} />
      ) : null}
      {active === 'webhooks' ? <ChannelWebhooksTab guildState={guildState} channel={channel} /> : null}
    </SettingsLayer>
  );
}
