import { describe, expect, it } from 'vitest';
import { AddressPolicy, forbiddenRange, parseAllowEntry } from './address-policy';

describe('forbiddenRange', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.192', 'metadata'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::', '6to4'],
    ['2001::1', 'teredo'],
    ['[::1]', 'loopback'],
    ['not-an-ip', 'not an IP address'],
  ])('%s is refused (%s)', (address, range) => {
    expect(forbiddenRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '93.184.216.34', '1.1.1.1', '2606:4700::1111', '2a00:1450:4001:80b::200e'])(
    '%s is a public address',
    (address) => {
      expect(forbiddenRange(address)).toBeNull();
    },
  );
});

describe('AddressPolicy', () => {
  it('allows public addresses on default ports only', () => {
    const policy = new AddressPolicy();
    expect(policy.refusal('8.8.8.8', 443, true)).toBeNull();
    expect(policy.refusal('8.8.8.8', 8080, false)).toMatch(/port 8080/);
    expect(policy.refusal('127.0.0.1', 80, true)).toMatch(/loopback/);
  });

  it('an entry with a port allows exactly that address and port', () => {
    const policy = new AddressPolicy(['127.0.0.1:4567']);
    expect(policy.refusal('127.0.0.1', 4567, false)).toBeNull();
    expect(policy.refusal('127.0.0.1', 4568, false)).not.toBeNull();
    expect(policy.refusal('127.0.0.1', 80, true)).not.toBeNull();
    expect(policy.refusal('127.0.0.2', 4567, false)).not.toBeNull();
  });

  it('a CIDR entry without a port allows the range on default ports', () => {
    const policy = new AddressPolicy(['10.1.0.0/16', '[::1]:9000', '127.0.0.0/8:7000']);
    expect(policy.refusal('10.1.2.3', 80, true)).toBeNull();
    expect(policy.refusal('10.1.2.3', 8080, false)).not.toBeNull();
    expect(policy.refusal('10.2.0.1', 80, true)).not.toBeNull();
    expect(policy.refusal('::1', 9000, false)).toBeNull();
    expect(policy.refusal('127.3.4.5', 7000, false)).toBeNull();
    // An IPv4 entry never matches an IPv6 address (nor an IPv4-mapped one).
    expect(policy.refusal('::ffff:10.1.2.3', 80, true)).not.toBeNull();
  });

  it('refuses malformed entries', () => {
    expect(() => parseAllowEntry('localhost')).toThrow(/allow-list entry/);
    expect(() => parseAllowEntry('127.0.0.1:99999')).toThrow(/port/);
  });
});
