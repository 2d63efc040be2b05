import type { Redis } from '@bonfire/platform';

export interface LimitRule {
  /** Stable name used in the Redis key and the RateLimit-Policy header. */
  name: string;
  /** Who is counted: an IP address or a user id. */
  subject: string;
  limit: number;
  windowSeconds: number;
}

export interface LimitDecision {
  allowed: boolean;
  /** The tightest rule: the one with the fewest requests left. */
  limit: number;
  remaining: number;
  resetSeconds: number;
  policy: string;
}

// Fixed windows, all rules of a request in one round trip. Counts are kept even when a request is refused,
// so hammering a closed window keeps it closed until it resets.
const SCRIPT = `
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
`;

/** Rate limits shared by every gateway replica through Redis. */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix = 'ratelimit',
  ) {}

  async check(rules: LimitRule[]): Promise<LimitDecision> {
    const keys = rules.map((rule) => {
      const window = Math.floor(Date.now() / 1000 / rule.windowSeconds);
      return `${this.keyPrefix}:${rule.name}:${rule.subject}:${window}`;
    });
    const raw = (await this.redis.eval(
      SCRIPT,
      keys.length,
      ...keys,
      ...rules.map((r) => r.windowSeconds),
    )) as number[];
    let tightest: LimitDecision | undefined;
    let allowed = true;
    rules.forEach((rule, index) => {
      const count = raw[index * 2]!;
      const ttl = raw[index * 2 + 1]!;
      const remaining = Math.max(0, rule.limit - count);
      if (count > rule.limit) allowed = false;
      const decision = {
        allowed: count <= rule.limit,
        limit: rule.limit,
        remaining,
        resetSeconds: ttl,
        policy: '',
      };
      const isTighter =
        !tightest ||
        (!decision.allowed && tightest.allowed) ||
        (decision.allowed === tightest.allowed && remaining < tightest.remaining);
      if (isTighter) tightest = decision;
    });
    const policy = rules
      .map((rule) => `${rule.limit};w=${rule.windowSeconds};name="${rule.name}"`)
      .join(', ');
    return { ...tightest!, allowed, policy };
  }
}
