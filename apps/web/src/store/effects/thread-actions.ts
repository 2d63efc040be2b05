import type { ArchivedThreadsQuery, Channel, ThreadList, ThreadMember } from '@bonfire/sdk';
import type { StoreKernel } from './kernel';
import type { ThreadEffects } from './threads';

/** Thread requests the thread panels make; a thread the person creates or (un)archives is kept at once. */
export class ThreadActions {
  constructor(
    private readonly kernel: StoreKernel,
    private readonly threads: ThreadEffects,
  ) {}

  /** Starts a thread from a message and keeps it (its starter message shows it). */
  async createFromMessage(channelId: string, messageId: string, name: string): Promise<Channel> {
    const thread = await this.kernel.client.threads.createFromMessage(channelId, messageId, { name });
    this.threads.putThread(thread);
    return thread;
  }

  async setArchived(threadId: string, archived: boolean): Promise<Channel> {
    const thread = await this.kernel.client.threads.update(threadId, { archived });
    this.threads.putThread(thread);
    return thread;
  }

  /** A thread by id (an archived one, or one not in `ready`); the caller keeps it if still wanted. */
  get(threadId: string): Promise<Channel> {
    return this.kernel.client.threads.get(threadId);
  }

  members(threadId: string): Promise<ThreadMember[]> {
    return this.kernel.client.threads.members(threadId);
  }

  join(threadId: string): Promise<void> {
    return this.kernel.client.threads.join(threadId);
  }

  leave(threadId: string): Promise<void> {
    return this.kernel.client.threads.leave(threadId);
  }

  active(channelId: string): Promise<ThreadList> {
    return this.kernel.client.threads.active(channelId);
  }

  archived(channelId: string, query: ArchivedThreadsQuery): Promise<ThreadList> {
    return this.kernel.client.threads.archived(channelId, query);
  }
}
