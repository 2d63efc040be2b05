import { applyReadStates, isNewerThanKnown, markRead, noteMessage, unreadUpTo } from '../slices/read-states';
import { CATCH_UP_DELAY_MS, type StoreKernel } from './kernel';
import type { UserEffects } from './users';

/** Unread badges: mention counts from the API, acknowledgements, and a look at brand-new channels. */
export class ReadStateEffects {
  constructor(
    private readonly kernel: StoreKernel,
    private readonly users: UserEffects,
  ) {}

  async loadMentionCounts(): Promise<void> {
    try {
      const readStates = await this.kernel.client.readStates.list();
      this.kernel.update((state) => applyReadStates(state, readStates));
    } catch {
      // Badges then count from now on; nothing the person needs to act on.
    }
  }

  /** Marks the channel read up to its newest message (once the person has seen it). */
  async markRead(channelId: string): Promise<void> {
    const last = unreadUpTo(this.kernel.getState(), channelId);
    if (!last) return;
    this.kernel.update((state) => markRead(state, channelId, last));
    try {
      await this.kernel.client.readStates.ack(channelId, last);
    } catch {
      // The badge comes back at the next start; not worth interrupting the person.
    }
  }

  /**
   * Events of different topics have no order between them: the first message of a brand-new channel (a
   * DM opened by someone else) can be fanned out before this session joined the channel's room. A look
   * at the newest message shortly after the channel appears makes its unread state right.
   */
  catchUpNewChannel(channelId: string): void {
    setTimeout(() => {
      this.kernel.client.messages.history(channelId, { limit: 1 }).then(
        ([newest]) => {
          if (!newest || !isNewerThanKnown(this.kernel.getState(), channelId, newest.id)) return;
          void this.users.ensureAuthor(newest);
          this.kernel.update((state) => noteMessage(state, channelId, newest.id));
        },
        () => undefined,
      );
    }, CATCH_UP_DELAY_MS);
  }
}
