import { useEffect, useId, useState } from 'react';
import type { Channel } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import type { ClientMessage, GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { Composer } from '../messages/Composer';
import { MessageList } from '../messages/MessageList';
import { Icon } from '../ui/Icon';
import { notify } from '../ui/Toasts';
import { useUploads } from '../uploads/useUploads';
import { IconButton } from '../ui/IconButton';

interface ThreadPanelProps {
  threadId: string;
  guildState: GuildState | undefined;
  /** MANAGE_THREADS in the parent channel: archive any thread. */
  canManageThreads: boolean;
  canManageMessages: boolean;
  onClose: () => void;
}

/**
 * A thread beside its channel: name, state, its messages (the channel's list and composer with the thread
 * as the channel), join/leave, archive/unarchive. Messages and thread changes arrive live through the store.
 */
export function ThreadPanel({
  threadId,
  guildState,
  canManageThreads,
  canManageMessages,
  onClose,
}: ThreadPanelProps) {
  const store = useStore();
  const thread = useAppState((state) => state.threads[threadId]);
  const history = useAppState((state) => state.histories[threadId]);
  const me = useAppState((state) => state.me?.id);
  const lastId = useAppState((state) => state.lastMessageIds[threadId]);
  const [replyTo, setReplyTo] = useState<ClientMessage | null>(null);
  const [member, setMember] = useState<boolean | null>(null);
  const [missing, setMissing] = useState(false);
  const headingId = useId();
  const uploads = useUploads(threadId);

  // An archived thread (or one not in `ready`) is fetched once.
  useEffect(() => {
    if (thread) return;
    let cancelled = false;
    store.threadActions.get(threadId).then(
      (found) => !cancelled && store.putThread(found),
      () => !cancelled && setMissing(true),
    );
    return () => {
      cancelled = true;
    };
  }, [store, threadId, thread]);

  useEffect(() => {
    void store.openChannel(threadId);
  }, [store, threadId]);

  useEffect(() => {
    let cancelled = false;
    store.threadActions.members(threadId).then(
      (members) => !cancelled && setMember(members.some((entry) => entry.userId === me)),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [store, threadId, me, thread?.thread?.memberCount]);

  useEffect(() => {
    if (!history?.loaded) return;
    if (document.hasFocus()) void store.markRead(threadId);
  }, [store, threadId, lastId, history?.loaded]);

  const act = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      notify(capitalise(`the thread could not be ${what}: ${describeError(error)}`));
    }
  };

  const setArchived = (archived: boolean) =>
    act(archived ? 'archived' : 'unarchived', async () => {
      await store.threadActions.setArchived(threadId, archived);
    });
  const join = () =>
    act('joined', async () => {
      await store.threadActions.join(threadId);
      setMember(true);
    });
  const leave = () =>
    act('left', async () => {
      await store.threadActions.leave(threadId);
      setMember(false);
    });

  const name = thread?.name ?? 'Thread';
  const meta = thread?.thread;
  const canArchive = !!meta && (canManageThreads || meta.ownerId === me);

  return (
    <aside
      className="side-panel thread-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => event.key === 'Escape' && event.target === event.currentTarget && onClose()}
    >
      <div className="panel-header">
        <h2 id={headingId}>
          <Icon name="list" /> {name}
          {meta?.archived ? <span className="thread-archived">Archived</span> : null}
        </h2>
        <IconButton label="Close thread" onClick={onClose}>
          <Icon name="close" />
        </IconButton>
      </div>
      {missing && !thread ? (
        <div className="panel-body">
          <p role="alert">This thread does not exist or you cannot see it.</p>
        </div>
      ) : (
        <>
          <div className="thread-actions">
            {member === true ? (
              <button className="button secondary" onClick={() => void leave()}>
                Leave thread
              </button>
            ) : member === false ? (
              <button className="button secondary" onClick={() => void join()}>
                Join thread
              </button>
            ) : null}
            {canArchive ? (
              <button className="button secondary" onClick={() => void setArchived(!meta.archived)}>
                {meta.archived ? 'Unarchive' : 'Archive'}
              </button>
            ) : null}
            {meta ? (
              <span className="thread-count">
                {meta.memberCount} {meta.memberCount === 1 ? 'member' : 'members'}
              </span>
            ) : null}
          </div>
          <div className="channel-column">
            <MessageList
              channelId={threadId}
              channelLabel={`thread ${name}`}
              history={history}
              guildState={guildState}
              onReply={setReplyTo}
              canManageMessages={canManageMessages}
            />
            {thread ? (
              <ThreadComposer
                thread={thread}
                guildState={guildState}
                replyTo={replyTo}
                onCancelReply={() => setReplyTo(null)}
                uploads={uploads}
              />
            ) : null}
          </div>
        </>
      )}
    </aside>
  );
}

function ThreadComposer({
  thread,
  ...props
}: {
  thread: Channel;
  guildState: GuildState | undefined;
  replyTo: ClientMessage | null;
  onCancelReply: () => void;
  uploads: ReturnType<typeof useUploads>;
}) {
  return <Composer channel={thread} placeholder={`Message ${thread.name ?? 'thread'}`} {...props} />;
}
