import { describe, expect, it } from 'vitest';
import { clientIpOf } from './client-ip';

const request = (forwarded: string | undefined, remoteAddress = '::ffff:127.0.0.1') =>
  ({
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    socket: { remoteAddress },
  }) as never;

describe('clientIpOf', () => {
  it('takes the first hop of X-Forwarded-For', () => {
    expect(clientIpOf(request('203.0.113.7, 10.0.0.1'))).toBe('203.0.113.7');
    expect(clientIpOf(request('2001:db8::1'))).toBe('2001:db8::1');
  });

  it('falls back to the socket address when the header is missing or not an IP', () => {
    expect(clientIpOf(request(undefined))).toBe('127.0.0.1');
    expect(clientIpOf(request('not-an-ip'))).toBe('127.0.0.1');
  });
});
