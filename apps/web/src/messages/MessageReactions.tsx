import type { ClientMessage } from '../app/store';
import { ReactionEmoji, reactionLabel } from '../emoji/ReactionEmoji';

interface MessageReactionsProps {
  reactions: ClientMessage['reactions'];
  /** Adds or removes the current user's reaction with this emoji. */
  onToggle: (emoji: string) => void;
}

/** The reactions under a message, one toggle button per emoji with its count. */
export function MessageReactions({ reactions, onToggle }: MessageReactionsProps) {
  return (
    <div className="reactions" role="group" aria-label="Reactions">
      {reactions.map((reaction) => (
        <button
          key={reaction.emoji}
          className="reaction"
          aria-pressed={reaction.me}
          aria-label={`${reactionLabel(reaction.emoji)} ${reaction.count} ${reaction.count === 1 ? 'reaction' : 'reactions'}${reaction.me ? ', including yours' : ''}`}
          onClick={() => onToggle(reaction.emoji)}
        >
          <span aria-hidden="true">
            <ReactionEmoji emoji={reaction.emoji} />
          </span>
          <span aria-hidden="true">{reaction.count}</span>
        </button>
      ))}
    </div>
  );
}
