import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Addresses the safe fetcher may connect to without an allow-list entry: global unicast only. Everything
 * else is refused — private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local (169.254/16 with
 * the cloud metadata address 169.254.169.254, fe80::/10), CGNAT (100.64/10, Alibaba's 100.100.100.200
 * metadata), multicast, broadcast, unspecified, reserved and benchmarking ranges, and every IPv6 form that
 * can carry an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) whatever address it carries.
 */
const EXTRA_FORBIDDEN: readonly [Address, number][] = [
  // Cloud metadata services outside the ranges above (AWS IMDS over IPv6, Oracle's legacy address).
  [ipaddr.parse('fd00:ec2::254'), 128],
  [ipaddr.parse('192.0.0.192'), 32],
];

/** Why an address is refused (null when it is a public unicast address). */
export function forbiddenRange(address: string): string | null {
  let parsed: Address;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return 'not an IP address';
  }
  for (const [range, bits] of EXTRA_FORBIDDEN) {
    if (parsed.kind() === range.kind() && parsed.match(range, bits)) return 'metadata';
  }
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/** One allow-list entry: a range, and the one port it allows (null: the default ports). */
interface AllowEntry {
  range: [Address, number];
  port: number | null;
}

/**
 * Which addresses and ports the safe fetcher may connect to. Entries (e.g. EMBED_FETCH_ALLOW_CIDRS):
 * `203.0.113.0/24` or `10.1.2.3` (that range, on the default ports 80/443), `127.0.0.1:4567` or
 * `127.0.0.1/32:4567` (that range on that port only), `[::1]:4567` for IPv6 with a port. With no entries —
 * the production default — only public unicast addresses on the default ports are reachable, so a test
 * can allow exactly its own test server without opening the platform's services on loopback.
 */
export class AddressPolicy {
  private readonly entries: AllowEntry[];

  constructor(allow: readonly string[] = []) {
    this.entries = allow.map(parseAllowEntry);
  }

  /** Null when the fetcher may connect to `address` on `port`, else the reason it may not. */
  refusal(address: string, port: number, defaultPort: boolean): string | null {
    let parsed: Address;
    try {
      parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
    } catch {
      return `${address} is not an IP address`;
    }
    for (const entry of this.entries) {
      if (parsed.kind() !== entry.range[0].kind() || !parsed.match(entry.range)) continue;
      if (entry.port === null ? defaultPort : entry.port === port) return null;
    }
    if (!defaultPort) return `port ${port} is not allowed`;
    const range = forbiddenRange(address);
    return range === null ? null : `${address} is in a forbidden range (${range})`;
  }
}

export function parseAllowEntry(text: string): AllowEntry {
  const entry = text.trim();
  let rangeText = entry;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const v4WithPort = /^([\d.]+(?:\/\d+)?):(\d+)$/.exec(entry);
  if (bracketed) {
    rangeText = bracketed[1]!;
    port = bracketed[2] === undefined ? null : Number(bracketed[2]);
  } else if (v4WithPort) {
    rangeText = v4WithPort[1]!;
    port = Number(v4WithPort[2]);
  }
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65_535)) {
    throw new Error(`allow-list entry ${text}: bad port`);
  }
  try {
    const range = rangeText.includes('/')
      ? ipaddr.parseCIDR(rangeText)
      : ((parsed: Address): [Address, number] => [parsed, parsed.kind() === 'ipv4' ? 32 : 128])(
          ipaddr.parse(rangeText),
        );
    return { range, port };
  } catch {
    throw new Error(`allow-list entry ${text}: not an address, a CIDR range or either with :port`);
  }
}
