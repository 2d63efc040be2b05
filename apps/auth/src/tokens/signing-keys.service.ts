import { generateKeyPairSync } from 'node:crypto';
import { type ComponentLogger, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { calculateJwkThumbprint, importPKCS8, type JWK } from 'jose';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { TransactionRunner } from '../database/transaction-runner';
import { KeyEncryption } from './key-encryption';
import { type SigningKeyRow, SigningKeysRepository } from './signing-keys.repository';

export const SIGNING_ALGORITHM = 'EdDSA';
/** How long a replica keeps using the key it loaded before looking for a newer one. */
const KEY_CACHE_MS = 60_000;
/** Clock skew a verifier may allow past `exp`. */
const CLOCK_SKEW_MS = 60_000;
const DAY_MS = 86_400_000;

interface ActiveSigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof importPKCS8>>;
  createdAt: Date;
  loadedAt: number;
}

/**
 * Ed25519 signing keys, made by the service and kept in its database with the private half encrypted.
 *
 * - The first key is made at boot; a key older than AUTH_KEY_ROTATION_DAYS is replaced by a new one on
 *   the next signing after that. Creation and rotation run in one transaction under a Postgres advisory
 *   lock, and a partial unique index allows one active key, so several replicas never race.
 * - Each replica caches the active key for KEY_CACHE_MS; after another replica rotates, it may sign with
 *   the retired key for up to that long. So the JWKS keeps a retired key for the access-token TTL plus
 *   that cache time plus clock skew: every token it signed can still be verified until it expires.
 */
@Injectable()
export class SigningKeysService implements OnApplicationBootstrap {
  private readonly logger: ComponentLogger;
  private readonly encryption: KeyEncryption;
  private active: ActiveSigningKey | null = null;
  private loading: Promise<ActiveSigningKey> | null = null;

  constructor(
    private readonly repository: SigningKeysRepository,
    private readonly transactions: TransactionRunner,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('signing-keys');
    this.encryption = new KeyEncryption(config.AUTH_KEY_ENCRYPTION_SECRET);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.activeKey();
  }

  /** The key that signs new tokens. */
  activeKey(): Promise<ActiveSigningKey> {
    const now = Date.now();
    if (this.active && now - this.active.loadedAt < KEY_CACHE_MS && !this.isDue(this.active.createdAt, now)) {
      return Promise.resolve(this.active);
    }
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /**
   * Replaces the active key with a new one (when due, or always with `force`: for operators after a
   * suspected leak, and for tests). The old key stays in the JWKS until its tokens have expired.
   */
  async rotate(options: { force?: boolean } = {}): Promise<ActiveSigningKey> {
    const generated = await this.generate();
    const row = await this.transactions.run(async (trx) => {
      await this.repository.lockForRotation(trx);
      const current = await this.repository.findActive(trx);
      if (current && !options.force && !this.isDue(current.createdAt, Date.now())) return current;
      if (current) await this.repository.retire(trx, current.kid, new Date());
      return this.repository.insert(trx, generated);
    });
    if (row.kid === generated.kid) this.logger.info(`signing key ${row.kid} is now active`);
    return this.remember(row);
  }

  /** Public keys verifiers should trust now: the active key and recently retired ones. */
  async publicKeys(): Promise<JWK[]> {
    const retention = this.config.ACCESS_TOKEN_TTL_SECONDS * 1000 + KEY_CACHE_MS + CLOCK_SKEW_MS;
    const rows = await this.repository.findPublishable(
      this.transactions.executor,
      new Date(Date.now() - retention),
    );
    return rows.map((row) => ({ ...row.publicJwk, kid: row.kid, alg: row.algorithm, use: 'sig' }));
  }

  private async load(): Promise<ActiveSigningKey> {
    const row = await this.repository.findActive(this.transactions.executor);
    if (!row || this.isDue(row.createdAt, Date.now())) return this.rotate();
    return this.remember(row);
  }

  private async remember(row: SigningKeyRow): Promise<ActiveSigningKey> {
    const pem = this.encryption.decrypt(row.privateKeyEncrypted, row.kid);
    this.active = {
      kid: row.kid,
      privateKey: await importPKCS8(pem, SIGNING_ALGORITHM),
      createdAt: row.createdAt,
      loadedAt: Date.now(),
    };
    return this.active;
  }

  private isDue(createdAt: Date, now: number): boolean {
    return now - createdAt.getTime() >= this.config.AUTH_KEY_ROTATION_DAYS * DAY_MS;
  }

  private async generate(): Promise<Omit<SigningKeyRow, 'createdAt' | 'retiredAt'>> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
    const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    return {
      kid,
      algorithm: SIGNING_ALGORITHM,
      publicJwk: { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x },
      privateKeyEncrypted: this.encryption.encrypt(pem, kid),
    };
  }
}
