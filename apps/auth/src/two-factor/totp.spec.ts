import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp, totpStep } from './totp';

// RFC 6238 Appendix B, the SHA-1 rows: seed "12345678901234567890", 8 digits, 30-second steps.
const SEED = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at T=%i the 8-digit SHA-1 code is %s', (seconds, code) => {
    expect(totp(SEED, seconds * 1000, 8)).toBe(code);
  });

  it('agrees with RFC 4226 Appendix D for the HOTP counters 0–9', () => {
    const codes = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(codes.map((_, counter) => hotp(SEED, counter))).toEqual(codes);
  });

  it('accepts the previous, current and next step and reports which one matched', () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    expect(matchTotp(SEED, hotp(SEED, step), now)).toBe(step);
    expect(matchTotp(SEED, hotp(SEED, step - 1), now)).toBe(step - 1);
    expect(matchTotp(SEED, hotp(SEED, step + 1), now)).toBe(step + 1);
    expect(matchTotp(SEED, hotp(SEED, step - 2), now)).toBeNull();
    expect(matchTotp(SEED, hotp(SEED, step + 2), now)).toBeNull();
    expect(matchTotp(SEED, '12345', now)).toBeNull();
    expect(matchTotp(SEED, 'abcdef', now)).toBeNull();
  });

  it('round-trips base32 (RFC 4648 test vectors)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(base32Decode(base32Encode(SEED))).toEqual(SEED);
  });

  it('builds the otpauth URI authenticator apps read', () => {
    const uri = new URL(otpauthUri(SEED, 'Bonfire', 'ada@example.com'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Bonfire:ada@example.com');
    expect(uri.searchParams.get('secret')).toBe(base32Encode(SEED));
    expect(uri.searchParams.get('issuer')).toBe('Bonfire');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});
