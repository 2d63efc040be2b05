import { parseCustomEmojiRef } from '@bonfire/sdk';
import { CustomEmoji } from './CustomEmoji';

/** A reaction's emoji: the unicode character, or a custom emoji (`name:id`) as its image. */
export function ReactionEmoji({ emoji }: { emoji: string }) {
  const custom = parseCustomEmojiRef(emoji);
  if (!custom) return <>{emoji}</>;
  return <CustomEmoji id={custom.id} name={custom.name} size="reaction" />;
}

/** How a reaction's emoji is read out: the unicode character, or `:name:` for a custom one. */
export function reactionLabel(emoji: string): string {
  const custom = parseCustomEmojiRef(emoji);
  return custom ? `:${custom.name}:` : emoji;
}
