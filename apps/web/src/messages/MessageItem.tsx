import { memo, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import type { ClientMessage, GuildState } from '../app/store';
import { capitalise, describeError, formatDateTime, formatTime } from '../app/util';
import { AttachmentView } from '../uploads/AttachmentView';
import { Avatar } from '../ui/Avatar';
import { Dialog } from '../ui/Dialog';
import { notify } from '../ui/Toasts';
import { Markdown } from './Markdown';
import { EmbedList } from './EmbedView';
import { parseInline, plainText } from './markdown';
import { EmojiPicker } from './EmojiPicker';
import { ReactionsDialog } from './ReactionsDialog';
import { sameReaction } from '../emoji/emoji-store';
import { MessageActions } from './MessageActions';
import { MessageEditBox } from './MessageEditBox';
import { MessageReactions } from './MessageReactions';
import { ThreadSummary } from './ThreadSummary';
import { ProfilePopover } from '../profile/ProfilePopover';

const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '😢'];

interface MessageItemProps {
  message: ClientMessage;
  /** Just jumped to (from search): shown marked for a moment. */
  highlighted?: boolean;
  index: number;
  first: boolean;
  guildState: GuildState | undefined;
  replyTo: ClientMessage | undefined;
  onReply: (message: ClientMessage) => void;
  /** MANAGE_MESSAGES in this channel: delete anyone's message (and pin, in a guild). */
  canManageMessages?: boolean;
  /** Pin and unpin: MANAGE_MESSAGES in a guild channel, anyone in a DM. */
  canPin?: boolean;
  /** CREATE_PUBLIC_THREADS in a guild text channel: the "Create thread" action (absent: not offered). */
  onCreateThread?: (message: ClientMessage) => void;
  /** Opens the thread a message started ("N replies"). */
  onOpenThread?: (threadId: string) => void;
}

export const MessageItem = memo(function MessageItem({
  message,
  highlighted,
  index,
  first,
  guildState,
  replyTo,
  onReply,
  canManageMessages = false,
  canPin = false,
  onCreateThread,
  onOpenThread,
}: MessageItemProps) {
  const store = useStore();
  const me = useAppState((state) => state.me);
  const author = useAppState((state) => state.users[message.authorId]);
  const users = useAppState((state) => state.users);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.content);
  const [picking, setPicking] = useState<DOMRect | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [showingReactions, setShowingReactions] = useState(false);
  const [profile, setProfile] = useState<DOMRect | null>(null);

  const mine = message.authorId === me?.id;
  const confirmed = !message.pending && !message.failed;
  const member = guildState?.members[message.authorId];
  // A webhook's message shows the name and avatar it was posted with, and a BOT tag; it has no profile.
  const bot = message.author?.bot ? message.author : undefined;
  const name = bot
    ? bot.username
    : (member?.nickname ?? author?.displayName ?? author?.username ?? 'Unknown user');
  const avatarFileId = bot ? bot.avatar : author?.avatarFileId;
  // A bot user (an application's bot) has a profile and the same tag.
  const botUser = !bot && author?.bot === true;
  const showProfile = (event: { currentTarget: HTMLElement }) => {
    if (!bot) setProfile(event.currentTarget.getBoundingClientRect());
  };
  // The author's name takes the colour of their highest coloured role, as in the member list.
  const roleColor = guildState?.roles
    .filter((role) => role.color !== 0 && member?.roleIds.includes(role.id))
    .sort((a, b) => b.position - a.position)[0]?.color;
  const mentioned =
    !mine && (message.mentions.everyone || (me !== null && message.mentions.userIds.includes(me.id)));
  const canDelete = mine || canManageMessages || guildState?.guild.ownerId === me?.id;
  const userName = (userId: string) => {
    const user = users[userId];
    if (!user) void store.ensureUser(userId);
    return guildState?.members[userId]?.nickname ?? user?.displayName ?? user?.username ?? 'unknown';
  };
  const roleName = (roleId: string) => guildState?.roles.find((role) => role.id === roleId)?.name ?? 'role';

  const react = async (emoji: string) => {
    setPicking(null);
    const existing = message.reactions.find((reaction) => sameReaction(reaction.emoji, emoji));
    try {
      await store.messageActions.setReaction(message.channelId, message.id, emoji, !existing?.me);
    } catch (error) {
      notify(capitalise(`the reaction could not be changed: ${describeError(error)}`));
    }
  };

  const saveEdit = async () => {
    const content = draft.trim();
    setEditing(false);
    if (content === message.content || content === '') return;
    try {
      await store.messageActions.edit(message.channelId, message.id, content);
    } catch (error) {
      notify(capitalise(`the message could not be edited: ${describeError(error)}`));
    }
  };

  const remove = async () => {
    setConfirmingDelete(false);
    try {
      await store.messageActions.delete(message.channelId, message.id);
    } catch (error) {
      notify(capitalise(`the message could not be deleted: ${describeError(error)}`));
    }
  };

  // Link embeds: the author (or MANAGE_MESSAGES) may remove them (SUPPRESS_EMBEDS).
  const canSuppressEmbeds = (message.embeds?.length ?? 0) > 0 && (mine || canManageMessages);
  const suppressEmbeds = async () => {
    try {
      await store.messageActions.suppressEmbeds(message.channelId, message.id);
    } catch (error) {
      notify(capitalise(`the embeds could not be removed: ${describeError(error)}`));
    }
  };

  const togglePin = async () => {
    try {
      await store.messageActions.setPinned(message.channelId, message.id, !message.pinned);
    } catch (error) {
      notify(
        capitalise(
          `the message could not be ${message.pinned ? 'unpinned' : 'pinned'}: ${describeError(error)}`,
        ),
      );
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
            ? `${replyTo.author?.username ?? userName(replyTo.authorId)}: ${plainText(parseInline(replyTo.content)).slice(0, 120)}`
            : 'Reply to an earlier message'}
        </div>
      ) : null}
      <div className="gutter">
        {first ? (
          <button
            className="author-button"
            tabIndex={-1}
            aria-hidden="true"
            disabled={bot !== undefined}
            onClick={showProfile}
          >
            <Avatar
              userId={message.authorId}
              name={name}
              size="large"
              imageUrl={avatarFileId ? store.fileUrl(avatarFileId, 'small') : null}
            />
          </button>
        ) : (
          <time dateTime={message.createdAt} aria-hidden="true">
            {formatTime(message.createdAt)}
          </time>
        )}
      </div>
      <div>
        {first ? (
          <div className="meta">
            <button
              className="author-button"
              aria-label={bot ? `${name} (bot)` : `${name}${botUser ? ' (bot)' : ''}, show profile`}
              aria-haspopup={bot ? undefined : 'dialog'}
              disabled={bot !== undefined}
              onClick={showProfile}
            >
              <span
                className="author"
                style={
                  roleColor && !bot ? { color: `#${roleColor.toString(16).padStart(6, '0')}` } : undefined
                }
              >
                {name}
              </span>
            </button>
            {bot || botUser ? (
              <span className="bot-tag" aria-hidden="true">
                BOT
              </span>
            ) : null}
            <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
              {formatDateTime(message.createdAt)}
            </time>
          </div>
        ) : null}
        {editing ? (
          <MessageEditBox
            messageId={message.id}
            draft={draft}
            onDraftChange={setDraft}
            onSave={() => void saveEdit()}
            onCancel={() => {
              setEditing(false);
              setDraft(message.content);
            }}
          />
        ) : message.content ? (
          <div className="content">
            <Markdown content={message.content} userName={userName} roleName={roleName} />
            {message.editedAt ? (
              <span className="edited" title={formatDateTime(message.editedAt)}>
                (edited)
              </span>
            ) : null}
            {message.pinned ? <span className="edited">(pinned)</span> : null}
          </div>
        ) : null}
        {message.attachments.length > 0 ? (
          <div className="attachments">
            {message.attachments.map((attachment) => (
              <AttachmentView key={attachment.id} attachment={attachment} />
            ))}
          </div>
        ) : null}
        {message.embeds && message.embeds.length > 0 ? <EmbedList embeds={message.embeds} /> : null}
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
        {message.thread ? (
          <ThreadSummary thread={message.thread} onOpen={(threadId) => onOpenThread?.(threadId)} />
        ) : null}
        {message.reactions.length > 0 ? (
          <MessageReactions reactions={message.reactions} onToggle={(emoji) => void react(emoji)} />
        ) : null}
      </div>
      {confirmed && !editing ? (
        <MessageActions
          message={message}
          pickerOpen={picking !== null}
          onTogglePicker={(anchor) => setPicking((open) => (open ? null : anchor))}
          onReply={onReply}
          onShowReactions={() => setShowingReactions(true)}
          onCreateThread={onCreateThread}
          onEdit={
            mine
              ? () => {
                  setDraft(message.content);
                  setEditing(true);
                }
              : undefined
          }
          onSuppressEmbeds={canSuppressEmbeds ? () => void suppressEmbeds() : undefined}
          onTogglePin={canPin ? () => void togglePin() : undefined}
          onDelete={canDelete ? () => setConfirmingDelete(true) : undefined}
        />
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
        <EmojiPicker
          label="Pick a reaction"
          anchor={picking}
          quick={QUICK_REACTIONS}
          onPick={(emoji) => void react(emoji)}
          guildId={message.guildId}
          onPickCustom={(emoji) => void react(`${emoji.name}:${emoji.id}`)}
          onClose={() => setPicking(null)}
        />
      ) : null}
      {showingReactions && message.reactions.length > 0 ? (
        <ReactionsDialog message={message} onClose={() => setShowingReactions(false)} />
      ) : null}
      {profile ? (
        <ProfilePopover
          userId={message.authorId}
          guildState={guildState}
          anchor={profile}
          onClose={() => setProfile(null)}
        />
      ) : null}
    </article>
  );
});
