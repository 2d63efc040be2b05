import type { Emoji } from '@bonfire/sdk';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CustomEmoji } from '../emoji/CustomEmoji';
import { useGuildEmojis } from '../emoji/emoji-store';
import { EMOJI_CATEGORIES, type EmojiEntry, recentEmoji, rememberEmoji, searchEmoji } from './emoji-data';

interface EmojiPickerProps {
  /** What the picker is for, read out by screen readers ("Pick a reaction"). */
  label: string;
  onPick: (emoji: string) => void;
  onClose: () => void;
  /**
   * The button that opened it: the picker opens below it, or above when the window has no room below.
   * The picker stays in the message's DOM (placed by CSS relative to it).
   */
  anchor?: DOMRect | null;
  /** One-click choices above the search ("React with 👍"). */
  quick?: readonly string[];
  /** The guild whose custom emoji come first (with `onPickCustom`). */
  guildId?: string | null;
  onPickCustom?: (emoji: Emoji) => void;
}

const WIDTH = 320;
const HEIGHT = 360;

/** Where the fixed-position popover goes: under (or above) the anchor, kept inside the viewport. */
export function popoverPosition(
  anchor: DOMRect,
  width = WIDTH,
  height = HEIGHT,
): { top: number; left: number } {
  const below = anchor.bottom + 4;
  const top = below + height <= window.innerHeight ? below : Math.max(8, anchor.top - height - 4);
  const left = Math.min(Math.max(8, anchor.right - width), Math.max(8, window.innerWidth - width - 8));
  return { top, left };
}

/**
 * A searchable emoji popover: the guild's custom emoji first (when given), then recently used, then the
 * categories. Escape or a click outside closes it; the search field has focus on open, and Enter picks the
 * first match.
 */
export function EmojiPicker({
  label,
  onPick,
  onClose,
  anchor,
  quick,
  guildId,
  onPickCustom,
}: EmojiPickerProps) {
  const [query, setQuery] = useState('');
  const guildEmojis = useGuildEmojis(onPickCustom ? guildId : null);
  const needle = query.trim().toLowerCase().replace(/^:|:$/g, '');
  const customResults = needle
    ? guildEmojis.filter((emoji) => emoji.name.toLowerCase().includes(needle))
    : guildEmojis;
  const [recent] = useState(() => recentEmoji());
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, without re-running the effects (focus) when the caller re-renders.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const results = useMemo(() => (query.trim() ? searchEmoji(query) : null), [query]);

  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      const target = event.target as Element;
      // The button that opened it toggles it itself (closing here would reopen it on click).
      if (target.closest?.('[aria-haspopup="dialog"][aria-expanded="true"]')) return;
      if (ref.current && !ref.current.contains(target)) closeRef.current();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  const pick = (emoji: string) => {
    rememberEmoji(emoji);
    onPick(emoji);
  };

  const grid = (entries: EmojiEntry[]) => (
    <div className="emoji-grid">
      {entries.map((entry) => (
        <button
          key={entry.emoji}
          type="button"
          className="emoji-cell"
          title={`:${entry.name.split(' ')[0]}:`}
          aria-label={entry.name.split(' ')[0]}
          onClick={() => pick(entry.emoji)}
        >
          {entry.emoji}
        </button>
      ))}
    </div>
  );

  const customGrid = (entries: readonly Emoji[]) => (
    <div className="emoji-grid">
      {entries.map((emoji) => (
        <button
          key={emoji.id}
          type="button"
          className="emoji-cell"
          title={`:${emoji.name}:`}
          aria-label={`:${emoji.name}:`}
          onClick={() => onPickCustom?.(emoji)}
        >
          <CustomEmoji id={emoji.id} name={emoji.name} animated={emoji.animated} size="reaction" />
        </button>
      ))}
    </div>
  );
  const customSection = (entries: readonly Emoji[]) =>
    onPickCustom && entries.length > 0 ? (
      <section aria-label="This server’s emoji">
        <h3 className="emoji-category">This server</h3>
        {customGrid(entries)}
      </section>
    ) : null;

  const byEmoji = new Map(EMOJI_CATEGORIES.flatMap((category) => category.emoji).map((e) => [e.emoji, e]));
  const recentEntries = recent.map((emoji) => byEmoji.get(emoji) ?? { emoji, name: 'recent' });

  const popover = (
    <div
      ref={ref}
      className="emoji-popover"
      role="dialog"
      aria-label={label}
      data-placement={anchor && anchor.bottom + HEIGHT + 8 > window.innerHeight ? 'up' : 'down'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {quick ? (
        <div className="emoji-quick" role="group" aria-label="Quick reactions">
          {quick.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="emoji-cell"
              aria-label={`React with ${emoji}`}
              onClick={() => pick(emoji)}
            >
              {emoji}
            </button>
          ))}
        </div>
      ) : null}
      <input
        className="emoji-search"
        type="search"
        aria-label="Search emoji"
        placeholder="Search emoji"
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && onPickCustom && needle && customResults[0]) {
            event.preventDefault();
            onPickCustom(customResults[0]);
          } else if (event.key === 'Enter' && results?.[0]) {
            event.preventDefault();
            pick(results[0].emoji);
          }
        }}
      />
      <div className="emoji-scroll">
        {results ? (
          results.length > 0 || (onPickCustom && customResults.length > 0) ? (
            <>
              {customSection(customResults)}
              {results.length > 0 ? <section aria-label="Search results">{grid(results)}</section> : null}
            </>
          ) : (
            <p className="search-help">No emoji match “{query}”.</p>
          )
        ) : (
          <>
            {customSection(guildEmojis)}
            {recentEntries.length > 0 ? (
              <section aria-label="Recently used">
                <h3 className="emoji-category">Recently used</h3>
                {grid(recentEntries)}
              </section>
            ) : null}
            {EMOJI_CATEGORIES.map((category) => (
              <section key={category.name} aria-label={category.name}>
                <h3 className="emoji-category">{category.name}</h3>
                {grid(category.emoji)}
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
  return popover;
}
