import { memo, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import type { ClientMessage, GuildState } from '../app/store';
import { capitalise, describeError, formatDateTime, formatTime } from '../app/util';
import { AttachmentView } from '../uploads/AttachmentView';
import { Avatar } from '../ui/Avatar';
import { Dialog } from '../ui/Dialog';
import { notify } from '../ui/Toasts';
import { Markdown } from './Markdown';
import { parseInline, plainText } from './markdown';
import { Icon } from '../ui/Icon';

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '😢'];

export interface MessageItemProps {
  message: ClientMessage;
  /** Just jumped to (from search): shown marked for a moment. */
  highlighted?: boolean;
  index: number;
  first: boolean;
  guildState: GuildState | undefined;
  replyTo: ClientMessage | undefined;
  onReply: (message: ClientMessage) => void;
}

export const MessageItem = memo(function MessageItem({
  message,
  highlighted,
  index,
  first,
  guildState,
  replyTo,
  onReply,
}: MessageItemProps) {
  const store = useStore();
  const client = store.client;
  const me = useAppState((state) => state.me);
  const author = useAppState((state) => state.users[message.authorId]);
  const users = useAppState((state) => state.users);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.content);
  const [picking, setPicking] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const mine = message.authorId === me?.id;
  const confirmed = !message.pending && !message.failed;
  const member = guildState?.members[message.authorId];
  const name = member?.nickname ?? author?.displayName ?? author?.username ?? 'Unknown user';
  // The author's name takes the colour of their highest coloured role, as in the member list.
  const roleColor = guildState?.roles
    .filter((role) => role.color !== 0 && member?.roleIds.includes(role.id))
    .sort((a, b) => b.position - a.position)[0]?.color;
  const mentioned =
    !mine && (message.mentions.everyone || (me !== null && message.mentions.userIds.includes(me.id)));
  const canDelete = mine || guildState?.guild.ownerId === me?.id;
  const userName = (userId: string) => {
    const user = users[userId];
    if (!user) void store.ensureUser(userId);
    return guildState?.members[userId]?.nickname ?? user?.displayName ?? user?.username ?? 'unknown';
  };
  const roleName = (roleId: string) => guildState?.roles.find((role) => role.id === roleId)?.name ?? 'role';

  const react = async (emoji: string) => {
    setPicking(false);
    const existing = message.reactions.find((reaction) => reaction.emoji === emoji);
    try {
      if (existing?.me) await client.reactions.remove(message.channelId, message.id, emoji);
      else await client.reactions.add(message.channelId, message.id, emoji);
    } catch (error) {
      notify(capitalise(`the reaction could not be changed: ${describeError(error)}`));
    }
  };

  const saveEdit = async () => {
    const content = draft.trim();
    setEditing(false);
    if (content === message.content || content === '') return;
    try {
      await client.messages.edit(message.channelId, message.id, content);
    } catch (error) {
      notify(capitalise(`the message could not be edited: ${describeError(error)}`));
    }
  };

  const remove = async () => {
    setConfirmingDelete(false);
    try {
      await client.messages.delete(message.channelId, message.id);
    } catch (error) {
      notify(capitalise(`the message could not be deleted: ${describeError(error)}`));
    }
  };

  const retry = () => {
    if (!message.nonce) return;
    void store.sendMessage(
      message.channelId,
      { content: message.content, ...(message.replyToId ? { replyTo: message.replyToId } : {}) },
      message.nonce,
    );
  };

  const classes = [
    'message',
    first ? 'first' : '',
    mentioned ? 'mentioned' : '',
    message.pending ? 'pending' : '',
    message.failed ? 'failed' : '',
    highlighted ? 'highlighted' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <article
      className={classes}
      role="listitem"
      tabIndex={-1}
      data-index={index}
      data-message-id={confirmed ? message.id : undefined}
      aria-label={`${name}, ${formatDateTime(message.createdAt)}${message.pending ? ', sending' : ''}${message.failed ? ', not sent' : ''}`}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget || !confirmed) return;
        // preventDefault: focus moves to a text field within this keydown, which would receive the letter.
        if (event.key === 'r') {
          event.preventDefault();
          onReply(message);
        }
        if (event.key === 'e' && mine) {
          event.preventDefault();
          setEditing(true);
        }
      }}
    >
      {replyTo || message.replyToId ? (
        <div className="reply-preview">
          {replyTo
            ? `${userName(replyTo.authorId)}: ${plainText(parseInline(replyTo.content)).slice(0, 120)}`
            : 'Reply to an earlier message'}
        </div>
      ) : null}
      <div className="gutter">
        {first ? (
          <Avatar
            userId={message.authorId}
            name={name}
            size="large"
            imageUrl={author?.avatarFileId ? client.files.publicFileUrl(author.avatarFileId, 'small') : null}
          />
        ) : (
          <time dateTime={message.createdAt} aria-hidden="true">
            {formatTime(message.createdAt)}
          </time>
        )}
      </div>
      <div>
        {first ? (
          <div className="meta">
            <span
              className="author"
              style={roleColor ? { color: `#${roleColor.toString(16).padStart(6, '0')}` } : undefined}
            >
              {name}
            </span>
            <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
              {formatDateTime(message.createdAt)}
            </time>
          </div>
        ) : null}
        {editing ? (
          <div className="edit-box">
            <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
              Edit message
            </label>
            <textarea
              id={`edit-${message.id}`}
              value={draft}
              autoFocus
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  void saveEdit();
                }
                if (event.key === 'Escape') {
                  event.preventDefault();
                  setEditing(false);
                  setDraft(message.content);
                }
              }}
            />
            <div className="hint">Enter to save · Escape to cancel</div>
          </div>
        ) : message.content ? (
          <div className="content">
            <Markdown content={message.content} userName={userName} roleName={roleName} />
            {message.editedAt ? (
              <span className="edited" title={formatDateTime(message.editedAt)}>
                (edited)
              </span>
            ) : null}
          </div>
        ) : null}
        {message.attachments.length > 0 ? (
          <div className="attachments">
            {message.attachments.map((attachment) => (
              <AttachmentView key={attachment.id} attachment={attachment} />
            ))}
          </div>
        ) : null}
        {message.failed ? (
          <div className="message-error" role="alert">
            {message.failed}{' '}
            <button className="button link" onClick={retry}>
              Retry
            </button>{' '}
            <button
              className="button link"
              onClick={() => message.nonce && store.discardFailed(message.channelId, message.nonce)}
            >
              Discard
            </button>
          </div>
        ) : null}
        {message.reactions.length > 0 ? (
          <div className="reactions" role="group" aria-label="Reactions">
            {message.reactions.map((reaction) => (
              <button
                key={reaction.emoji}
                className="reaction"
                aria-pressed={reaction.me}
                aria-label={`${reaction.emoji} ${reaction.count} ${reaction.count === 1 ? 'reaction' : 'reactions'}${reaction.me ? ', including yours' : ''}`}
                onClick={() => void react(reaction.emoji)}
              >
                <span aria-hidden="true">{reaction.emoji}</span>
                <span aria-hidden="true">{reaction.count}</span>
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {confirmed && !editing ? (
        <div className="message-actions" role="toolbar" aria-label="Message actions">
          <button
            className="icon-button"
            aria-label="Add reaction"
            title="Add reaction"
            aria-expanded={picking}
            onClick={() => setPicking((open) => !open)}
          >
            <Icon name="smile" />
          </button>
          <button className="icon-button" aria-label="Reply" title="Reply" onClick={() => onReply(message)}>
            <Icon name="reply" />
          </button>
          {mine ? (
            <button
              className="icon-button"
              aria-label="Edit message"
              title="Edit"
              onClick={() => {
                setDraft(message.content);
                setEditing(true);
              }}
            >
              <Icon name="edit" />
            </button>
          ) : null}
          {canDelete ? (
            <button
              className="icon-button"
              aria-label="Delete message"
              title="Delete"
              onClick={() => setConfirmingDelete(true)}
            >
              <Icon name="trash" />
            </button>
          ) : null}
        </div>
      ) : null}
      {confirmingDelete ? (
        <Dialog title="Delete message" onClose={() => setConfirmingDelete(false)}>
          <p>Delete this message? This cannot be undone.</p>
          <div className="actions">
            <button className="button secondary" onClick={() => setConfirmingDelete(false)}>
              Cancel
            </button>
            <button className="button danger" onClick={() => void remove()}>
              Delete
            </button>
          </div>
        </Dialog>
      ) : null}
      {picking ? (
        <div className="emoji-picker" role="group" aria-label="Pick a reaction">
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              className="icon-button"
              aria-label={`React with ${emoji}`}
              onClick={() => void react(emoji)}
            >
              {emoji}
            </button>
          ))}
        </div>
      ) : null}
    </article>
  );
});
