import { type FormEvent, useState } from 'react';
import type { Member } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import { useSerialQueue } from '../app/useSerialQueue';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { canEditRole, canModerate, rolesTopDown } from '../permissions/permission-math';
import type { MyPermissions } from '../permissions/usePermissions';
import { Dialog } from '../ui/Dialog';
import { Outcome, RoleDot } from './common';

/**
 * One member: their roles (each switch applies at once), nickname, and the way to kick or ban them.
 * Roles at or above the user's highest role are shown but cannot be switched (the hierarchy rule).
 */
export function MemberDialog({
  guildState,
  member,
  name,
  perms,
  onKick,
  onBan,
  onClose,
}: {
  guildState: GuildState;
  member: Member;
  name: string;
  perms: MyPermissions;
  onKick: () => void;
  onBan: () => void;
  onClose: () => void;
}) {
  const store = useStore();
  const guildId = guildState.guild.id;
  const self = member.userId === perms.userId;
  const moderatable = canModerate(guildState, perms.userId, member.userId);
  const [nickname, setNickname] = useState(member.nickname ?? '');
  const queue = useSerialQueue();
  // Roles clicked but not saved yet (role id → on), shown until the member record says the same.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const hasRole = (roleId: string) => pending[roleId] ?? member.roleIds.includes(roleId);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const roles = rolesTopDown(guildState.roles, guildId).filter((role) => role.id !== guildId);
  const mayAssign = perms.can('MANAGE_ROLES') && (self || moderatable);
  const mayNickname =
    (self && perms.can('CHANGE_NICKNAME')) || (perms.can('MANAGE_NICKNAMES') && (self || moderatable));

  const toggleRole = (roleId: string, on: boolean) => {
    const role = roles.find((candidate) => candidate.id === roleId);
    setPending((current) => ({ ...current, [roleId]: on }));
    void queue
      .enqueue(async () => {
        // From the member as it is now: a queued click starts from what the previous one saved.
        const current = store.getState().guilds[guildId]?.members[member.userId]?.roleIds ?? member.roleIds;
        const roleIds = on ? [...new Set([...current, roleId])] : current.filter((id) => id !== roleId);
        try {
          store.putMember(await store.guildActions.updateMember(guildId, member.userId, { roleIds }));
          setOutcome({
            text: `${on ? 'Gave' : 'Took'} ${role?.name ?? 'the role'} ${on ? 'to' : 'from'} ${name}.`,
            error: false,
          });
        } catch (error) {
          setOutcome({
            text: capitalise(`the roles could not be changed: ${describeError(error)}`),
            error: true,
          });
        }
      })
      .finally(() =>
        setPending((current) => {
          const next = { ...current };
          if (next[roleId] === on) delete next[roleId];
          return next;
        }),
      );
  };

  const saveNickname = async (event: FormEvent) => {
    event.preventDefault();
    try {
      store.putMember(
        await store.guildActions.updateMember(guildId, member.userId, { nickname: nickname.trim() || null }),
      );
      setOutcome({ text: nickname.trim() ? 'Nickname saved.' : 'Nickname cleared.', error: false });
    } catch (error) {
      setOutcome({
        text: capitalise(`the nickname could not be saved: ${describeError(error)}`),
        error: true,
      });
    }
  };

  return (
    <Dialog title={`Manage ${name}`} onClose={onClose}>
      <Outcome outcome={outcome} />
      {mayAssign ? (
        <fieldset className="plain-fieldset member-roles">
          <legend className="label">Roles</legend>
          {roles.length === 0 ? (
            <p className="hint">This server has no roles yet. Create one under Roles.</p>
          ) : null}
          {roles.map((role) => {
            const editable = canEditRole(guildState, perms.userId, role);
            const id = `member-role-${role.id}`;
            return (
              <div key={role.id} className="checkbox-row">
                <input
                  id={id}
                  type="checkbox"
                  checked={hasRole(role.id)}
                  disabled={!editable}
                  onChange={(e) => toggleRole(role.id, e.target.checked)}
                />
                <label htmlFor={id}>
                  <RoleDot role={role} /> {role.name}
                  {editable ? null : <span className="hint"> (above your highest role)</span>}
                </label>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {mayNickname ? (
        <form onSubmit={saveNickname} className="field">
          <label htmlFor="member-nickname">Nickname</label>
          <div className="inline-row">
            <input
              id="member-nickname"
              value={nickname}
              maxLength={32}
              placeholder="No nickname"
              onChange={(e) => setNickname(e.target.value)}
            />
            <button className="button secondary" type="submit">
              Save nickname
            </button>
          </div>
        </form>
      ) : null}
      {!self && !moderatable ? (
        <p className="hint">
          {member.userId === guildState.guild.ownerId
            ? 'The owner cannot be moderated.'
            : 'Their highest role is not below yours: you cannot moderate them.'}
        </p>
      ) : null}
      <div className="actions">
        {perms.can('KICK_MEMBERS') && moderatable ? (
          <button className="button danger" onClick={onKick}>
            Kick
          </button>
        ) : null}
        {perms.can('BAN_MEMBERS') && moderatable ? (
          <button className="button danger" onClick={onBan}>
            Ban
          </button>
        ) : null}
        <button className="button secondary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
