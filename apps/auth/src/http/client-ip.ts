import { isIP } from 'node:net';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The client's address as the gateway asserts it. The gateway is the only way in: it decides the client
 * address itself (from its socket, or from the proxies TRUST_PROXY_HOPS tells it to trust) and puts it LAST
 * in X-Forwarded-For (it replaces the client's chain with that one entry; earlier gateways appended it).
 * Anything before the last entry is what the client typed, so only the last entry is used. Without the
 * header (direct calls in development) the socket address is used.
 */
export function clientIpOf(request: Pick<Request, 'headers' | 'socket'>): string {
  const forwarded = request.headers['x-forwarded-for'];
  const chain = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
  const last = chain?.split(',').at(-1)?.trim();
  const candidate = last && isIP(normalize(last)) ? last : (request.socket?.remoteAddress ?? 'unknown');
  return normalize(candidate);
}

function normalize(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  clientIpOf(context.switchToHttp().getRequest<Request>()),
);

export const UserAgent = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const agent = context.switchToHttp().getRequest<Request>().headers['user-agent'];
  return agent ? agent.slice(0, 128) : null;
});
