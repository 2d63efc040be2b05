import { EMOJI_NAME_PATTERN, type Emoji } from '@bonfire/sdk';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { ConfirmDialog, Outcome } from '../guild-settings/common';
import { CustomEmoji } from './CustomEmoji';
import { useEmojiStore, useGuildEmojis } from './emoji-store';

type OutcomeState = { text: string; error: boolean } | null;

/** A name from a file name: letters, digits and underscores, 2–32 of them. */
export function emojiNameFrom(filename: string): string {
  const base = filename
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32);
  return base.length >= 2 ? base : `emoji_${base}`.slice(0, 32);
}

/**
 * The server's custom emoji (MANAGE_EMOJIS): upload (PNG, GIF or WebP up to 256 KiB; larger than 128×128
 * is scaled down, GIFs stay animated), rename, delete. The list follows `guild.emojis.updated` live.
 */
export function EmojiTab({ guildState }: { guildState: GuildState }) {
  const emojiActions = useStore().guildContentActions;
  const emojiStore = useEmojiStore();
  const guildId = guildState.guild.id;
  const emojis = useGuildEmojis(guildId);
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<OutcomeState>(null);
  const [deleting, setDeleting] = useState<Emoji | null>(null);
  const fail = (what: string, error: unknown) =>
    setOutcome({ text: capitalise(`${what}: ${describeError(error)}`), error: true });

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    if (chosen && !name) setName(emojiNameFrom(chosen.name));
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    try {
      setProgress(0);
      const emoji = await emojiActions.uploadEmoji(
        guildId,
        name.trim(),
        { data: file, filename: file.name, contentType: file.type || 'application/octet-stream' },
        { onProgress: (step) => setProgress(step.fraction) },
      );
      emojiStore.put(emoji);
      setOutcome({ text: `Emoji :${emoji.name}: added.`, error: false });
      setName('');
      setFile(null);
    } catch (error) {
      fail('the emoji could not be added', error);
    } finally {
      setProgress(null);
    }
  };

  const rename = async (emoji: Emoji, next: string) => {
    if (next === emoji.name) return;
    try {
      emojiStore.put(await emojiActions.renameEmoji(guildId, emoji.id, next));
      setOutcome({ text: `Emoji renamed to :${next}:.`, error: false });
    } catch (error) {
      fail('the emoji could not be renamed', error);
    }
  };

  const animatedCount = emojis.filter((emoji) => emoji.animated).length;
  const valid = EMOJI_NAME_PATTERN.test(name.trim());

  return (
    <section aria-labelledby="guild-emoji-heading" className="settings-section">
      <h3 id="guild-emoji-heading">Emoji — {emojis.length}</h3>
      <p className="hint">
        PNG, GIF or WebP, at most 256 KiB; larger than 128 × 128 is scaled down and animated GIFs stay
        animated.
        {` ${emojis.length - animatedCount} static, ${animatedCount} animated.`}
      </p>
      <form className="emoji-tab-upload" onSubmit={upload} aria-label="Upload emoji">
        <div className="field">
          <label htmlFor="emoji-file">Image</label>
          <input id="emoji-file" type="file" accept="image/png,image/gif,image/webp" onChange={choose} />
        </div>
        <div className="field">
          <label htmlFor="emoji-name">Name</label>
          <input
            id="emoji-name"
            value={name}
            maxLength={32}
            pattern="[A-Za-z0-9_]{2,32}"
            title="2–32 letters, digits or underscores"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button className="button" type="submit" disabled={!file || !valid || progress !== null}>
          Upload emoji
        </button>
        {progress !== null ? <progress max={1} value={progress} aria-label="Emoji upload progress" /> : null}
      </form>
      <Outcome outcome={outcome} />
      {emojis.length === 0 ? <p className="hint">This server has no custom emoji yet.</p> : null}
      <ul className="emoji-tab-list" aria-label="Emoji of this server">
        {emojis.map((emoji) => (
          <EmojiRow key={emoji.id} emoji={emoji} onRename={rename} onDelete={() => setDeleting(emoji)} />
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog
          title={`Delete :${deleting.name}:`}
          confirmLabel="Delete emoji"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await emojiActions.deleteEmoji(guildId, deleting.id);
              emojiStore.drop(guildId, deleting.id);
              setOutcome({ text: `Emoji :${deleting.name}: deleted.`, error: false });
              setDeleting(null);
            } catch (error) {
              fail('the emoji could not be deleted', error);
              setDeleting(null);
            }
          }}
        >
          Messages that used it keep their text; it shows as :{deleting.name}: from now on.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function EmojiRow({
  emoji,
  onRename,
  onDelete,
}: {
  emoji: Emoji;
  onRename: (emoji: Emoji, name: string) => Promise<void>;
  onDelete: () => void;
}) {
  const [draft, setDraft] = useState(emoji.name);
  const valid = EMOJI_NAME_PATTERN.test(draft);
  return (
    <li className="emoji-tab-row">
      <CustomEmoji id={emoji.id} name={emoji.name} animated={emoji.animated} size="large" />
      <input
        aria-label={`Name of :${emoji.name}:`}
        value={draft}
        maxLength={32}
        aria-invalid={!valid}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && valid) void onRename(emoji, draft);
        }}
      />
      {emoji.animated ? <span className="hint">animated</span> : null}
      <button
        type="button"
        className="button secondary"
        disabled={!valid || draft === emoji.name}
        onClick={() => void onRename(emoji, draft)}
      >
        Rename
      </button>
      <button
        type="button"
        className="button danger"
        aria-label={`Delete :${emoji.name}:`}
        onClick={onDelete}
      >
        Delete
      </button>
    </li>
  );
}
