import { ERROR, type ErrorCodeOfStatus } from '@bonfire/contracts';
import { AppError, type ComponentLogger, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { SendLimitStore } from './send-limit.store';

const SEND_WINDOW_MS = 10_000;

/**
 * Slowmode (seconds between one user's messages in a channel) and the per-user send limit across
 * channels, kept in a SendLimitStore shared by every chat replica. If the store fails the send goes
 * through (availability over strictness, as the gateway's limits) and the failure is logged.
 */
@Injectable()
export class SendLimits {
  private readonly logger: ComponentLogger;

  constructor(
    private readonly store: SendLimitStore,
    @Inject(CHAT_CONFIG) private readonly config: Pick<ChatConfig, 'CHAT_SEND_LIMIT_PER_10S'>,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('send-limits');
  }

  /**
   * Throws 429 SLOWMODE or RATE_LIMITED (with Retry-After); otherwise records the send. `countSend: false`
   * only starts the slowmode wait: for a send already counted, checked again.
   */
  async consume(input: {
    userId: string;
    channelId: string;
    slowmodeSeconds: number;
    countSend?: boolean;
  }): Promise<void> {
    const slot = { channelId: input.channelId, userId: input.userId };
    try {
      if (input.slowmodeSeconds > 0) {
        const left = await this.store.startSlowmode(slot, input.slowmodeSeconds * 1000);
        if (left > 0) throw tooMany(ERROR.SLOWMODE, 'This channel is in slowmode.', left);
      }
      if (input.countSend === false) return;
      const window = await this.store.countSend(input.userId, SEND_WINDOW_MS);
      if (window.count > this.config.CHAT_SEND_LIMIT_PER_10S) {
        // The refused message must not start a slowmode wait.
        if (input.slowmodeSeconds > 0) await this.store.cancelSlowmode(slot);
        throw tooMany(ERROR.RATE_LIMITED, 'You are sending messages too quickly.', window.resetsInMs);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      this.logger.warn(`send limits unavailable, letting the message through: ${String(error)}`);
    }
  }

  /** Ends a slowmode wait started for a send that turned out not to be new (a repeated nonce). */
  async endSlowmode(slot: { userId: string; channelId: string }): Promise<void> {
    try {
      await this.store.cancelSlowmode(slot);
    } catch (error) {
      this.logger.warn(`send limits unavailable, the slowmode wait stays: ${String(error)}`);
    }
  }
}

function tooMany(code: ErrorCodeOfStatus<429>, message: string, leftMs: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(leftMs / 1000));
  return new AppError(code, `${message} Try again in ${retryAfter} s.`, {
    details: [{ code: 'retry_after', message: String(retryAfter) }],
    headers: { 'Retry-After': String(retryAfter) },
  });
}
