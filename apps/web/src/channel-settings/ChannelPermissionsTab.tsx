import { useState } from 'react';
import type { Channel } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { useSerialQueue } from '../app/useSerialQueue';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { memberName, Outcome, RoleDot } from '../guild-settings/common';
import { channelPermissions } from '../permissions/permission-info';
import { rolesTopDown, setTriState, triState, type TriState } from '../permissions/permission-math';
import type { MyPermissions } from '../permissions/usePermissions';
import { applyOverwrite, type OverwriteTarget } from './apply-overwrite';
import { PrivateChannelSection } from './PrivateChannelSection';

const STATES: { state: TriState; label: string; symbol: string }[] = [
  { state: 'deny', label: 'Deny', symbol: '✕' },
  { state: 'neutral', label: 'Neutral', symbol: '/' },
  { state: 'allow', label: 'Allow', symbol: '✓' },
];

/**
 * The private switch, then the full overwrite editor: pick a role or member, and set each permission of
 * this channel type to allow, neutral (what their roles say) or deny. Each choice is saved at once.
 */
export function ChannelPermissionsTab({
  guildState,
  channel,
  perms,
}: {
  guildState: GuildState;
  channel: Channel;
  perms: MyPermissions;
}) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const guildId = guildState.guild.id;
  const [selectedId, setSelectedId] = useState<string>(guildId);
  const [adding, setAdding] = useState('');
  const queue = useSerialQueue();
  // Choices clicked but not yet saved (permission name → state), shown until the channel says the same.
  const [pending, setPending] = useState<Record<string, TriState>>({});
  const busy = queue.running;
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);

  const roles = rolesTopDown(guildState.roles, guildId);
  const roleName = (id: string) =>
    id === guildId ? '@everyone' : (roles.find((role) => role.id === id)?.name ?? 'Deleted role');
  const targetName = (target: OverwriteTarget) =>
    target.type === 'role'
      ? roleName(target.id)
      : memberName(guildState.members[target.id], users[target.id]);

  // @everyone is always listed (its overwrite may not exist yet), then every role or member with one.
  const targets: OverwriteTarget[] = [
    { id: guildId, type: 'role' },
    ...channel.permissionOverwrites.filter((o) => o.id !== guildId).map((o) => ({ id: o.id, type: o.type })),
  ];
  const selected = targets.find((target) => target.id === selectedId) ?? targets[0]!;
  const overwrite = channel.permissionOverwrites.find((candidate) => candidate.id === selected.id);
  const candidates = [
    ...roles
      .filter((role) => role.id !== guildId)
      .map((role) => ({ id: role.id, type: 'role' as const, name: role.name })),
    ...Object.values(guildState.members).map((member) => ({
      id: member.userId,
      type: 'member' as const,
      name: memberName(member, users[member.userId]),
    })),
  ].filter((candidate) => !targets.some((target) => target.id === candidate.id));

  const run = (what: string, work: () => Promise<void>) =>
    queue.enqueue(async () => {
      setOutcome(null);
      try {
        await work();
      } catch (error) {
        setOutcome({ text: capitalise(`${what}: ${describeError(error)}`), error: true });
      }
    });

  /** The channel as the store holds it now (a queued write starts from what the previous one left). */
  const latest = () => store.findChannel(channel.id) ?? channel;
  const overwriteNow = (id: string) => latest().permissionOverwrites.find((candidate) => candidate.id === id);

  const setState = (permission: string, bit: bigint, state: TriState) => {
    const target = selected;
    const name = `${target.id}:${permission}`;
    setPending((current) => ({ ...current, [name]: state }));
    void run('the permission could not be changed', () =>
      applyOverwrite(store, latest(), target, setTriState(overwriteNow(target.id), bit, state), {
        keepEmpty: true,
      }),
    ).finally(() =>
      setPending((current) => {
        const next = { ...current };
        if (next[name] === state) delete next[name];
        return next;
      }),
    );
  };

  const add = () => {
    const candidate = candidates.find((option) => option.id === adding);
    if (!candidate) return;
    setAdding('');
    void run('the overwrite could not be added', async () => {
      await applyOverwrite(store, latest(), candidate, { allow: '0', deny: '0' }, { keepEmpty: true });
      setSelectedId(candidate.id);
    });
  };

  const remove = () =>
    run('the overwrite could not be removed', async () => {
      store.putChannel(await store.guildActions.deletePermissionOverwrite(channel.id, selected.id));
      setSelectedId(guildId);
    });

  return (
    <section aria-labelledby="channel-permissions-heading" className="settings-section">
      <h3 id="channel-permissions-heading">Permissions</h3>
      <PrivateChannelSection
        guildState={guildState}
        channel={channel}
        perms={perms}
        onError={(text) => setOutcome({ text, error: true })}
      />
      <Outcome outcome={outcome} />
      <h4>Advanced permissions</h4>
      <p className="hint">
        An overwrite changes what a role or member may do in this channel only. Neutral keeps what their roles
        say; a member's own overwrite wins over their roles', which win over @everyone's.
      </p>
      <div className="overwrite-layout">
        <div className="overwrite-targets">
          <ul aria-label="Roles and members with overwrites">
            {targets.map((target) => (
              <li key={target.id}>
                <button
                  className="role-select"
                  aria-current={target.id === selected.id ? 'true' : undefined}
                  onClick={() => setSelectedId(target.id)}
                >
                  {target.type === 'role' ? (
                    <RoleDot role={roles.find((role) => role.id === target.id) ?? { color: 0 }} />
                  ) : (
                    '@'
                  )}
                  <span className="name">{targetName(target)}</span>
                </button>
              </li>
            ))}
          </ul>
          <label htmlFor="overwrite-add" className="label">
            Add a role or member
          </label>
          <div className="inline-row">
            <select id="overwrite-add" value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose…</option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.type === 'role' ? candidate.name : `@${candidate.name}`}
                </option>
              ))}
            </select>
            <button type="button" className="button secondary" disabled={!adding || busy} onClick={add}>
              Add
            </button>
          </div>
        </div>
        <div
          className="overwrite-editor"
          aria-label={`Permissions of ${targetName(selected)} in this channel`}
          role="group"
        >
          <div className="inline-row">
            <h4>{targetName(selected)}</h4>
            {overwrite ? (
              <button type="button" className="button link" disabled={busy} onClick={() => void remove()}>
                Remove overwrite
              </button>
            ) : null}
          </div>
          {channelPermissions(channel.type).map((info) => {
            const current = pending[`${selected.id}:${info.name}`] ?? triState(overwrite, info.bit);
            const grantable = (perms.bits & info.bit) === info.bit;
            return (
              <fieldset
                key={info.name}
                className="tri-state"
                disabled={!grantable}
                aria-describedby={`tri-help-${info.name}`}
              >
                <legend className="tri-label">{info.label}</legend>
                <span id={`tri-help-${info.name}`} className="hint">
                  {grantable ? info.explanation : `${info.explanation} (You do not have it here.)`}
                </span>
                <div className="tri-options">
                  {STATES.map((option) => (
                    <label key={option.state} className={`tri-option ${option.state}`} title={option.label}>
                      <input
                        type="radio"
                        name={`tri-${info.name}`}
                        checked={current === option.state}
                        onChange={() => setState(info.name, info.bit, option.state)}
                      />
                      <span aria-hidden="true">{option.symbol}</span>
                      <span className="visually-hidden">{option.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </div>
      </div>
    </section>
  );
}
