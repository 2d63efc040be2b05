import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password-hasher';

const weak = { ARGON2_MEMORY_KIB: 8_192, ARGON2_TIME_COST: 1, ARGON2_PARALLELISM: 1 };
const standard = { ARGON2_MEMORY_KIB: 19_456, ARGON2_TIME_COST: 2, ARGON2_PARALLELISM: 1 };

describe('PasswordHasher (argon2id)', () => {
  it('hashes with argon2id and the configured parameters, and verifies', async () => {
    const hasher = new PasswordHasher(standard);
    const hash = await hasher.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hasher.verify(hash, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(hash, 'wrong horse battery')).toBe(false);
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
  });

  it('asks for a rehash when the parameters changed', async () => {
    const old = await new PasswordHasher(weak).hash('correct horse battery');
    const hasher = new PasswordHasher(standard);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'.repeat(8)))).toBe(false);
  });

  it('spends argon2 time on the dummy hash and always fails', async () => {
    const hasher = new PasswordHasher(standard);
    expect(await hasher.verifyDummy('anything at all')).toBe(false);
  });
});
