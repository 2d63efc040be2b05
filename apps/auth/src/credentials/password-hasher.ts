import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { AUTH_CONFIG, type AuthConfig } from '../config';

interface Argon2Parameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * argon2id hashing. Parameters come from config (defaults: OWASP's minimum, m=19 MiB, t=2, p=1, which
 * keeps memory bounded at ~19 MiB per concurrent login while costing an attacker per guess what the
 * RFC 9106 settings do at far less RAM). Hashes are PHC strings, so old hashes keep verifying after the
 * parameters change and are upgraded on the next successful login (needsRehash).
 */
@Injectable()
export class PasswordHasher {
  private readonly parameters: Argon2Parameters;
  private dummyHash: Promise<string> | null = null;

  constructor(
    @Inject(AUTH_CONFIG)
    config: Pick<AuthConfig, 'ARGON2_MEMORY_KIB' | 'ARGON2_TIME_COST' | 'ARGON2_PARALLELISM'>,
  ) {
    this.parameters = {
      memoryCost: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_TIME_COST,
      parallelism: config.ARGON2_PARALLELISM,
    };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.parameters });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** True when the hash was made with other parameters (or another variant) than the current ones. */
  needsRehash(hash: string): boolean {
    try {
      return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, this.parameters);
    } catch {
      return true;
    }
  }

  /**
   * Spends the same argon2 time as a real check, for logins naming no account: the answer and its timing
   * must not tell whether the account exists. Always false.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
