import { isIP } from 'node:net';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The client's IP as the gateway saw it. The gateway is the only way in and sets X-Forwarded-For, so its
 * first hop is the client; without it (direct calls in development) the socket address is used.
 */
export function clientIpOf(request: Pick<Request, 'headers' | 'socket'>): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const candidate = first && isIP(normalize(first)) ? first : (request.socket?.remoteAddress ?? 'unknown');
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
