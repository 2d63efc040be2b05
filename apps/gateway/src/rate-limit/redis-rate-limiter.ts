import { type Redis, RedisScript } from '@bonfire/platform';
import { decide, type LimitDecision, type LimitRule, RateLimiter, windowKey } from './rate-limiter';

// All rules of a request in one round trip (atomic).
const COUNT_RULES = new RedisScript(`
local result = {}
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[i])
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, window) end
  local ttl = redis.call('TTL', key)
  if ttl < 0 then redis.call('EXPIRE', key, window); ttl = window end
  result[#result + 1] = count
  result[#result + 1] = ttl
end
return result
`);

/** Rate limits shared by every gateway replica through Redis. */
export class RedisRateLimiter extends RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix = 'ratelimit',
  ) {
    super();
  }

  async check(rules: readonly LimitRule[]): Promise<LimitDecision> {
    const now = Date.now();
    const keys = rules.map((rule) => `${this.keyPrefix}:${windowKey(rule, now)}`);
    const raw = (await COUNT_RULES.run(
      this.redis,
      keys,
      rules.map((rule) => rule.windowSeconds),
    )) as number[];
    return decide(
      rules,
      rules.map((_, index) => ({ count: raw[index * 2]!, ttlSeconds: raw[index * 2 + 1]! })),
    );
  }
}
