import { useMemo, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { FormDialog } from '../ui/FormDialog';
import { GROUP_DM_MAX, knownPeople } from './people';

/**
 * Starts a conversation with people who share a server (or a DM) with you: one person opens (or finds)
 * the DM with them; several make a group DM, optionally named.
 */
export function NewDmDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const guilds = useAppState((state) => state.guilds);
  const dms = useAppState((state) => state.dms);
  const users = useAppState((state) => state.users);
  const me = useAppState((state) => state.me);
  const [selected, setSelected] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [name, setName] = useState('');

  const candidates = useMemo(() => knownPeople({ guilds, dms, users, me }), [guilds, dms, users, me]);
  const shown = candidates.filter((candidate) => {
    const term = filter.trim().toLowerCase();
    return (
      !term ||
      candidate.name.toLowerCase().includes(term) ||
      (candidate.username?.includes(term) ?? false) ||
      selected.includes(candidate.id)
    );
  });
  const group = selected.length > 1;
  const full = selected.length + 1 >= GROUP_DM_MAX;

  const submit = async () => {
    const channel =
      selected.length === 1
        ? await store.socialActions.openDm(selected[0]!)
        : await store.socialActions.openGroupDm({
            recipientIds: selected,
            ...(name.trim() ? { name: name.trim() } : {}),
          });
    store.addDm(channel);
    onClose();
    navigate({ page: 'home', channelId: channel.id });
  };

  return (
    <FormDialog
      title="New conversation"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={group ? 'Create group' : 'Open conversation'}
      canSubmit={selected.length > 0}
    >
      <div className="field">
        <label htmlFor="dm-filter">Find people</label>
        <input
          id="dm-filter"
          type="search"
          value={filter}
          placeholder="Name or username"
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <fieldset className="people-picker">
        <legend>
          Who ({selected.length} chosen{full ? `, at most ${GROUP_DM_MAX - 1}` : ''})
        </legend>
        {shown.length === 0 ? <p className="search-help">Nobody matches.</p> : null}
        {shown.map((candidate) => {
          const checked = selected.includes(candidate.id);
          return (
            <label key={candidate.id} className="checkbox-row">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={() =>
                  setSelected((current) =>
                    checked ? current.filter((id) => id !== candidate.id) : [...current, candidate.id],
                  )
                }
              />
              {candidate.name}
              {candidate.username ? <span className="search-help"> @{candidate.username}</span> : null}
            </label>
          );
        })}
      </fieldset>
      {group ? (
        <div className="field">
          <label htmlFor="dm-group-name">Group name (optional)</label>
          <input
            id="dm-group-name"
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
      ) : null}
    </FormDialog>
  );
}
