import type { ClientMessage } from '../app/store';

/** "1 reply", "3 replies". */
export function replyCount(count: number): string {
  return `${count} ${count === 1 ? 'reply' : 'replies'}`;
}

interface ThreadSummaryProps {
  thread: NonNullable<ClientMessage['thread']>;
  onOpen: (threadId: string) => void;
}

/** The thread a message started, under the message: its name, "N replies", and whether it is archived. */
export function ThreadSummary({ thread, onOpen }: ThreadSummaryProps) {
  return (
    <button className="thread-summary" title="Open thread" onClick={() => onOpen(thread.id)}>
      <span className="visually-hidden">Thread: </span>
      <span className="thread-name">{thread.name}</span>
      <span className="visually-hidden">, </span>
      <span className="thread-count">{replyCount(thread.messageCount)}</span>
      {thread.archived ? (
        <>
          <span className="visually-hidden">, </span>
          <span className="thread-archived">Archived</span>
        </>
      ) : null}
    </button>
  );
}
