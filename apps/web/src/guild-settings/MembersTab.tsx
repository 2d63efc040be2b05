import { useEffect, useMemo, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { canEditRole, canModerate, rolesTopDown } from '../permissions/permission-math';
import type { MyPermissions } from '../permissions/usePermissions';
import { Avatar } from '../ui/Avatar';
import { ConfirmDialog, memberName, Outcome, RoleDot } from './common';
import { MemberDialog } from './MemberDialog';

const SHOWN = 200;

type Action = { userId: string; kind: 'manage' | 'kick' | 'ban' };

/** Search the members; assign roles, set nicknames, kick and ban (each only where the user may). */
export function MembersTab({ guildState, perms }: { guildState: GuildState; perms: MyPermissions }) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const [query, setQuery] = useState('');
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const guildId = guildState.guild.id;
  const roles = useMemo(() => rolesTopDown(guildState.roles, guildId), [guildState.roles, guildId]);

  useEffect(() => {
    void store.loadMembers(guildId);
  }, [store, guildId]);

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return Object.values(guildState.members)
      .map((member) => {
        const user = users[member.userId];
        return { member, user, name: memberName(member, user) };
      })
      .filter(
        ({ name, user }) =>
          !needle ||
          name.toLowerCase().includes(needle) ||
          (user?.username.toLowerCase().includes(needle) ?? false),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [guildState.members, users, query]);

  const target = action ? guildState.members[action.userId] : undefined;
  const targetName = target ? memberName(target, users[target.userId]) : '';

  const canManage = (userId: string) => {
    const moderatable = canModerate(guildState, perms.userId, userId);
    const self = userId === perms.userId;
    return (
      (perms.can('MANAGE_ROLES') &&
        (self || moderatable) &&
        roles.some((role) => role.id !== guildId && canEditRole(guildState, perms.userId, role))) ||
      (perms.can('MANAGE_NICKNAMES') && (self || moderatable)) ||
      (self && perms.can('CHANGE_NICKNAME')) ||
      (perms.can('KICK_MEMBERS') && moderatable) ||
      (perms.can('BAN_MEMBERS') && moderatable)
    );
  };

  return (
    <section aria-labelledby="members-heading" className="settings-section">
      <h3 id="members-heading">Members — {Object.keys(guildState.members).length}</h3>
      <div className="field">
        <label htmlFor="member-search">Search members</label>
        <input
          id="member-search"
          type="search"
          value={query}
          placeholder="Name or username"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <Outcome outcome={outcome} />
      <ul className="settings-member-list" aria-label="Members">
        {rows.slice(0, SHOWN).map(({ member, user, name }) => (
          <li key={member.userId} className="settings-member" aria-label={name}>
            <Avatar
              userId={member.userId}
              name={name}
              imageUrl={user?.avatarFileId ? store.fileUrl(user.avatarFileId, 'small') : null}
            />
            <span className="who">
              <span className="name">
                {name}
                {member.userId === guildState.guild.ownerId ? <span className="owner-tag">owner</span> : null}
              </span>
              <span className="username">@{user?.username ?? '…'}</span>
            </span>
            <span className="role-chips">
              {roles
                .filter((role) => member.roleIds.includes(role.id))
                .map((role) => (
                  <span key={role.id} className="role-chip">
                    <RoleDot role={role} />
                    {role.name}
                  </span>
                ))}
            </span>
            {canManage(member.userId) ? (
              <button
                className="button secondary"
                aria-label={`Manage ${name}`}
                onClick={() => setAction({ userId: member.userId, kind: 'manage' })}
              >
                Manage
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {rows.length > SHOWN ? (
        <p className="hint">
          Showing {SHOWN} of {rows.length}: search to narrow down.
        </p>
      ) : null}
      {rows.length === 0 ? <p className="hint">No member matches “{query}”.</p> : null}

      {action?.kind === 'manage' && target ? (
        <MemberDialog
          guildState={guildState}
          member={target}
          name={targetName}
          perms={perms}
          onKick={() => setAction({ userId: target.userId, kind: 'kick' })}
          onBan={() => {
            setReason('');
            setAction({ userId: target.userId, kind: 'ban' });
          }}
          onClose={() => setAction(null)}
        />
      ) : null}
      {action?.kind === 'kick' && target ? (
        <ConfirmDialog
          title={`Kick ${targetName}`}
          confirmLabel="Kick"
          onClose={() => setAction(null)}
          onConfirm={async () => {
            await store.guildActions.kick(guildId, target.userId);
            setAction(null);
            setOutcome({ text: `${targetName} was kicked.`, error: false });
          }}
        >
          {targetName} leaves the server now. They can come back with an invite.
        </ConfirmDialog>
      ) : null}
      {action?.kind === 'ban' && target ? (
        <ConfirmDialog
          title={`Ban ${targetName}`}
          confirmLabel="Ban"
          onClose={() => setAction(null)}
          onConfirm={async () => {
            await store.guildActions.ban(guildId, target.userId, reason.trim() || undefined);
            setAction(null);
            setOutcome({ text: `${targetName} was banned.`, error: false });
          }}
        >
          <p>{targetName} leaves the server now and cannot join again until the ban is lifted.</p>
          <div className="field">
            <label htmlFor="ban-reason">Reason (optional)</label>
            <input
              id="ban-reason"
              value={reason}
              maxLength={512}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
