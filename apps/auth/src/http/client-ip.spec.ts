import { describe, expect, it } from 'vitest';
import { clientIpOf } from './client-ip';

const request = (forwarded: string | string[] | undefined, remoteAddress = '::ffff:127.0.0.1') =>
  ({
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    socket: { remoteAddress },
  }) as never;

describe('clientIpOf', () => {
  it('takes the entry the gateway appended (the last one), never what the client sent before it', () => {
    // The client sent "X-Forwarded-For: 203.0.113.7" and a gateway appended its peer (the chain it forwards).
    expect(clientIpOf(request('203.0.113.7, 198.51.100.4'))).toBe('198.51.100.4');
    expect(clientIpOf(request('1.1.1.1, 2.2.2.2, ::ffff:192.0.2.9'))).toBe('192.0.2.9');
    expect(clientIpOf(request(['203.0.113.7', '2001:db8::1']))).toBe('2001:db8::1');
    expect(clientIpOf(request('2001:db8::1'))).toBe('2001:db8::1');
  });

  it('falls back to the socket address when the header is missing or its last entry is not an IP', () => {
    expect(clientIpOf(request(undefined))).toBe('127.0.0.1');
    expect(clientIpOf(request('not-an-ip'))).toBe('127.0.0.1');
    expect(clientIpOf(request('203.0.113.7, junk'))).toBe('127.0.0.1');
    expect(clientIpOf(request('203.0.113.7,'))).toBe('127.0.0.1');
  });
});
