import { ERROR } from '@bonfire/contracts';
import type { CreatePushSubscription, PushSubscription } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import { invalidField } from '../guilds/guild-common';
import { endpointProblem, type PushEndpointPolicy } from './push-endpoint';
import { NotificationsRepository, type StoredPushSubscription } from './notifications.repository';
import { pushEndpointPolicy } from './web-push.sender';

function view(row: StoredPushSubscription): PushSubscription {
  return { id: row.id, endpoint: row.endpoint, createdAt: row.createdAt.toISOString() };
}

/** A user's browsers subscribed to Web Push: one row per endpoint, at most N per user. */
@Injectable()
export class PushSubscriptionsService {
  private readonly policy: PushEndpointPolicy;

  constructor(
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    private readonly repository: NotificationsRepository,
    private readonly transactions: ChatTransactions,
    private readonly ids: SnowflakeGenerator,
  ) {
    this.policy = pushEndpointPolicy(config);
  }

  async list(userId: string): Promise<PushSubscription[]> {
    return (await this.repository.pushSubscriptions(this.transactions.executor, userId)).map(view);
  }

  /**
   * Stores (or refreshes) the subscription. The endpoint must be https (http only where configured, never
   * in production) and not a private address literal; names are checked again on every send.
   */
  async subscribe(userId: string, input: CreatePushSubscription): Promise<PushSubscription> {
    const problem = endpointProblem(input.endpoint, this.policy);
    if (problem) throw invalidField('endpoint', problem.code, problem.message);
    const limit = this.config.CHAT_MAX_PUSH_SUBSCRIPTIONS_PER_USER;
    const saved = await this.transactions.run(async (trx) => {
      await this.repository.lockUser(trx, userId);
      const existing = await this.repository.ownsEndpoint(trx, userId, input.endpoint);
      if (!existing && (await this.repository.countPushSubscriptions(trx, userId)) >= limit) {
        throw new AppError(
          ERROR.TOO_MANY_PUSH_SUBSCRIPTIONS,
          `At most ${limit} push subscriptions per user; remove one first.`,
        );
      }
      return this.repository.savePushSubscription(trx, {
        id: this.ids.next(),
        userId,
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
      });
    });
    return view(saved);
  }

  /** Removes my subscription with this endpoint; 404 UNKNOWN_PUSH_SUBSCRIPTION when I have none. */
  async unsubscribe(userId: string, endpoint: string): Promise<void> {
    if (!(await this.repository.deletePushSubscription(this.transactions.executor, userId, endpoint))) {
      throw new AppError(ERROR.UNKNOWN_PUSH_SUBSCRIPTION, 'Unknown push subscription.');
    }
  }
}
