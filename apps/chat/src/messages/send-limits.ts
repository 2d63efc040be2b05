import { AppError, InjectRedis, type Redis } from '@bonfire/platform';
import { COMMON_ERROR_CODES } from '@bonfire/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';

export const SEND_LIMIT_ERRORS = {
  slowmode: 'SLOWMODE',
  rateLimited: COMMON_ERROR_CODES.rateLimited,
} as const;

const SEND_WINDOW_MS = 10_000;

// INCR a fixed window that starts with the first send; answers [count, milliseconds left].
const COUNT_SEND = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

/**
 * Slowmode (seconds between one user's messages in a channel) and the per-user send limit across
 * channels, in Redis so every chat replica enforces the same budget. If Redis fails the send goes
 * through (availability over strictness, as the gateway's limits) and the failure is logged.
 */
@Injectable()
export class SendLimits {
  private readonly logger = new Logger(SendLimits.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
  ) {}

  /** Throws 429 SLOWMODE or RATE_LIMITED (with Retry-After); otherwise records the send. */
  async consume(input: { userId: string; channelId: string; slowmodeSeconds: number }): Promise<void> {
    const slowmodeKey = `chat:slowmode:${input.channelId}:${input.userId}`;
    try {
      if (input.slowmodeSeconds > 0) {
        const set = await this.redis.set(slowmodeKey, '1', 'PX', input.slowmodeSeconds * 1000, 'NX');
        if (set === null) {
          const left = await this.redis.pttl(slowmodeKey);
          throw tooMany(SEND_LIMIT_ERRORS.slowmode, 'This channel is in slowmode.', left);
        }
      }
      const [count, left] = (await this.redis.eval(
        COUNT_SEND,
        1,
        `chat:sends:${input.userId}`,
        String(SEND_WINDOW_MS),
      )) as [number, number];
      if (count > this.config.CHAT_SEND_LIMIT_PER_10S) {
        // The refused message must not start a slowmode wait.
        if (input.slowmodeSeconds > 0) await this.redis.del(slowmodeKey);
        throw tooMany(SEND_LIMIT_ERRORS.rateLimited, 'You are sending messages too quickly.', left);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      this.logger.warn(`send limits unavailable, letting the message through: ${String(error)}`);
    }
  }
}

function tooMany(code: string, message: string, leftMs: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(leftMs / 1000));
  return new AppError(
    429,
    code,
    `${message} Try again in ${retryAfter} s.`,
    [{ code: 'retry_after', message: String(retryAfter) }],
    { 'Retry-After': String(retryAfter) },
  );
}
