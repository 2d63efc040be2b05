import { ERROR } from '@bonfire/contracts';
import { createHash } from 'node:crypto';
import { AppError } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { FailureCounterStore, type WindowState } from './failure-counter.store';

type BruteForceLimits = Pick<
  AuthConfig,
  | 'LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS'
  | 'LOGIN_BACKOFF_BASE_SECONDS'
  | 'LOGIN_BACKOFF_MAX_SECONDS'
  | 'LOGIN_MAX_FAILURES_PER_IP'
  | 'LOGIN_MAX_FAILURES_PER_ACCOUNT'
  | 'LOGIN_FAILURE_WINDOW_SECONDS'
  | 'LOGIN_FAILURE_KEY_PREFIX'
>;

/**
 * A window is closed to further attempts once it holds `max` failures; the client may retry when it
 * ends. Returns the seconds to wait (at least 1), or 0 when attempts are allowed.
 */
export function retryAfterSeconds(state: WindowState, max: number): number {
  if (state.count < max) return 0;
  return Math.max(1, state.resetsInSeconds);
}

/**
 * The wait after the `failures`-th failure of one account from one address: none before the allowance is
 * used up, then the base wait, doubled by each further failure, up to the maximum.
 */
export function backoffSeconds(failures: number, limits: BruteForceLimits): number {
  const beyond = failures - limits.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS;
  if (beyond < 0) return 0;
  return Math.min(
    limits.LOGIN_BACKOFF_MAX_SECONDS,
    limits.LOGIN_BACKOFF_BASE_SECONDS * 2 ** Math.min(beyond, 30),
  );
}

/**
 * Failed-login limits, checked before the password is, so a refused attempt costs no argon2 time and
 * reveals nothing (an account that does not exist is counted under the login name it was tried with).
 *
 * - Per (account, address): a few free failures, then each further one blocks that pair for twice as
 *   long. This is the everyday guard, and it cannot be turned against the owner: an attacker hammering
 *   the account from one address never blocks the right password from another address.
 * - Per address, across accounts: a ceiling on the failures one address may make in a window, so trying
 *   many accounts (or many passwords with fresh login names) from one place stops.
 * - Per account, across addresses: a safety net against guessing from very many addresses at once. It
 *   blocks every address, owner included, so its default is high (1000 per 15 min): reaching it takes
 *   hundreds of addresses, far beyond anyone typing a wrong password, and it bounds a botnet's guesses.
 */
@Injectable()
export class BruteForceService {
  constructor(
    private readonly store: FailureCounterStore,
    @Inject(AUTH_CONFIG) private readonly limits: BruteForceLimits,
  ) {}

  private accountKey(account: string): string {
    return `${this.limits.LOGIN_FAILURE_KEY_PREFIX}:account:${hashOf(account)}`;
  }

  private pairKey(account: string, ip: string): string {
    return `${this.limits.LOGIN_FAILURE_KEY_PREFIX}:pair:${hashOf(account)}:${ip}`;
  }

  private ipKey(ip: string): string {
    return `${this.limits.LOGIN_FAILURE_KEY_PREFIX}:ip:${ip}`;
  }

  /** Throws 429 TOO_MANY_ATTEMPTS with Retry-After while the pair is backing off or a ceiling is reached. */
  async assertAllowed(account: string, ip: string): Promise<void> {
    const [pairBlock, ipState, accountState] = await Promise.all([
      this.store.blockedFor(this.pairKey(account, ip)),
      this.store.peek(this.ipKey(ip)),
      this.store.peek(this.accountKey(account)),
    ]);
    const wait = Math.max(
      pairBlock,
      retryAfterSeconds(ipState, this.limits.LOGIN_MAX_FAILURES_PER_IP),
      retryAfterSeconds(accountState, this.limits.LOGIN_MAX_FAILURES_PER_ACCOUNT),
    );
    if (wait > 0) {
      throw new AppError(ERROR.TOO_MANY_ATTEMPTS, 'Too many failed attempts. Try again later.', {
        headers: {
          'Retry-After': String(wait),
        },
      });
    }
  }

  async recordFailure(account: string, ip: string): Promise<void> {
    const window = this.limits.LOGIN_FAILURE_WINDOW_SECONDS;
    const pair = this.pairKey(account, ip);
    const [pairState] = await Promise.all([
      this.store.increment(pair, window),
      this.store.increment(this.ipKey(ip), window),
      this.store.increment(this.accountKey(account), window),
    ]);
    const wait = backoffSeconds(pairState.count, this.limits);
    if (wait > 0) await this.store.block(pair, wait);
  }

  /**
   * A successful login clears that address's failures on the account. The address's own counter stays (one
   * good account must not launder an address), and so does the account-wide one (the owner logging in does
   * not make a guessing campaign against the account any less of one).
   */
  async recordSuccess(account: string, ip: string): Promise<void> {
    await this.store.reset(this.pairKey(account, ip));
  }
}

// Hashed so arbitrary login strings make bounded, safe keys.
function hashOf(account: string): string {
  return createHash('sha256').update(account).digest('base64url');
}
