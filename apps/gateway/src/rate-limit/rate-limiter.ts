export interface LimitRule {
  /** Stable name used in the counter's key and the RateLimit-Policy header. */
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

/** One rule's counter after this request: its count in the window and the seconds until it expires. */
interface WindowCount {
  count: number;
  ttlSeconds: number;
}

/**
 * Fixed-window rate limits. A request is counted against all of its rules at once (atomically), and
 * counted even when it is refused, so hammering a closed window keeps it closed until it resets. A
 * window is the rule's `windowSeconds`-long slice of the clock; its counter expires `windowSeconds`
 * after its first request.
 */
export abstract class RateLimiter {
  /** Counts this request against every rule; refused when any rule is over its limit. */
  abstract check(rules: readonly LimitRule[]): Promise<LimitDecision>;
}

/** The counter of the rule's window that `nowMs` falls in. */
export function windowKey(rule: LimitRule, nowMs: number): string {
  const window = Math.floor(nowMs / 1000 / rule.windowSeconds);
  return `${rule.name}:${rule.subject}:${window}`;
}

/** The decision from each rule's counter after this request (`counts` in the order of `rules`). */
export function decide(rules: readonly LimitRule[], counts: readonly WindowCount[]): LimitDecision {
  let tightest: LimitDecision | undefined;
  let allowed = true;
  rules.forEach((rule, index) => {
    const { count, ttlSeconds } = counts[index]!;
    const remaining = Math.max(0, rule.limit - count);
    if (count > rule.limit) allowed = false;
    const decision = {
      allowed: count <= rule.limit,
      limit: rule.limit,
      remaining,
      resetSeconds: ttlSeconds,
      policy: '',
    };
    const isTighter =
      !tightest ||
      (!decision.allowed && tightest.allowed) ||
      (decision.allowed === tightest.allowed && remaining < tightest.remaining);
    if (isTighter) tightest = decision;
  });
  const policy = rules.map((rule) => `${rule.limit};w=${rule.windowSeconds};name="${rule.name}"`).join(', ');
  return { ...tightest!, allowed, policy };
}
