import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import type { MyPermissions } from '../permissions/usePermissions';
import { ConfirmDialog, memberName, Outcome } from './common';

type Outcome = { text: string; error: boolean } | null;

/** Name, icon and description (MANAGE_GUILD); transfer and delete for the owner. */
export function OverviewTab({
  guildState,
  perms,
  onClose,
}: {
  guildState: GuildState;
  perms: MyPermissions;
  onClose: () => void;
}) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const { guild } = guildState;
  const [name, setName] = useState(guild.name);
  const [description, setDescription] = useState(guild.description ?? '');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [iconProgress, setIconProgress] = useState<number | null>(null);
  const [newOwner, setNewOwner] = useState('');
  const [dialog, setDialog] = useState<'transfer' | 'delete' | null>(null);

  const fail = (what: string, error: unknown) =>
    setOutcome({ text: capitalise(`${what}: ${describeError(error)}`), error: true });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      store.putGuild(
        await store.guildActions.update(guild.id, {
          name: name.trim(),
          description: description.trim() || null,
        }),
      );
      setOutcome({ text: 'Server saved.', error: false });
    } catch (error) {
      fail('the server could not be saved', error);
    }
  };

  const uploadIcon = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      setIconProgress(0);
      const updated = await store.guildActions.changeIcon(
        guild.id,
        { data: file, filename: file.name, contentType: file.type || 'application/octet-stream' },
        { onProgress: (progress) => setIconProgress(progress.fraction) },
      );
      store.putGuild(updated);
      setOutcome({ text: 'Icon updated.', error: false });
    } catch (error) {
      fail('the icon could not be uploaded', error);
    } finally {
      setIconProgress(null);
    }
  };

  const removeIcon = async () => {
    try {
      store.putGuild(await store.guildActions.update(guild.id, { iconFileId: null }));
      setOutcome({ text: 'Icon removed.', error: false });
    } catch (error) {
      fail('the icon could not be removed', error);
    }
  };

  const candidates = Object.values(guildState.members)
    .filter((member) => member.userId !== guild.ownerId)
    .map((member) => ({ id: member.userId, name: memberName(member, users[member.userId]) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const newOwnerName = candidates.find((candidate) => candidate.id === newOwner)?.name ?? '';

  return (
    <section aria-labelledby="overview-heading" className="settings-section">
      <h3 id="overview-heading">Server overview</h3>
      <div className="icon-row">
        <div className="guild-icon large" aria-hidden="true">
          {guild.iconFileId ? (
            <img src={store.fileUrl(guild.iconFileId, 'small')} alt="" />
          ) : (
            guild.name.slice(0, 2).toUpperCase()
          )}
        </div>
        <div>
          <label className="button secondary">
            Upload icon
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              className="visually-hidden"
              onChange={uploadIcon}
            />
          </label>{' '}
          {guild.iconFileId ? (
            <button type="button" className="button link" onClick={() => void removeIcon()}>
              Remove icon
            </button>
          ) : null}
          {iconProgress !== null ? (
            <progress max={1} value={iconProgress} aria-label="Icon upload progress" />
          ) : null}
          <p className="hint">Square images look best; at least 128 × 128 pixels.</p>
        </div>
      </div>
      <form onSubmit={save}>
        <div className="field">
          <label htmlFor="guild-name">Server name</label>
          <input
            id="guild-name"
            value={name}
            minLength={2}
            maxLength={100}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="guild-description">Description</label>
          <textarea
            id="guild-description"
            value={description}
            rows={3}
            maxLength={1000}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <button className="button" type="submit" disabled={name.trim().length < 2}>
          Save changes
        </button>
      </form>
      <Outcome outcome={outcome} />

      {perms.isOwner ? (
        <section aria-labelledby="owner-heading" className="danger-zone">
          <h3 id="owner-heading">Owner</h3>
          <div className="field">
            <label htmlFor="new-owner">Transfer ownership to</label>
            <div className="inline-row">
              <select id="new-owner" value={newOwner} onChange={(e) => setNewOwner(e.target.value)}>
                <option value="">Choose a member…</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
              <button className="button secondary" disabled={!newOwner} onClick={() => setDialog('transfer')}>
                Transfer ownership
              </button>
            </div>
          </div>
          <button className="button danger" onClick={() => setDialog('delete')}>
            Delete server
          </button>
        </section>
      ) : null}

      {dialog === 'transfer' ? (
        <ConfirmDialog
          title="Transfer ownership"
          confirmLabel="Transfer"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            store.putGuild(await store.guildActions.transferOwnership(guild.id, newOwner));
            setDialog(null);
            setNewOwner('');
            setOutcome({ text: `${newOwnerName} now owns the server.`, error: false });
          }}
        >
          {newOwnerName} becomes the owner of {guild.name}. You keep your roles but can no longer delete the
          server or take ownership back yourself.
        </ConfirmDialog>
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={`Delete ${guild.name}`}
          confirmLabel="Delete server"
          typeToConfirm={guild.name}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await store.guildActions.delete(guild.id);
            store.removeGuild(guild.id);
            onClose();
            navigate({ page: 'home', channelId: null });
          }}
        >
          Every channel and message of {guild.name} is deleted for everyone. This cannot be undone.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
