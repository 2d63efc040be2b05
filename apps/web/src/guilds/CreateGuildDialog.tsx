import { useState } from 'react';
import { useStore } from '../app/hooks';
import { navigate } from '../app/router';
import { FormDialog } from '../ui/FormDialog';

export function CreateGuildDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const me = store.getState().me;
  const [name, setName] = useState(me ? `${me.displayName ?? me.username}'s server` : 'My server');

  const submit = async () => {
    const { guild, channels } = await store.guildActions.create(name.trim());
    store.addGuild(guild, channels);
    onClose();
    navigate({
      page: 'guild',
      guildId: guild.id,
      channelId: channels.find((c) => c.type === 'text')?.id ?? null,
    });
  };

  return (
    <FormDialog
      title="Create a server"
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Create"
      busyLabel="Creating…"
      canSubmit={name.trim() !== ''}
    >
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
    </FormDialog>
  );
}
