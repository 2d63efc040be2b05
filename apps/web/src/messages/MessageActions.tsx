import type { ClientMessage } from '../app/store';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';

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
      <IconButton
        label="Add reaction"
        expanded={pickerOpen}
        hasPopup="dialog"
        onClick={(event) => onTogglePicker(event.currentTarget.getBoundingClientRect())}
      >
        <Icon name="smile" />
      </IconButton>
      <IconButton label="Reply" onClick={() => onReply(message)}>
        <Icon name="reply" />
      </IconButton>
      {onCreateThread && !message.thread ? (
        <IconButton label="Create thread" hasPopup="dialog" onClick={() => onCreateThread(message)}>
          <Icon name="list" />
        </IconButton>
      ) : null}
      {onEdit ? (
        <IconButton label="Edit message" title="Edit" onClick={onEdit}>
          <Icon name="edit" />
        </IconButton>
      ) : null}
      {message.reactions.length > 0 ? (
        <IconButton label="Who reacted" hasPopup="dialog" onClick={onShowReactions}>
          <Icon name="list" />
        </IconButton>
      ) : null}
      {onSuppressEmbeds ? (
        <IconButton label="Remove embeds" onClick={onSuppressEmbeds}>
          <Icon name="close" />
        </IconButton>
      ) : null}
      {onTogglePin ? (
        <IconButton
          label={message.pinned ? 'Unpin message' : 'Pin message'}
          title={message.pinned ? 'Unpin' : 'Pin'}
          onClick={onTogglePin}
        >
          <Icon name="pin" />
        </IconButton>
      ) : null}
      {onDelete ? (
        <IconButton label="Delete message" title="Delete" onClick={onDelete}>
          <Icon name="trash" />
        </IconButton>
      ) : null}
    </div>
  );
}
