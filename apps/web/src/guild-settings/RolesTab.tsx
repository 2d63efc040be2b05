import { useEffect, useMemo, useState } from 'react';
import type { Role } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { canEditRole, canMoveRoleTo, positionForIndex, rolesTopDown } from '../permissions/permission-math';
import type { MyPermissions } from '../permissions/usePermissions';
import { Outcome, RoleDot } from './common';
import { RoleEditor } from './RoleEditor';
import { IconButton } from '../ui/IconButton';

/**
 * The roles, highest first (@everyone last), and the editor of the chosen one. Roles move by drag and
 * drop or with the up/down buttons; only roles below the user's highest role move (any, for the owner).
 */
export function RolesTab({ guildState, perms }: { guildState: GuildState; perms: MyPermissions }) {
  const store = useStore();
  const guildId = guildState.guild.id;
  const roles = useMemo(() => rolesTopDown(guildState.roles, guildId), [guildState.roles, guildId]);
  const movable = roles.filter((role) => role.id !== guildId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const selected = roles.find((role) => role.id === selectedId) ?? roles[0];

  // Settings may open before the roles of a guild created in this session arrived.
  useEffect(() => {
    void store.loadRoles(guildId);
  }, [store, guildId]);

  const editable = (role: Role) => canEditRole(guildState, perms.userId, role);

  const create = async () => {
    try {
      const role = await store.guildActions.createRole(guildId, { name: 'new role' });
      store.putRole(role);
      setSelectedId(role.id);
      setOutcome(null);
    } catch (error) {
      setOutcome({ text: capitalise(`the role could not be created: ${describeError(error)}`), error: true });
    }
  };

  /** Puts the role at `index` of the top-down list (without @everyone). */
  const move = async (role: Role, index: number) => {
    const position = positionForIndex(movable.length, index);
    if (position === role.position) return;
    if (!canMoveRoleTo(guildState, perms.userId, role, position)) {
      setOutcome({ text: `${role.name} cannot go above your highest role.`, error: true });
      return;
    }
    try {
      const updated = await store.guildActions.reorderRoles(guildId, [{ id: role.id, position }]);
      for (const next of updated) store.putRole(next);
      setOutcome({ text: `${role.name} moved to position ${index + 1} of ${movable.length}.`, error: false });
    } catch (error) {
      setOutcome({ text: capitalise(`the role could not be moved: ${describeError(error)}`), error: true });
    }
  };

  return (
    <section aria-labelledby="roles-heading" className="settings-section roles-tab">
      <h3 id="roles-heading">Roles</h3>
      <p className="hint">
        Members get the permissions of all their roles. Higher roles manage lower ones: drag a role, or use
        its arrows, to change the order.
      </p>
      <div className="roles-layout">
        <div className="role-column">
          <button className="button" onClick={() => void create()}>
            Create role
          </button>
          <ul className="role-list" aria-label="Roles, highest first">
            {roles.map((role) => {
              const isEveryone = role.id === guildId;
              const index = movable.indexOf(role);
              const canMove = !isEveryone && editable(role);
              const above = movable[index - 1];
              const below = movable[index + 1];
              const name = isEveryone ? '@everyone' : role.name;
              return (
                <li
                  key={role.id}
                  className={`role-row${dropIndex === index && dragId ? ' drop-target' : ''}`}
                  draggable={canMove}
                  onDragStart={(event) => {
                    event.dataTransfer.setData('text/plain', role.id);
                    event.dataTransfer.effectAllowed = 'move';
                    setDragId(role.id);
                  }}
                  onDragEnd={() => {
                    setDragId(null);
                    setDropIndex(null);
                  }}
                  onDragOver={(event) => {
                    if (!dragId || isEveryone) return;
                    event.preventDefault();
                    setDropIndex(index);
                  }}
                  onDrop={(event) => {
                    event.preventDefault();
                    const dragged = movable.find((candidate) => candidate.id === dragId);
                    setDragId(null);
                    setDropIndex(null);
                    if (dragged && !isEveryone) void move(dragged, index);
                  }}
                >
                  <button
                    className="role-select"
                    aria-current={role.id === selected?.id ? 'true' : undefined}
                    onClick={() => setSelectedId(role.id)}
                  >
                    {canMove ? (
                      <span className="drag-handle" aria-hidden="true">
                        ⠿
                      </span>
                    ) : null}
                    <RoleDot role={role} />
                    <span className="name">{name}</span>
                    {!isEveryone && !editable(role) ? (
                      <span className="visually-hidden">(read-only)</span>
                    ) : null}
                  </button>
                  {isEveryone ? null : (
                    <span className="move-buttons">
                      <IconButton
                        label={`Move ${name} up`}
                        disabled={!canMove || !above || !editable(above)}
                        onClick={() => void move(role, index - 1)}
                      >
                        ▲
                      </IconButton>
                      <IconButton
                        label={`Move ${name} down`}
                        disabled={!canMove || !below}
                        onClick={() => void move(role, index + 1)}
                      >
                        ▼
                      </IconButton>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <Outcome outcome={outcome} />
        </div>
        {selected ? (
          <RoleEditor
            key={selected.id}
            guildState={guildState}
            role={selected}
            readOnly={!editable(selected)}
            perms={perms}
          />
        ) : (
          <p>Loading roles…</p>
        )}
      </div>
    </section>
  );
}
