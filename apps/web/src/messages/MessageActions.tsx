import type { ClientMessage } from '../app/store';
import { Icon } from '../ui/Icon';

interface MessageActionsProps {
  message: ClientMessage;
  pickerOpen: boolean;
  /** Opens the reaction picker at the button, or closes it when open. */
  onTogglePicker: (anchor: DOMRect) => void;
  onReply: (message: ClientMessage) => void;
  onShowReactions: () => void;
  /** Each action below is offered only when its handler is given. */
  onCreateThread?: (message: ClientMessage) => void;
  onEdit?: () => void;
  onSuppressEmbeds?: () => void;
  onTogglePin?: () => void;
  onDelete?: () => void;
}

/** The toolbar shown on a sent message: react, reply, thread, edit, who reacted, embeds, pin, delete. */
export function MessageActions({
  message,
  pickerOpen,
  onTogglePicker,
  onReply,
  onShowReactions,
  onCreateThread,
  onEdit,
  onSuppressEmbeds,
  onTogglePin,
  onDelete,
}: MessageActionsProps) {
  return (
    <div className="message-actions" role="toolbar" aria-label="Message actions">
      <button
        className="icon-button"
        aria-label="Add reaction"
        title="Add reaction"
        aria-expanded={pickerOpen}
        aria-haspopup="dialog"
        onClick={(event) => onTogglePicker(event.currentTarget.getBoundingClientRect())}
      >
        <Icon name="smile" />
      </button>
      <button className="icon-button" aria-label="Reply" title="Reply" onClick={() => onReply(message)}>
        <Icon name="reply" />
      </button>
      {onCreateThread && !message.thread ? (
        <button
          className="icon-button"
          aria-label="Create thread"
          title="Create thread"
          aria-haspopup="dialog"
          onClick={() => onCreateThread(message)}
        >
          <Icon name="list" />
        </button>
      ) : null}
      {onEdit ? (
        <button className="icon-button" aria-label="Edit message" title="Edit" onClick={onEdit}>
          <Icon name="edit" />
        </button>
      ) : null}
      {message.reactions.length > 0 ? (
        <button
          className="icon-button"
          aria-label="Who reacted"
          title="Who reacted"
          aria-haspopup="dialog"
          onClick={onShowReactions}
        >
          <Icon name="list" />
        </button>
      ) : null}
      {onSuppressEmbeds ? (
        <button
          className="icon-button"
          aria-label="Remove embeds"
          title="Remove embeds"
          onClick={onSuppressEmbeds}
        >
          <Icon name="close" />
        </button>
      ) : null}
      {onTogglePin ? (
        <button
          className="icon-button"
          aria-label={message.pinned ? 'Unpin message' : 'Pin message'}
          title={message.pinned ? 'Unpin' : 'Pin'}
          onClick={onTogglePin}
        >
          <Icon name="pin" />
        </button>
      ) : null}
      {onDelete ? (
        <button className="icon-button" aria-label="Delete message" title="Delete" onClick={onDelete}>
          <Icon name="trash" />
        </button>
      ) : null}
    </div>
  );
}
