import { useState } from 'react';
import { useStore } from '../app/hooks';
import { navigate } from '../app/router';
import type { GuildState } from '../app/store';
import { FormDialog } from '../ui/FormDialog';

export function CreateChannelDialog({
  guildState,
  onClose,
}: {
  guildState: GuildState;
  onClose: () => void;
}) {
  const store = useStore();
  const [name, setName] = useState('');
  const [type, setType] = useState<'text' | 'voice' | 'category'>('text');
  const [parentId, setParentId] = useState('');
  const categories = guildState.channels.filter((channel) => channel.type === 'category');

  const submit = async () => {
    const channel = await store.guildActions.createChannel(guildState.guild.id, {
      name: type === 'text' ? name.trim().toLowerCase().replace(/\s+/g, '-') : name.trim(),
      type,
      ...(parentId && type !== 'category' ? { parentId } : {}),
    });
    onClose();
    if (channel.type === 'text')
      navigate({ page: 'guild', guildId: guildState.guild.id, channelId: channel.id });
  };

  return (
    <FormDialog
      title="Create channel"
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Create channel"
      canSubmit={name.trim() !== ''}
    >
      <fieldset className="field" style={{ border: 0, padding: 0 }}>
        <legend className="label">Channel type</legend>
        {(['text', 'voice', 'category'] as const).map((option) => (
          <label key={option} style={{ textTransform: 'none', fontSize: 15, fontWeight: 400 }}>
            <input
              type="radio"
              name="type"
              value={option}
              checked={type === option}
              onChange={() => setType(option)}
            />{' '}
            {option === 'text' ? 'Text' : option === 'voice' ? 'Voice' : 'Category'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="channel-name">Channel name</label>
        <input
          id="channel-name"
          value={name}
          maxLength={100}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {type !== 'category' && categories.length > 0 ? (
        <div className="field">
          <label htmlFor="channel-parent">Category</label>
          <select id="channel-parent" value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">None</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </FormDialog>
  );
}
