import { createHash } from 'node:crypto';
import { AppError } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { FailureCounterStore, type WindowState } from './failure-counter.store';

export type BruteForceLimits = Pick<
  AuthConfig,
  'LOGIN_MAX_FAILURES_PER_ACCOUNT' | 'LOGIN_MAX_FAILURES_PER_IP' | 'LOGIN_FAILURE_WINDOW_SECONDS'
>;

const PREFIX = 'auth:login-failures';

/**
 * A window is closed to further attempts once it holds `max` failures; the client may retry when it
 * ends. Returns the seconds to wait (at least 1), or 0 when attempts are allowed.
 */
export function retryAfterSeconds(state: WindowState, max: number): number {
  if (state.count < max) return 0;
  return Math.max(1, state.resetsInSeconds);
}

/**
 * Failed-login limits per account and per client IP (fixed windows in a FailureCounterStore). Checked before the
 * password is, so a locked account costs no argon2 time and reveals nothing: an account that does not
 * exist is counted under the login name it was tried with and locks the same way.
 */
@Injectable()
export class BruteForceService {
  constructor(
    private readonly store: FailureCounterStore,
    @Inject(AUTH_CONFIG) private readonly limits: BruteForceLimits,
  ) {}

  /** Throws 429 TOO_MANY_ATTEMPTS with Retry-After when the account or the IP is over its limit. */
  async assertAllowed(account: string, ip: string): Promise<void> {
    const [accountState, ipState] = await Promise.all([
      this.store.peek(accountKey(account)),
      this.store.peek(ipKey(ip)),
    ]);
    const wait = Math.max(
      retryAfterSeconds(accountState, this.limits.LOGIN_MAX_FAILURES_PER_ACCOUNT),
      retryAfterSeconds(ipState, this.limits.LOGIN_MAX_FAILURES_PER_IP),
    );
    if (wait > 0) {
      throw new AppError(429, 'TOO_MANY_ATTEMPTS', 'Too many failed attempts. Try again later.', undefined, {
        'Retry-After': String(wait),
      });
    }
  }

  async recordFailure(account: string, ip: string): Promise<void> {
    const window = this.limits.LOGIN_FAILURE_WINDOW_SECONDS;
    await Promise.all([
      this.store.increment(accountKey(account), window),
      this.store.increment(ipKey(ip), window),
    ]);
  }

  /** A successful login clears the account's failures (the IP's stay: one good account must not launder an IP). */
  async recordSuccess(account: string): Promise<void> {
    await this.store.reset(accountKey(account));
  }
}

// Hashed so arbitrary login strings make bounded, safe keys.
function accountKey(account: string): string {
  return `${PREFIX}:account:${createHash('sha256').update(account).digest('base64url')}`;
}

function ipKey(ip: string): string {
  return `${PREFIX}:ip:${ip}`;
}
