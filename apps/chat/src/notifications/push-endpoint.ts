import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Where push requests may go: https (http only when allowed outside production), public addresses. */
export interface PushEndpointPolicy {
  allowHttp: boolean;
  /** Hosts (names or literal addresses, lower case) that may resolve to non-public addresses (tests). */
  allowedPrivateHosts: ReadonlySet<string>;
}

/** Why an endpoint URL is refused (a 400 field code), or null when its shape is acceptable. */
export function endpointProblem(
  endpoint: string,
  policy: PushEndpointPolicy,
): { code: string; message: string } | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { code: 'invalid_url', message: 'must be a URL' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    return { code: 'insecure_url', message: 'must be an https URL' };
  }
  if (url.username !== '' || url.password !== '') {
    return { code: 'invalid_url', message: 'must not carry credentials' };
  }
  const host = hostOf(url);
  if (isIP(host) !== 0 && !isPublicAddress(host) && !policy.allowedPrivateHosts.has(host)) {
    return { code: 'private_address', message: 'must not point to a private address' };
  }
  return null;
}

/** The URL's host without IPv6 brackets, lower case. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * Only ordinary public unicast addresses: not private, loopback, link-local (cloud metadata at
 * 169.254.169.254 included), unique-local, carrier-grade NAT, multicast, reserved or unspecified, also
 * when written as an IPv4-mapped IPv6 address.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request that resolves the name once and refuses the connection unless every
 * address it resolves to is public (or the host is allow-listed): the check and the connection use the
 * same addresses, so a name cannot resolve to a public address for the check and a private one after.
 */
export function checkedLookup(policy: PushEndpointPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = policy.allowedPrivateHosts.has(hostname.toLowerCase());
      const refused = addresses.find((entry) => !allowed && !isPublicAddress(entry.address));
      if (refused || addresses.length === 0) {
        const problem: NodeJS.ErrnoException = new Error(
          `push endpoint ${hostname} resolves to a non-public address`,
        );
        problem.code = 'EPUSHADDRESS';
        return callback(problem, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}
