import { useState } from 'react';
import { PERMISSIONS } from '@bonfire/contracts';
import type { Channel } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { useSerialQueue } from '../app/useSerialQueue';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { memberName, RoleDot } from '../guild-settings/common';
import { Switch } from '../guild-settings/RoleEditor';
import { isPrivateChannel, rolesTopDown, setTriState, triState } from '../permissions/permission-math';
import type { MyPermissions } from '../permissions/usePermissions';
import { applyOverwrite, type OverwriteTarget } from './apply-overwrite';

const VIEW = PERMISSIONS.VIEW_CHANNEL;

/**
 * "Private channel" in two clicks: the switch denies VIEW_CHANNEL to @everyone, then each role or member
 * ticked below is allowed VIEW_CHANNEL (administrators and the owner always see every channel). Someone
 * who is neither keeps access through an overwrite for themselves, so they cannot lock themselves out.
 */
export function PrivateChannelSection({
  guildState,
  channel,
  perms,
  onError,
}: {
  guildState: GuildState;
  channel: Channel;
  perms: MyPermissions;
  onError: (text: string) => void;
}) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const guildId = guildState.guild.id;
  const queue = useSerialQueue();
  // What was clicked but not saved yet (key: 'private' or a role/member id), shown until saved.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [addMember, setAddMember] = useState('');
  const isPrivate = pending['private'] ?? isPrivateChannel(channel, guildId);
  const roles = rolesTopDown(guildState.roles, guildId).filter((role) => role.id !== guildId);
  const overwriteOf = (id: string) => channel.permissionOverwrites.find((overwrite) => overwrite.id === id);
  const allowed = (id: string) => triState(overwriteOf(id), VIEW) === 'allow';
  const shownAllowed = (id: string) => pending[id] ?? allowed(id);
  const allowedMembers = channel.permissionOverwrites.filter(
    (overwrite) => overwrite.type === 'member' && triState(overwrite, VIEW) === 'allow',
  );
  const others = Object.values(guildState.members).filter((member) => !allowed(member.userId));

  /** The channel as the store holds it now (a queued write starts from what the previous one left). */
  const latest = () => store.findChannel(channel.id) ?? channel;
  const overwriteNow = (id: string) => latest().permissionOverwrites.find((overwrite) => overwrite.id === id);

  const run = (key: string, value: boolean, what: string, work: () => Promise<void>) => {
    setPending((current) => ({ ...current, [key]: value }));
    void queue
      .enqueue(async () => {
        try {
          await work();
        } catch (error) {
          onError(capitalise(`${what}: ${describeError(error)}`));
        }
      })
      .finally(() =>
        setPending((current) => {
          const next = { ...current };
          if (next[key] === value) delete next[key];
          return next;
        }),
      );
  };

  const setView = (target: OverwriteTarget, on: boolean) =>
    run(target.id, on, 'access could not be changed', () =>
      applyOverwrite(
        store,
        latest(),
        target,
        setTriState(overwriteNow(target.id), VIEW, on ? 'allow' : 'neutral'),
      ),
    );

  const setPrivate = (on: boolean) =>
    run(
      'private',
      on,
      on ? 'the channel could not be made private' : 'the channel could not be opened up',
      async () => {
        const me = perms.userId;
        if (
          on &&
          !perms.isOwner &&
          !perms.can('ADMINISTRATOR') &&
          triState(overwriteNow(me), VIEW) !== 'allow'
        ) {
          await applyOverwrite(
            store,
            latest(),
            { id: me, type: 'member' },
            setTriState(overwriteNow(me), VIEW, 'allow'),
          );
        }
        const next = setTriState(overwriteNow(guildId), VIEW, on ? 'deny' : 'neutral');
        await applyOverwrite(store, latest(), { id: guildId, type: 'role' }, next);
      },
    );

  return (
    <section aria-labelledby="private-heading" className="private-section">
      <h4 id="private-heading" className="visually-hidden">
        Private channel
      </h4>
      <Switch
        id="channel-private"
        label="Private channel"
        explanation="Only the roles and members you pick below (and administrators) can see it."
        checked={isPrivate}
        onChange={(on) => setPrivate(on)}
      />
      {isPrivate ? (
        <fieldset className="plain-fieldset access-list">
          <legend className="label">Who can see this channel</legend>
          {roles.length === 0 ? (
            <p className="hint">No roles yet: add members below, or create roles first.</p>
          ) : null}
          {roles.map((role) => (
            <div key={role.id} className="checkbox-row">
              <input
                id={`access-role-${role.id}`}
                type="checkbox"
                checked={shownAllowed(role.id)}
                onChange={(e) => setView({ id: role.id, type: 'role' }, e.target.checked)}
              />
              <label htmlFor={`access-role-${role.id}`}>
                <RoleDot role={role} /> {role.name}
              </label>
            </div>
          ))}
          {allowedMembers.map((overwrite) => {
            const name = memberName(guildState.members[overwrite.id], users[overwrite.id]);
            return (
              <div key={overwrite.id} className="checkbox-row">
                <input
                  id={`access-member-${overwrite.id}`}
                  type="checkbox"
                  checked={shownAllowed(overwrite.id)}
                  onChange={() => setView({ id: overwrite.id, type: 'member' }, false)}
                />
                <label htmlFor={`access-member-${overwrite.id}`}>{name} (member)</label>
              </div>
            );
          })}
          <div className="inline-row">
            <label htmlFor="access-add-member" className="visually-hidden">
              Add a member
            </label>
            <select id="access-add-member" value={addMember} onChange={(e) => setAddMember(e.target.value)}>
              <option value="">Add a member…</option>
              {others.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {memberName(member, users[member.userId])}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button secondary"
              disabled={!addMember}
              onClick={() => {
                setView({ id: addMember, type: 'member' }, true);
                setAddMember('');
              }}
            >
              Add member
            </button>
          </div>
        </fieldset>
      ) : null}
    </section>
  );
}
