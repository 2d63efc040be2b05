import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { trustedClient } from './client-address';

const request = (headers: Record<string, string>, remoteAddress = '::ffff:10.0.0.5', encrypted = false) =>
  ({ headers, socket: { remoteAddress, encrypted } }) as unknown as IncomingMessage;

describe('trustedClient', () => {
  it('with no trusted hop, ignores every forwarding header the client sends', () => {
    const spoofed = request({ 'x-forwarded-for': '198.51.100.1', 'x-forwarded-proto': 'https' });
    expect(trustedClient(spoofed, 0)).toEqual({ ip: '10.0.0.5', proto: 'http' });
    expect(trustedClient(request({}, '2001:db8::1', true), 0)).toEqual({ ip: '2001:db8::1', proto: 'https' });
  });

  it('with N trusted hops, takes the Nth address from the end, never one the client wrote before it', () => {
    const chain = request({
      'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.2',
      'x-forwarded-proto': 'https',
    });
    expect(trustedClient(chain, 1)).toEqual({ ip: '10.0.0.2', proto: 'https' });
    expect(trustedClient(chain, 2).ip).toBe('203.0.113.7');
  });

  it('falls back to the socket when the chain is shorter than the hops or not an address', () => {
    expect(trustedClient(request({ 'x-forwarded-for': '203.0.113.7' }), 2).ip).toBe('10.0.0.5');
    expect(trustedClient(request({ 'x-forwarded-for': 'not-an-ip' }), 1).ip).toBe('10.0.0.5');
    expect(trustedClient(request({ 'x-forwarded-proto': 'gopher' }), 1).proto).toBe('http');
  });
});
