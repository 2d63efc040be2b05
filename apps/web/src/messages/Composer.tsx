import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type Channel, createNonce, EmojisApi } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import type { ClientMessage, GuildState } from '../app/store';
import { formatBytes } from '../app/util';
import { Avatar } from '../ui/Avatar';
import type { Uploads } from '../uploads/useUploads';
import { type Candidate, encodeMentions } from './mentions';
import { Icon } from '../ui/Icon';
import { EmojiPicker } from './EmojiPicker';
import { IconButton } from '../ui/IconButton';

/** The server's limit on message content. */
const MAX_CONTENT_LENGTH = 4000;
/** A typing indicator lasts a few seconds on the others' screens; renew it this often while typing. */
const TYPING_RENEW_MS = 4000;
const MENTION_QUERY = /(^|\s)@([a-z0-9_.]{0,32})$/i;

interface ComposerProps {
  channel: Channel;
  guildState: GuildState | undefined;
  placeholder: string;
  replyTo: ClientMessage | null;
  onCancelReply: () => void;
  uploads: Uploads;
}

export function Composer({
  channel,
  guildState,
  placeholder,
  replyTo,
  onCancelReply,
  uploads,
}: ComposerProps) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const me = useAppState((state) => state.me);
  const typing = useAppState((state) => state.typing[channel.id]);
  const [content, setContent] = useState('');
  const [caret, setCaret] = useState(0);
  const [selected, setSelected] = useState(0);
  const [dismissedQuery, setDismissedQuery] = useState<string | null>(null);
  const [emojiAnchor, setEmojiAnchor] = useState<DOMRect | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once the text set by a completion or the emoji picker is in the field. Placed in
  // the same commit (a layout effect), never a frame later: a keystroke typed in between would land after
  // the moved caret (the mention test typed "look" and sent "ook…l" on a loaded machine).
  const pendingCaret = useRef<number | null>(null);
  const placeCaret = (position: number) => {
    pendingCaret.current = position;
  };
  useLayoutEffect(() => {
    const position = pendingCaret.current;
    const field = textareaRef.current;
    if (position === null || !field) return;
    pendingCaret.current = null;
    field.focus();
    field.setSelectionRange(position, position);
  });
  const fileInputRef = useRef<HTMLInputElement>(null);
  const lastTypingRef = useRef(0);
  const listId = useId();

  useEffect(() => {
    textareaRef.current?.focus();
  }, [channel.id, replyTo]);

  const candidates = useMemo<Candidate[]>(() => {
    const ids = guildState ? Object.keys(guildState.members) : channel.recipientIds;
    return ids
      .map((id) => users[id])
      .filter((user): user is NonNullable<typeof user> => !!user)
      .map((user) => ({
        id: user.id,
        username: user.username,
        name: guildState?.members[user.id]?.nickname ?? user.displayName ?? user.username,
      }));
  }, [guildState, channel.recipientIds, users]);

  const query = MENTION_QUERY.exec(content.slice(0, caret))?.[2];
  const suggestions =
    query === undefined || query === dismissedQuery
      ? []
      : candidates
          .filter(
            (candidate) =>
              candidate.username.toLowerCase().startsWith(query.toLowerCase()) ||
              candidate.name.toLowerCase().startsWith(query.toLowerCase()),
          )
          .slice(0, 8);
  const open = suggestions.length > 0;
  const active = open ? suggestions[Math.min(selected, suggestions.length - 1)] : undefined;

  const insertMention = (candidate: Candidate) => {
    const before = content
      .slice(0, caret)
      .replace(MENTION_QUERY, (_whole, space: string) => `${space}@${candidate.username} `);
    const next = before + content.slice(caret);
    setContent(next);
    setCaret(before.length);
    setSelected(0);
    placeCaret(before.length);
  };

  const send = () => {
    const text = content.trim();
    if (uploads.busy) return;
    const attachments = uploads.take();
    if (text === '' && attachments.length === 0) return;
    if ([...text].length > MAX_CONTENT_LENGTH) return;
    void store.sendMessage(
      channel.id,
      {
        content: encodeMentions(text, candidates),
        ...(replyTo ? { replyTo: replyTo.id } : {}),
        ...(attachments.length ? { attachments } : {}),
      },
      createNonce(),
    );
    setContent('');
    setCaret(0);
    onCancelReply();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        setSelected((current) => (current + delta + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && active) {
        event.preventDefault();
        insertMention(active);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedQuery(query ?? null);
        return;
      }
    }
    if (event.key === 'Escape' && replyTo) {
      event.preventDefault();
      onCancelReply();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  /** Puts an emoji from the picker where the caret is, and gives the text field focus back. */
  const insertEmoji = (emoji: string) => {
    setEmojiAnchor(null);
    const value = content.slice(0, caret) + emoji + content.slice(caret);
    const position = caret + emoji.length;
    onChange(value, position);
    placeCaret(position);
  };

  const onChange = (value: string, position: number) => {
    setContent(value);
    setCaret(position);
    setSelected(0);
    setDismissedQuery(null);
    const now = Date.now();
    if (value.trim() !== '' && now - lastTypingRef.current > TYPING_RENEW_MS) {
      lastTypingRef.current = now;
      // Best effort: a refused or unsent typing indicator is not worth telling anyone about.
      store.messageActions.startTyping(channel.id).catch(() => undefined);
    }
  };

  const typingNames = Object.keys(typing ?? {})
    .filter((userId) => userId !== me?.id)
    .map(
      (userId) =>
        guildState?.members[userId]?.nickname ??
        users[userId]?.displayName ??
        users[userId]?.username ??
        'Someone',
    );
  const typingText =
    typingNames.length === 0
      ? ''
      : typingNames.length === 1
        ? `${typingNames[0]} is typing…`
        : typingNames.length <= 3
          ? `${typingNames.join(', ')} are typing…`
          : 'Several people are typing…';
  const length = [...content.trim()].length;
  const tooLong = length > MAX_CONTENT_LENGTH;
  const replyName = replyTo
    ? (users[replyTo.authorId]?.displayName ?? users[replyTo.authorId]?.username ?? 'someone')
    : '';

  return (
    <div className="composer">
      {open ? (
        <ul className="autocomplete" id={listId} role="listbox" aria-label="Mention suggestions">
          {suggestions.map((candidate, index) => (
            <li
              key={candidate.id}
              id={`${listId}-${candidate.id}`}
              role="option"
              aria-selected={candidate === active}
              onMouseDown={(event) => {
                event.preventDefault();
                insertMention(candidate);
              }}
              onMouseEnter={() => setSelected(index)}
            >
              <Avatar userId={candidate.id} name={candidate.name} size="small" />
              <span>{candidate.name}</span>
              <span className="search-help">@{candidate.username}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {uploads.items.length > 0 ? (
        <ul className="pending-uploads" aria-label="Attachments">
          {uploads.items.map((item) => (
            <li key={item.key} className="upload-card">
              {item.previewUrl ? <img src={item.previewUrl} alt={`Preview of ${item.file.name}`} /> : null}
              <div className="filename" title={item.file.name}>
                {item.file.name}
              </div>
              <div className="search-help">{formatBytes(item.file.size)}</div>
              {item.status === 'uploading' ? (
                <progress max={1} value={item.progress} aria-label={`Uploading ${item.file.name}`} />
              ) : null}
              {item.status === 'done' ? <div className="search-help">Ready to send</div> : null}
              {item.error ? (
                <div className="field-error" role="alert">
                  {item.error}
                </div>
              ) : null}
              <button
                className="button link"
                onClick={() => uploads.remove(item.key)}
                aria-label={`Remove ${item.file.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {replyTo ? (
        <div className="replying">
          <span>
            Replying to <strong>{replyName}</strong>
          </span>
          <IconButton label="Cancel reply" onClick={onCancelReply}>
            <Icon name="close" size={16} />
          </IconButton>
        </div>
      ) : null}
      <div className="composer-box">
        <IconButton label="Upload a file" onClick={() => fileInputRef.current?.click()}>
          <Icon name="attach" />
        </IconButton>
        <input
          ref={fileInputRef}
          type="file"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Choose files to upload"
          onChange={(event) => {
            uploads.add([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        <textarea
          ref={textareaRef}
          rows={1}
          value={content}
          placeholder={placeholder}
          aria-label={placeholder}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={active ? `${listId}-${active.id}` : undefined}
          aria-invalid={tooLong}
          onChange={(event) => onChange(event.target.value, event.target.selectionStart)}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            const files = [...event.clipboardData.files];
            if (files.length > 0) {
              event.preventDefault();
              uploads.add(files);
            }
          }}
        />
        <IconButton
          label="Insert emoji"
          title="Emoji"
          expanded={emojiAnchor !== null}
          hasPopup="dialog"
          onClick={(event) => {
            const rect = event.currentTarget.getBoundingClientRect();
            setEmojiAnchor((open) => (open ? null : rect));
          }}
        >
          <Icon name="smile" />
        </IconButton>
        {emojiAnchor ? (
          <EmojiPicker
            label="Insert an emoji"
            anchor={emojiAnchor}
            onPick={insertEmoji}
            guildId={guildState?.guild.id ?? null}
            onPickCustom={(emoji) => insertEmoji(EmojisApi.markup(emoji))}
            onClose={() => setEmojiAnchor(null)}
          />
        ) : null}
        <IconButton
          label={uploads.busy ? 'Send (waiting for uploads)' : 'Send message'}
          title="Send"
          disabled={uploads.busy || tooLong}
          onClick={send}
        >
          <Icon name="send" />
        </IconButton>
      </div>
      {tooLong ? (
        <div className="field-error" role="alert">
          Messages can be at most {MAX_CONTENT_LENGTH} characters ({length} now).
        </div>
      ) : null}
      <div className="typing-indicator" aria-live="polite">
        {typingText}
      </div>
    </div>
  );
}
