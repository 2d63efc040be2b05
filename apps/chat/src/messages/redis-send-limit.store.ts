import { type Redis, RedisScript } from '@bonfire/platform';
import { SendLimitStore, type SendWindow, type SlowmodeSlot } from './send-limit.store';

// INCR a fixed window that starts with the first send; answers [count, milliseconds left].
const COUNT_SEND = new RedisScript(`
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`);

/** Send limits in Redis, shared by every chat replica. Keys live under `prefix` ('chat' in the service). */
export class RedisSendLimitStore extends SendLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'chat',
  ) {
    super();
  }

  async startSlowmode(slot: SlowmodeSlot, waitMs: number): Promise<number> {
    const key = this.slowmodeKey(slot);
    const set = await this.redis.set(key, '1', 'PX', waitMs, 'NX');
    if (set !== null) return 0;
    // The wait may have ended between the two commands (PTTL -2): then there is nothing left to wait.
    return Math.max(1, await this.redis.pttl(key));
  }

  async cancelSlowmode(slot: SlowmodeSlot): Promise<void> {
    await this.redis.del(this.slowmodeKey(slot));
  }

  async countSend(userId: string, windowMs: number): Promise<SendWindow> {
    const [count, left] = (await COUNT_SEND.run(
      this.redis,
      [`${this.prefix}:sends:${userId}`],
      [windowMs],
    )) as [number, number];
    return { count, resetsInMs: Math.max(0, left) };
  }

  private slowmodeKey(slot: SlowmodeSlot): string {
    return `${this.prefix}:slowmode:${slot.channelId}:${slot.userId}`;
  }
}
