import type { Channel, ThreadList, ThreadMember } from '@bonfire/contracts';
import type { RestClient } from '../rest-client';
import type {
  ArchivedThreadsQuery,
  CreateThreadFromMessageRequest,
  CreateThreadRequest,
  UpdateThreadRequest,
} from './types';

const THREAD = '/api/v1/channels/{channelId}';
const MEMBER = '/api/v1/channels/{channelId}/thread-members/{userId}';
const ME = '/api/v1/channels/{channelId}/thread-members/@me';

/**
 * Threads: channels (type `public_thread`/`private_thread`, `parentId` = their text channel, `thread` set)
 * whose messages, reactions, pins and read states go through `messages`, `reactions` and `readStates`
 * with the thread's id. Sending needs SEND_MESSAGES_IN_THREADS on the parent; a new message unarchives.
 */
export class ThreadsApi {
  constructor(private readonly rest: RestClient) {}

  /** A thread in a text channel: public (CREATE_PUBLIC_THREADS) or private (CREATE_PRIVATE_THREADS). */
  create(channelId: string, body: CreateThreadRequest): Promise<Channel> {
    return this.rest.post('/api/v1/channels/{channelId}/threads', { params: { channelId }, body });
  }

  /** A public thread started from a message (one per message; 409 THREAD_ALREADY_CREATED). */
  createFromMessage(
    channelId: string,
    messageId: string,
    body: CreateThreadFromMessageRequest,
  ): Promise<Channel> {
    return this.rest.post('/api/v1/channels/{channelId}/messages/{messageId}/threads', {
      params: { channelId, messageId },
      body,
    });
  }

  get(threadId: string): Promise<Channel> {
    return this.rest.get(THREAD, { params: { channelId: threadId } });
  }

  /** Rename, archive/unarchive, change the auto-archive period (owner or MANAGE_THREADS); lock (MANAGE_THREADS). */
  update(threadId: string, body: UpdateThreadRequest): Promise<Channel> {
    return this.rest.patch(THREAD, { params: { channelId: threadId }, body });
  }

  /** Deletes the thread and its messages (MANAGE_THREADS). */
  delete(threadId: string): Promise<void> {
    return this.rest.delete(THREAD, { params: { channelId: threadId } });
  }

  join(threadId: string): Promise<void> {
    return this.rest.put(ME, { params: { channelId: threadId } });
  }

  leave(threadId: string): Promise<void> {
    return this.rest.delete(ME, { params: { channelId: threadId } });
  }

  /** Adds a guild member who can see the parent channel. */
  addMember(threadId: string, userId: string): Promise<void> {
    return this.rest.put(MEMBER, { params: { channelId: threadId, userId } });
  }

  /** Removes a member (MANAGE_THREADS; yourself: as leave). */
  removeMember(threadId: string, userId: string): Promise<void> {
    return this.rest.delete(MEMBER, { params: { channelId: threadId, userId } });
  }

  members(threadId: string): Promise<ThreadMember[]> {
    return this.rest.get('/api/v1/channels/{channelId}/thread-members', { params: { channelId: threadId } });
  }

  /** The channel's active threads you can see. */
  active(channelId: string): Promise<ThreadList> {
    return this.rest.get('/api/v1/channels/{channelId}/threads/active', { params: { channelId } });
  }

  /** A page of the channel's archived threads you can see, newest archive first (`hasMore`). */
  archived(channelId: string, query: ArchivedThreadsQuery = {}): Promise<ThreadList> {
    return this.rest.get('/api/v1/channels/{channelId}/threads/archived', { params: { channelId }, query });
  }
}
