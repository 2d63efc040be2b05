import { type FormEvent, useState } from 'react';
import { useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { capitalise, describeError } from '../app/util';
import { Dialog } from '../ui/Dialog';
import { inviteCodeFrom } from './invite-code';

export function JoinGuildDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const guild = await store.client.invites.accept(inviteCodeFrom(value));
      store.addGuild(guild, await store.client.channels.list(guild.id));
      void store.loadMembers(guild.id);
      onClose();
      navigate({ page: 'guild', guildId: guild.id, channelId: null });
    } catch (caught) {
      setError(capitalise(describeError(caught)));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Join a server" onClose={onClose}>
      <form onSubmit={submit}>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="invite-input">Invite link or code</label>
          <input
            id="invite-input"
            value={value}
            placeholder="http://localhost:8080/invite/hTKzmak"
            required
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || value.trim() === ''}>
            {busy ? 'Joining…' : 'Join server'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
