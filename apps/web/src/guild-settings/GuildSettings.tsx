import { useEffect, useState } from 'react';
import { useAppState } from '../app/hooks';
import { guildSettingsTabs, type GuildSettingsTab, useGuildPermissions } from '../permissions/usePermissions';
import { SettingsLayer } from '../ui/SettingsLayer';
import { EmojiTab } from '../emoji/EmojiTab';
import { AuditLogTab } from './AuditLogTab';
import { BansTab } from './BansTab';
import { InvitesTab } from './InvitesTab';
import { MembersTab } from './MembersTab';
import { OverviewTab } from './OverviewTab';
import { RolesTab } from './RolesTab';
import { WebhooksTab } from './WebhooksTab';

/**
 * Server settings: each tab shows only with the permission it needs (Overview and Invites: MANAGE_GUILD;
 * Roles: MANAGE_ROLES; Members: MANAGE_ROLES, MANAGE_NICKNAMES, KICK or BAN; Bans: BAN_MEMBERS;
 * Emoji: MANAGE_EMOJIS; Webhooks: MANAGE_WEBHOOKS; Audit log: VIEW_AUDIT_LOG). The tabs
 * follow the user's permissions live: a role taken away mid-way hides what it allowed.
 */
export function GuildSettings({ guildId, onClose }: { guildId: string; onClose: () => void }) {
  const guildState = useAppState((state) => state.guilds[guildId]);
  const perms = useGuildPermissions(guildState);
  const tabs = guildSettingsTabs(perms);
  const [chosen, setChosen] = useState<GuildSettingsTab | null>(null);
  const active = tabs.find((tab) => tab.id === chosen)?.id ?? tabs[0]?.id;
  const gone = !guildState || !active;

  // The guild is gone (deleted, kicked) or nothing here is the user's to change any more.
  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);
  if (gone) return null;

  return (
    <SettingsLayer
      title="Server settings"
      subject={guildState.guild.name}
      tabs={tabs}
      active={active}
      onSelect={setChosen}
      onClose={onClose}
    >
      {active === 'overview' ? <OverviewTab guildState={guildState} perms={perms} onClose={onClose} /> : null}
      {active === 'roles' ? <RolesTab guildState={guildState} perms={perms} /> : null}
      {active === 'members' ? <MembersTab guildState={guildState} perms={perms} /> : null}
      {active === 'bans' ? <BansTab guildState={guildState} /> : null}
      {active === 'invites' ? <InvitesTab guildState={guildState} /> : null}
      {active === 'emoji' ? <EmojiTab guildState={guildState} /> : null}
      {active === 'webhooks' ? <WebhooksTab guildState={guildState} /> : null}
      {active === 'audit-log' ? <AuditLogTab guildState={guildState} /> : null}
    </SettingsLayer>
  );
}
