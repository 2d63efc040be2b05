import { describe, expect, it } from 'vitest';
import { signClientAddress, signIdentity, verifyClientAddress, verifyIdentity } from './internal-identity';

const secret = 'a-long-internal-secret-for-tests';
const identity = { userId: '123', sessionId: 's1' };

describe('internal identity header', () => {
  it('round-trips a signed identity', () => {
    expect(verifyIdentity(secret, signIdentity(secret, identity))).toEqual(identity);
  });

  it('rejects a header signed with another secret', () => {
    expect(verifyIdentity(secret, signIdentity('another-secret-entirely', identity))).toBeNull();
  });

  it('rejects a tampered payload', () => {
    const [version, , signature] = signIdentity(secret, identity).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', sid: 's1', iat: Date.now() })).toString(
      'base64url',
    );
    expect(verifyIdentity(secret, `${version}.${forged}.${signature}`)).toBeNull();
  });

  it('rejects a stale header and garbage', () => {
    const old = signIdentity(secret, identity, Date.now() - 5 * 60_000);
    expect(verifyIdentity(secret, old)).toBeNull();
    expect(verifyIdentity(secret, 'v1.nope')).toBeNull();
    expect(verifyIdentity(secret, undefined)).toBeNull();
  });
});

describe('client address header', () => {
  it('round-trips the address the gateway decided on', () => {
    expect(verifyClientAddress(secret, signClientAddress(secret, '2001:db8::7'))).toBe('2001:db8::7');
  });

  it('rejects another secret, a stale header, an identity header and garbage', () => {
    expect(verifyClientAddress(secret, signClientAddress('another-secret-entirely', '192.0.2.1'))).toBeNull();
    expect(
      verifyClientAddress(secret, signClientAddress(secret, '192.0.2.1', Date.now() - 5 * 60_000)),
    ).toBeNull();
    expect(verifyClientAddress(secret, signIdentity(secret, identity))).toBeNull();
    expect(verifyIdentity(secret, signClientAddress(secret, '192.0.2.1'))).toBeNull();
    expect(verifyClientAddress(secret, '192.0.2.1')).toBeNull();
  });
});
