import { useMemo, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { FormDialog } from '../ui/FormDialog';

/** Opens a DM with someone who shares a server with you, picked by name. */
export function NewDmDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const guilds = useAppState((state) => state.guilds);
  const users = useAppState((state) => state.users);
  const me = useAppState((state) => state.me);
  const [userId, setUserId] = useState('');

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

  const submit = async () => {
    const channel = await store.client.dms.open(userId);
    store.addDm(channel);
    onClose();
    navigate({ page: 'home', channelId: channel.id });
  };

  return (
    <FormDialog
      title="New direct message"
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Open conversation"
      canSubmit={userId !== ''}
    >
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
    </FormDialog>
  );
}
