import { useMemo, useState } from 'react';
import type { Channel } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { capitalise, describeError } from '../app/util';
import { Avatar } from '../ui/Avatar';
import { Dialog } from '../ui/Dialog';
import { GROUP_DM_MAX, knownPeople } from './people';

/**
 * A group DM's name and members: anyone renames it (an empty name clears it); its owner adds and removes
 * people; anyone leaves. (Changes arrive for everyone as `channel.updated`; whoever is removed loses the
 * conversation.)
 */
export function GroupDmDialog({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const store = useStore();
  const guilds = useAppState((state) => state.guilds);
  const dms = useAppState((state) => state.dms);
  const users = useAppState((state) => state.users);
  const me = useAppState((state) => state.me);
  // The live copy: members change while the dialog is open.
  const current = dms.find((dm) => dm.id === channel.id) ?? channel;
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [name, setName] = useState(channel.name ?? '');

  const owner = current.ownerId === me?.id;
  const nameOf = (id: string) => users[id]?.displayName ?? users[id]?.username ?? 'Someone';
  const addable = useMemo(
    () =>
      knownPeople({ guilds, dms, users, me }).filter((person) => !current.recipientIds.includes(person.id)),
    [guilds, dms, users, me, current.recipientIds],
  );
  const full = current.recipientIds.length >= GROUP_DM_MAX;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(capitalise(describeError(caught)));
    } finally {
      setBusy(false);
    }
  };

  const rename = () =>
    run(async () => {
      store.addDm(await store.socialActions.renameGroupDm(current.id, name.trim() || null));
    });
  const renamed = (name.trim() || null) !== current.name;

  const add = () =>
    run(async () => {
      await store.socialActions.addRecipient(current.id, adding);
      store.addDm({ ...current, recipientIds: [...current.recipientIds, adding] });
      setAdding('');
    });

  const remove = (userId: string) =>
    run(async () => {
      await store.socialActions.removeRecipient(current.id, userId);
      store.addDm({ ...current, recipientIds: current.recipientIds.filter((id) => id !== userId) });
    });

  const leave = () =>
    run(async () => {
      await store.socialActions.removeRecipient(current.id, me!.id);
      store.removeDm(current.id);
      onClose();
      navigate({ page: 'home', channelId: null });
    });

  if (confirmLeave) {
    return (
      <Dialog title="Leave group" onClose={() => setConfirmLeave(false)}>
        <p>Leave this group? You will not see its messages unless someone adds you again.</p>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        <div className="actions">
          <button className="button secondary" onClick={() => setConfirmLeave(false)}>
            Cancel
          </button>
          <button className="button danger" disabled={busy} onClick={() => void leave()}>
            Leave group
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Group settings" onClose={onClose}>
      {error ? (
        <div className="alert" role="alert">
          {error}
        </div>
      ) : null}
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          if (renamed) void rename();
        }}
      >
        <label htmlFor="group-name">Group name</label>
        <div style={{ display: 'flex', gap: 8 }}>
          <input
            id="group-name"
            value={name}
            maxLength={100}
            placeholder="Named after its members"
            onChange={(event) => setName(event.target.value)}
          />
          <button className="button" type="submit" disabled={!renamed || busy}>
            Rename
          </button>
        </div>
      </form>
      <h3 className="profile-section" id="group-members-heading">
        Members — {current.recipientIds.length}
      </h3>
      <ul className="group-members" aria-labelledby="group-members-heading">
        {current.recipientIds.map((id) => (
          <li key={id}>
            <Avatar userId={id} name={nameOf(id)} size="small" />
            <span className="name">
              {nameOf(id)}
              {id === current.ownerId ? <span className="search-help"> (owner)</span> : null}
              {id === me?.id ? <span className="search-help"> (you)</span> : null}
            </span>
            {owner && id !== me?.id ? (
              <button
                className="button link"
                disabled={busy}
                aria-label={`Remove ${nameOf(id)} from the group`}
                onClick={() => void remove(id)}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {owner ? (
        <form
          className="field"
          onSubmit={(event) => {
            event.preventDefault();
            if (adding) void add();
          }}
        >
          <label htmlFor="group-add">Add someone</label>
          <div style={{ display: 'flex', gap: 8 }}>
            <select
              id="group-add"
              value={adding}
              disabled={full}
              onChange={(event) => setAdding(event.target.value)}
            >
              <option value="">{full ? `The group is full (${GROUP_DM_MAX})` : 'Choose someone…'}</option>
              {addable.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                  {person.username ? ` (@${person.username})` : ''}
                </option>
              ))}
            </select>
            <button className="button" type="submit" disabled={!adding || busy}>
              Add
            </button>
          </div>
        </form>
      ) : (
        <p className="search-help">Only the group’s owner can add or remove people.</p>
      )}
      <div className="actions">
        <button className="button danger" onClick={() => setConfirmLeave(true)}>
          Leave group
        </button>
        <button className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
