import { type FormEvent, useState } from 'react';
import { useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { capitalise, describeError } from '../app/util';
import { Dialog } from '../ui/Dialog';

export function CreateGuildDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const me = store.getState().me;
  const [name, setName] = useState(me ? `${me.displayName ?? me.username}'s server` : 'My server');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const guild = await store.client.guilds.create({ name: name.trim() });
      const channels = await store.client.channels.list(guild.id);
      store.addGuild(guild, channels);
      onClose();
      navigate({
        page: 'guild',
        guildId: guild.id,
        channelId: channels.find((c) => c.type === 'text')?.id ?? null,
      });
    } catch (caught) {
      setError(capitalise(describeError(caught)));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Create a server" onClose={onClose}>
      <form onSubmit={submit}>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="guild-name">Server name</label>
          <input
            id="guild-name"
            value={name}
            maxLength={100}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || name.trim() === ''}>
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
