import { type FormEvent, useState } from 'react';
import type { Role } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { GROUP_LABEL, PERMISSION_INFO, type PermissionGroup } from '../permissions/permission-info';
import { hasBit, withPermission } from '../permissions/permission-math';
import type { MyPermissions } from '../permissions/usePermissions';
import { colorHex, ConfirmDialog, hexToColor, Outcome } from './common';

interface Draft {
  name: string;
  color: number;
  hoist: boolean;
  mentionable: boolean;
  permissions: string;
}

const draftOf = (role: Role): Draft => ({
  name: role.name,
  color: role.color,
  hoist: role.hoist,
  mentionable: role.mentionable,
  permissions: role.permissions,
});

/**
 * One role: name, colour, hoist, mentionable and every permission as a switch with its explanation.
 * Changes are a draft until saved. A role the user may not manage (at or above their highest role,
 * unless they own the server) is shown read-only; a permission they do not hold cannot be switched on.
 */
export function RoleEditor({
  guildState,
  role,
  readOnly,
  perms,
}: {
  guildState: GuildState;
  role: Role;
  readOnly: boolean;
  perms: MyPermissions;
}) {
  const store = useStore();
  const [draft, setDraft] = useState<Draft>(() => draftOf(role));
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [base, setBase] = useState(role);
  const isEveryone = role.id === guildState.guild.id;
  // The role changed elsewhere (a dispatch): an untouched draft follows it, edits in progress stay.
  if (base !== role) {
    if (JSON.stringify(draft) === JSON.stringify(draftOf(base))) setDraft(draftOf(role));
    setBase(role);
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(role));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const updated = await store.guildActions.updateRole(guildState.guild.id, role.id, {
        ...(isEveryone ? {} : { name: draft.name.trim() }),
        color: draft.color,
        hoist: draft.hoist,
        mentionable: draft.mentionable,
        permissions: draft.permissions,
      });
      store.putRole(updated);
      setDraft(draftOf(updated));
      setOutcome({ text: `Role ${updated.name} saved.`, error: false });
    } catch (error) {
      setOutcome({ text: capitalise(`the role could not be saved: ${describeError(error)}`), error: true });
    }
  };

  const groups = (['general', 'members', 'text', 'voice'] as PermissionGroup[]).map((group) => ({
    group,
    items: PERMISSION_INFO.filter((info) => info.group === group),
  }));

  return (
    <>
      <form className="role-editor" onSubmit={save} aria-label={`Edit role ${role.name}`}>
        <h3>
          Edit role — {isEveryone ? '@everyone' : role.name}
          {readOnly ? <span className="read-only-tag">read-only</span> : null}
        </h3>
        {readOnly ? (
          <p className="hint">
            This role is at or above your highest role: only someone above it (or the owner) can change it.
          </p>
        ) : null}
        {isEveryone ? (
          <p className="hint">What every member of the server may do, whatever their roles.</p>
        ) : null}
        <fieldset disabled={readOnly} className="plain-fieldset">
          {isEveryone ? null : (
            <div className="field">
              <label htmlFor="role-name">Role name</label>
              <input
                id="role-name"
                value={draft.name}
                maxLength={100}
                required
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            </div>
          )}
          {isEveryone ? null : (
            <div className="field">
              <label htmlFor="role-color">Role colour</label>
              <div className="inline-row">
                <input
                  id="role-color"
                  type="color"
                  value={draft.color ? colorHex(draft.color) : '#99aab5'}
                  onChange={(e) => setDraft({ ...draft, color: hexToColor(e.target.value) })}
                />
                <button
                  type="button"
                  className="button link"
                  onClick={() => setDraft({ ...draft, color: 0 })}
                >
                  No colour
                </button>
              </div>
            </div>
          )}
          {isEveryone ? null : (
            <>
              <Switch
                id="role-hoist"
                label="Show members with this role separately"
                explanation="They are listed under the role's name in the member list."
                checked={draft.hoist}
                onChange={(hoist) => setDraft({ ...draft, hoist })}
              />
              <Switch
                id="role-mentionable"
                label="Allow anyone to @mention this role"
                explanation="Members can notify everyone with the role at once."
                checked={draft.mentionable}
                onChange={(mentionable) => setDraft({ ...draft, mentionable })}
              />
            </>
          )}
          {groups.map(({ group, items }) => (
            <fieldset key={group} className="permission-group">
              <legend>{GROUP_LABEL[group]} permissions</legend>
              {items.map((info) => {
                const checked = hasBit(draft.permissions, info.bit);
                // The API refuses granting what one does not hold; taking it away is always possible.
                const grantable = (perms.bits & info.bit) === info.bit || hasBit(role.permissions, info.bit);
                return (
                  <Switch
                    key={info.name}
                    id={`perm-${info.name}`}
                    label={info.label}
                    explanation={
                      grantable ? info.explanation : `${info.explanation} (You do not have it yourself.)`
                    }
                    checked={checked}
                    disabled={!checked && !grantable}
                    onChange={(on) =>
                      setDraft({ ...draft, permissions: withPermission(draft.permissions, info.bit, on) })
                    }
                  />
                );
              })}
            </fieldset>
          ))}
        </fieldset>
        <Outcome outcome={outcome} />
        {readOnly ? null : (
          <div className={`save-bar${dirty ? ' dirty' : ''}`}>
            {dirty ? <span>You have unsaved changes.</span> : <span />}
            <button
              type="button"
              className="button secondary"
              disabled={!dirty}
              onClick={() => setDraft(draftOf(role))}
            >
              Reset
            </button>
            <button type="submit" className="button" disabled={!dirty || (!isEveryone && !draft.name.trim())}>
              Save changes
            </button>
            {isEveryone ? null : (
              <button type="button" className="button danger" onClick={() => setConfirmDelete(true)}>
                Delete role
              </button>
            )}
          </div>
        )}
      </form>
      {confirmDelete ? (
        <ConfirmDialog
          title={`Delete ${role.name}`}
          confirmLabel="Delete role"
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await store.guildActions.deleteRole(guildState.guild.id, role.id);
            setConfirmDelete(false);
          }}
        >
          Everyone with {role.name} loses it and the permissions it gave. This cannot be undone.
        </ConfirmDialog>
      ) : null}
    </>
  );
}

export function Switch({
  id,
  label,
  explanation,
  checked,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  explanation: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="switch-row">
      <div className="switch-text">
        <label htmlFor={id}>{label}</label>
        <span id={`${id}-help`} className="hint">
          {explanation}
        </span>
      </div>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChange(e.target.checked)}
      />
    </div>
  );
}
