import { useState } from 'react';
import { useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { FormDialog } from '../ui/FormDialog';
import { inviteCodeFrom } from './invite-code';

export function JoinGuildDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const [value, setValue] = useState('');

  const submit = async () => {
    const { guild, channels } = await store.guildContentActions.join(inviteCodeFrom(value));
    store.addGuild(guild, channels);
    void store.loadMembers(guild.id);
    onClose();
    navigate({ page: 'guild', guildId: guild.id, channelId: null });
  };

  return (
    <FormDialog
      title="Join a server"
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Join server"
      busyLabel="Joining…"
      canSubmit={value.trim() !== ''}
    >
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
    </FormDialog>
  );
}
