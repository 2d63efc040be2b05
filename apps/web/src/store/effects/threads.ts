import type { Channel, Message } from '@bonfire/sdk';
import { isUnarchiving } from '../slices/threads';
import { countThreadMessage, putThread, removeThread } from '../updates';
import { CATCH_UP_DELAY_MS, type StoreKernel } from './kernel';

/** Thread reply counts: each message counted once, and the server's count fetched when it can drift. */
export class ThreadEffects {
  /** Thread messages already counted in their thread's reply count (the send answer and the dispatch). */
  private readonly countedMessages = new Set<string>();

  constructor(private readonly kernel: StoreKernel) {}

  putThread(thread: Channel): void {
    this.kernel.update((state) => putThread(state, thread));
  }

  removeThread(threadId: string): void {
    this.kernel.update((state) => removeThread(state, threadId));
  }

  /** A message in a known thread adds to its reply count, once whichever of answer and dispatch comes first. */
  countNewMessage(message: Message): void {
    if (!this.kernel.getState().threads[message.channelId] || this.countedMessages.has(message.id)) return;
    this.countedMessages.add(message.id);
    this.kernel.update((state) => countThreadMessage(state, message.channelId, 1));
  }

  countRemovedMessage(threadId: string): void {
    this.kernel.update((state) => countThreadMessage(state, threadId, -1));
  }

  /** A `thread.created` / `thread.updated`. */
  receiveThread(thread: Channel): void {
    const was = this.kernel.getState().threads[thread.id];
    this.putThread(thread);
    // A message that unarchives a thread is counted in this event and again by its message.created:
    // the server's count is fetched once both are in.
    if (isUnarchiving(was, thread)) {
      setTimeout(() => {
        void Promise.resolve()
          .then(() => this.kernel.client.threads.get(thread.id))
          .then((fresh) => this.kernel.getState().threads[fresh.id] && this.putThread(fresh))
          .catch(() => undefined);
      }, CATCH_UP_DELAY_MS);
    }
  }
}
