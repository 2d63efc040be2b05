import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

interface TrustedClient {
  /** The client address: the socket's, or the one the nearest trusted proxy recorded. */
  ip: string;
  /** The scheme the client used: the socket's, or what the nearest trusted proxy says. */
  proto: 'http' | 'https';
}

function headerList(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function normalize(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/**
 * What the gateway trusts about the client. With `trustedHops` 0 the request headers are ignored
 * entirely (anyone can send X-Forwarded-For); with N proxies in front, each appends the address it saw,
 * so the client is the Nth entry from the end — entries before it were written by the client itself.
 */
export function trustedClient(req: IncomingMessage, trustedHops: number): TrustedClient {
  const socketIp = normalize(req.socket.remoteAddress ?? 'unknown');
  const socketProto = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  if (trustedHops === 0) return { ip: socketIp, proto: socketProto };
  const chain = headerList(req.headers['x-forwarded-for']);
  const forwarded = chain[chain.length - trustedHops];
  const ip = forwarded && isIP(normalize(forwarded)) ? normalize(forwarded) : socketIp;
  const nearestProto = headerList(req.headers['x-forwarded-proto']).at(-1)?.toLowerCase();
  const proto = nearestProto === 'https' || nearestProto === 'http' ? nearestProto : socketProto;
  return { ip, proto };
}
