import { describe, expect, it } from 'vitest';
import { checkedLookup, endpointProblem, isPublicAddress } from './push-endpoint';

const strict = { allowHttp: false, allowedPrivateHosts: new Set<string>() };

describe('push endpoint policy', () => {
  it.each([
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['224.0.0.1', false],
    ['not an address', false],
  ])('%s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('accepts https push services and refuses http, credentials and private literals', () => {
    expect(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', strict)).toBeNull();
    expect(endpointProblem('http://push.example.com/x', strict)?.code).toBe('insecure_url');
    expect(endpointProblem('ftp://push.example.com/x', { ...strict, allowHttp: true })?.code).toBe(
      'insecure_url',
    );
    expect(endpointProblem('https://user:pw@push.example.com/x', strict)?.code).toBe('invalid_url');
    expect(endpointProblem('https://127.0.0.1:9/x', strict)?.code).toBe('private_address');
    expect(endpointProblem('https://[::1]:9/x', strict)?.code).toBe('private_address');
    expect(endpointProblem('https://169.254.169.254/latest', strict)?.code).toBe('private_address');
    const tests = { allowHttp: true, allowedPrivateHosts: new Set(['127.0.0.1']) };
    expect(endpointProblem('http://127.0.0.1:9/x', tests)).toBeNull();
  });

  it('refuses a name resolving to a private address unless the host is allowed', async () => {
    const resolve = (policy: typeof strict) =>
      new Promise<string>((done) =>
        checkedLookup(policy)('localhost', { all: false }, (error, address) =>
          done(error ? String(error.code) : String(address)),
        ),
      );
    expect(await resolve(strict)).toBe('EPUSHADDRESS');
    expect(await resolve({ ...strict, allowedPrivateHosts: new Set(['localhost']) })).toMatch(/^(127\.|::1)/);
  });
});
