import { type FormEvent, useMemo, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { capitalise, describeError } from '../app/util';
import { Dialog } from '../ui/Dialog';

/** Opens a DM with someone who shares a server with you, picked by name. */
export function NewDmDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const guilds = useAppState((state) => state.guilds);
  const users = useAppState((state) => state.users);
  const me = useAppState((state) => state.me);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const candidates = useMemo(() => {
    const ids = new Set<string>();
    for (const guild of Object.values(guilds)) for (const id of Object.keys(guild.members)) ids.add(id);
    ids.delete(me?.id ?? '');
    return [...ids]
      .map((id) => ({
        id,
        name: users[id]?.displayName ?? users[id]?.username ?? id,
        username: users[id]?.username,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [guilds, users, me]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    setBusy(true);
    try {
      const channel = await store.client.dms.open(userId);
      store.addDm(channel);
      onClose();
      navigate({ page: 'home', channelId: channel.id });
    } catch (caught) {
      setError(capitalise(describeError(caught)));
      setBusy(false);
    }
  };

  return (
    <Dialog title="New direct message" onClose={onClose}>
      <form onSubmit={submit}>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="dm-user">Who</label>
          <select id="dm-user" value={userId} onChange={(e) => setUserId(e.target.value)} required>
            <option value="">Choose someone…</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
                {candidate.username ? ` (@${candidate.username})` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || !userId}>
            Open conversation
          </button>
        </div>
      </form>
    </Dialog>
  );
}
