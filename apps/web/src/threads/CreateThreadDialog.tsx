import { useState } from 'react';
import { useStore } from '../app/hooks';
import type { ClientMessage } from '../app/store';
import { parseInline, plainText } from '../messages/markdown';
import { FormDialog } from '../ui/FormDialog';

/** Thread names: the server takes up to 200 characters; the default is the start of the message. */
const NAME_MAX = 100;

export function defaultThreadName(content: string): string {
  const text = plainText(parseInline(content)).replace(/\s+/g, ' ').trim();
  return (text || 'Thread').slice(0, NAME_MAX);
}

interface CreateThreadDialogProps {
  message: ClientMessage;
  onClose: () => void;
  /** The new thread's id: the panel opens it. */
  onCreated: (threadId: string) => void;
}

/** Names and starts a public thread from a message. */
export function CreateThreadDialog({ message, onClose, onCreated }: CreateThreadDialogProps) {
  const store = useStore();
  const [name, setName] = useState(() => defaultThreadName(message.content));

  const submit = async () => {
    const thread = await store.threadActions.createFromMessage(message.channelId, message.id, name.trim());
    onCreated(thread.id);
  };

  return (
    <FormDialog
      title="Create thread"
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Create thread"
      busyLabel="Creating…"
      canSubmit={name.trim() !== ''}
    >
      <div className="field">
        <label htmlFor="thread-name">Thread name</label>
        <input
          id="thread-name"
          value={name}
          maxLength={NAME_MAX}
          required
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
      </div>
    </FormDialog>
  );
}
