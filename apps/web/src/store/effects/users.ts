import type { Message } from '@bonfire/sdk';
import { addFetchedUser, isKnownUser } from '../slices/session';
import type { StoreKernel } from './kernel';

/** Fetches public profiles (names and avatars for messages and members), each once. */
export class UserEffects {
  private readonly requests = new Map<string, Promise<void>>();

  constructor(private readonly kernel: StoreKernel) {}

  /** The author's profile, for a user's message (a webhook's message carries its own name and avatar). */
  ensureAuthor(message: Pick<Message, 'authorId' | 'webhookId'>): Promise<void> {
    return message.webhookId ? Promise.resolve() : this.ensureUser(message.authorId);
  }

  ensureUser(userId: string): Promise<void> {
    if (isKnownUser(this.kernel.getState(), userId)) return Promise.resolve();
    const inFlight = this.requests.get(userId);
    if (inFlight) return inFlight;
    const request = this.kernel.client.users
      .get(userId)
      .then((user) => this.kernel.update((state) => addFetchedUser(state, user)))
      .catch(() => {
        this.requests.delete(userId);
      });
    this.requests.set(userId, request);
    return request;
  }
}
