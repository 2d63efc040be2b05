import { type FormEvent, useState } from 'react';
import type { Channel, UpdateChannelRequest } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import { navigate } from '../app/router';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { planChannelStep, siblings } from '../channels/channel-order';
import { ConfirmDialog, Outcome } from '../guild-settings/common';
import type { MyPermissions } from '../permissions/usePermissions';

const SLOWMODE_OPTIONS: { seconds: number; label: string }[] = [
  { seconds: 0, label: 'Off' },
  { seconds: 5, label: '5 seconds' },
  { seconds: 10, label: '10 seconds' },
  { seconds: 30, label: '30 seconds' },
  { seconds: 60, label: '1 minute' },
  { seconds: 5 * 60, label: '5 minutes' },
  { seconds: 15 * 60, label: '15 minutes' },
  { seconds: 60 * 60, label: '1 hour' },
  { seconds: 6 * 60 * 60, label: '6 hours' },
];

/** Name, topic and slowmode (text), user limit (voice), category and order; delete. */
export function ChannelOverviewTab({
  guildState,
  channel,
  guildPerms,
  onClose,
}: {
  guildState: GuildState;
  channel: Channel;
  guildPerms: MyPermissions;
  onClose: () => void;
}) {
  const store = useStore();
  const [name, setName] = useState(channel.name ?? '');
  const [topic, setTopic] = useState(channel.topic ?? '');
  const [slowmode, setSlowmode] = useState(channel.slowmodeSeconds);
  const [userLimit, setUserLimit] = useState(channel.userLimit ?? 0);
  const [parentId, setParentId] = useState(channel.parentId ?? '');
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const categories = guildState.channels.filter((candidate) => candidate.type === 'category');
  const list = siblings(guildState.channels, channel);
  const index = list.findIndex((candidate) => candidate.id === channel.id);
  const label = channel.type === 'category' ? 'Category' : 'Channel';
  const slowmodeChoices = SLOWMODE_OPTIONS.some((option) => option.seconds === slowmode)
    ? SLOWMODE_OPTIONS
    : [...SLOWMODE_OPTIONS, { seconds: slowmode, label: `${slowmode} seconds` }];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateChannelRequest = { name: name.trim() };
    if (channel.type === 'text') {
      body.topic = topic.trim() || null;
      body.slowmodeSeconds = slowmode;
    }
    if (channel.type === 'voice') body.userLimit = userLimit > 0 ? userLimit : null;
    if (channel.type !== 'category') body.parentId = parentId || null;
    try {
      const updated = await store.guildActions.updateChannel(channel.id, body);
      store.putChannel(updated);
      setName(updated.name ?? '');
      setOutcome({ text: `${label} saved.`, error: false });
    } catch (error) {
      setOutcome({
        text: capitalise(`the ${label.toLowerCase()} could not be saved: ${describeError(error)}`),
        error: true,
      });
    }
  };

  const step = async (delta: -1 | 1) => {
    try {
      const updates = planChannelStep(guildState.channels, channel.id, delta);
      if (updates.length === 0) return;
      const channels = await store.guildActions.reorderChannels(guildState.guild.id, updates);
      for (const next of channels) store.putChannel(next);
      setOutcome({ text: `${label} moved ${delta < 0 ? 'up' : 'down'}.`, error: false });
    } catch (error) {
      setOutcome({
        text: capitalise(`the ${label.toLowerCase()} could not be moved: ${describeError(error)}`),
        error: true,
      });
    }
  };

  return (
    <section aria-labelledby="channel-overview-heading" className="settings-section">
      <h3 id="channel-overview-heading">Overview</h3>
      <form onSubmit={save}>
        <div className="field">
          <label htmlFor="channel-settings-name">{label} name</label>
          <input
            id="channel-settings-name"
            value={name}
            maxLength={100}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        {channel.type === 'text' ? (
          <>
            <div className="field">
              <label htmlFor="channel-settings-topic">Topic</label>
              <textarea
                id="channel-settings-topic"
                value={topic}
                rows={2}
                maxLength={1024}
                onChange={(e) => setTopic(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="channel-settings-slowmode">Slowmode</label>
              <select
                id="channel-settings-slowmode"
                value={slowmode}
                onChange={(e) => setSlowmode(Number(e.target.value))}
              >
                {slowmodeChoices.map((option) => (
                  <option key={option.seconds} value={option.seconds}>
                    {option.label}
                  </option>
                ))}
              </select>
              <span className="hint">How long each member waits between messages (moderators do not).</span>
            </div>
          </>
        ) : null}
        {channel.type === 'voice' ? (
          <div className="field">
            <label htmlFor="channel-settings-user-limit">User limit</label>
            <input
              id="channel-settings-user-limit"
              type="number"
              min={0}
              max={99}
              value={userLimit}
              onChange={(e) => setUserLimit(Math.max(0, Math.min(99, Number(e.target.value) || 0)))}
            />
            <span className="hint">0 means no limit.</span>
          </div>
        ) : null}
        {channel.type !== 'category' ? (
          <div className="field">
            <label htmlFor="channel-settings-category">Category</label>
            <select
              id="channel-settings-category"
              value={parentId}
              onChange={(e) => setParentId(e.target.value)}
            >
              <option value="">No category</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button className="button" type="submit" disabled={!name.trim()}>
          Save changes
        </button>
      </form>
      <Outcome outcome={outcome} />
      {guildPerms.can('MANAGE_CHANNELS') ? (
        <div className="field">
          <span className="label">Order</span>
          <div className="inline-row">
            <span>
              {index + 1} of {list.length} {channel.type === 'category' ? 'categories' : 'in its list'}
            </span>
            <button className="button secondary" disabled={index <= 0} onClick={() => void step(-1)}>
              Move up
            </button>
            <button
              className="button secondary"
              disabled={index >= list.length - 1}
              onClick={() => void step(1)}
            >
              Move down
            </button>
          </div>
          <span className="hint">You can also drag channels in the channel list.</span>
        </div>
      ) : null}
      <section className="danger-zone" aria-label="Delete">
        <button className="button danger" onClick={() => setConfirmDelete(true)}>
          Delete {label.toLowerCase()}
        </button>
      </section>
      {confirmDelete ? (
        <ConfirmDialog
          title={`Delete ${channel.name}`}
          confirmLabel={`Delete ${label.toLowerCase()}`}
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await store.guildActions.deleteChannel(channel.id);
            onClose();
            if (window.location.pathname.includes(channel.id)) {
              navigate({ page: 'guild', guildId: guildState.guild.id, channelId: null });
            }
          }}
        >
          {channel.type === 'category'
            ? `${channel.name} is deleted; its channels stay, without a category.`
            : `${channel.name} and all its messages are deleted for everyone. This cannot be undone.`}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
