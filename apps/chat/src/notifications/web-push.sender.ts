import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { NotificationCreated } from '@bonfire/contracts';
import { ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import webpush from 'web-push';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import { checkedLookup, endpointProblem, type PushEndpointPolicy } from './push-endpoint';
import { NotificationsRepository, type StoredPushSubscription } from './notifications.repository';

/** What a push carries (the service worker shows it; the client opens the channel on a click). */
interface PushPayload {
  type: 'notification';
  notification: NotificationCreated;
}

/** The push endpoint policy from the configuration (production: https only). */
export function pushEndpointPolicy(config: ChatConfig): PushEndpointPolicy {
  return {
    allowHttp: config.CHAT_WEB_PUSH_ALLOW_HTTP && config.NODE_ENV !== 'production',
    allowedPrivateHosts: new Set(
      (config.CHAT_WEB_PUSH_ALLOWED_PRIVATE_HOSTS ?? []).map((host) => host.toLowerCase()),
    ),
  };
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292): the `web-push` library encrypts the payload for the
 * subscription (RFC 8291, aes128gcm) and signs the VAPID header; the request itself goes out here, over a
 * connection whose address was checked (push-endpoint.ts), with a timeout. 404/410 from the push service
 * means the subscription is gone: it is deleted. Off (one info line) when no VAPID keys are configured.
 */
@Injectable()
export class WebPushSender implements OnModuleInit {
  private readonly logger;
  private readonly policy: PushEndpointPolicy;
  readonly enabled: boolean;

  constructor(
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    private readonly repository: NotificationsRepository,
    private readonly transactions: ChatTransactions,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('web-push');
    this.policy = pushEndpointPolicy(config);
    this.enabled =
      config.WEB_PUSH_VAPID_PUBLIC_KEY !== undefined &&
      config.WEB_PUSH_VAPID_PRIVATE_KEY !== undefined &&
      config.WEB_PUSH_VAPID_SUBJECT !== undefined;
  }

  onModuleInit(): void {
    if (!this.enabled) {
      this.logger.info(
        'Web Push is off: set WEB_PUSH_VAPID_PUBLIC_KEY, WEB_PUSH_VAPID_PRIVATE_KEY and WEB_PUSH_VAPID_SUBJECT to turn it on',
      );
    }
  }

  get publicKey(): string | null {
    return this.enabled ? this.config.WEB_PUSH_VAPID_PUBLIC_KEY! : null;
  }

  /** Pushes the notification to each of the user's subscriptions; failures are logged, never thrown. */
  async notify(notification: NotificationCreated): Promise<void> {
    if (!this.enabled) return;
    const subscriptions = await this.repository.pushSubscriptions(
      this.transactions.executor,
      notification.userId,
    );
    const payload: PushPayload = { type: 'notification', notification };
    await Promise.all(subscriptions.map((subscription) => this.send(subscription, payload)));
  }

  /** One push; returns the push service's status (0: not sent). */
  async send(subscription: StoredPushSubscription, payload: PushPayload): Promise<number> {
    const problem = endpointProblem(subscription.endpoint, this.policy);
    if (problem) {
      this.logger.warn({ subscriptionId: subscription.id, problem: problem.code }, 'push endpoint refused');
      return 0;
    }
    const details = webpush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: {
          subject: this.config.WEB_PUSH_VAPID_SUBJECT!,
          publicKey: this.config.WEB_PUSH_VAPID_PUBLIC_KEY!,
          privateKey: this.config.WEB_PUSH_VAPID_PRIVATE_KEY!,
        },
        TTL: 24 * 3600,
        contentEncoding: 'aes128gcm',
        urgency: 'high',
      },
    );
    try {
      const status = await this.post(
        details.endpoint,
        details.headers as Record<string, string>,
        details.body,
      );
      if (status === 404 || status === 410) {
        await this.repository.deletePushSubscriptionById(this.transactions.executor, subscription.id);
        this.logger.info({ subscriptionId: subscription.id, status }, 'push subscription gone: deleted');
      } else if (status < 200 || status >= 300) {
        this.logger.warn({ subscriptionId: subscription.id, status }, 'push service refused the push');
      }
      return status;
    } catch (error) {
      this.logger.warn({ subscriptionId: subscription.id, err: error }, 'push failed');
      return 0;
    }
  }

  private post(endpoint: string, headers: Record<string, string>, body: Buffer | null): Promise<number> {
    // A literal address is connected to without a lookup: endpointProblem checked it before.
    const url = new URL(endpoint);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
          lookup: checkedLookup(this.policy) as never,
          timeout: this.config.CHAT_WEB_PUSH_TIMEOUT_MS,
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('push request timed out')));
      outgoing.on('error', reject);
      outgoing.end(body ?? undefined);
    });
  }
}
