import { useState } from 'react';
import { useStore } from '../app/hooks';
import { useEmojiIndex } from './emoji-store';
import './emoji.css';

/**
 * A custom emoji as an inline image. Animated ones show their still first frame and animate while hovered
 * or focused (the message row's hover animates them too, see emoji.css); an emoji whose image is gone
 * (deleted) shows as `:name:` text.
 */
export function CustomEmoji({
  id,
  name,
  animated,
  size = 'inline',
}: {
  id: string;
  name: string;
  /** From the markup (`<a:…>`); the known emoji's flag wins. */
  animated?: boolean;
  size?: 'inline' | 'reaction' | 'large';
}) {
  const store = useStore();
  const known = useEmojiIndex().get(id);
  const moving = known?.animated ?? animated ?? false;
  const [hover, setHover] = useState(false);
  const [broken, setBroken] = useState(false);
  const label = `:${known?.name ?? name}:`;
  if (broken) return <span className="custom-emoji-missing">{label}</span>;
  const src = store.emojiUrl(id, { still: moving && !hover });
  return (
    <img
      className={`custom-emoji custom-emoji-${size}`}
      src={src}
      alt={label}
      title={label}
      draggable={false}
      data-animated={moving ? 'true' : undefined}
      onMouseEnter={moving ? () => setHover(true) : undefined}
      onMouseLeave={moving ? () => setHover(false) : undefined}
      onError={() => setBroken(true)}
    />
  );
}
