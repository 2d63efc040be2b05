import { ERROR } from '@bonfire/contracts';
import { isIP } from 'node:net';
import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../http/app-error';
import {
  type CallerIdentity,
  CLIENT_ADDRESS_HEADER,
  IDENTITY_HEADER,
  verifyClientAddress,
  verifyIdentity,
} from './internal-identity';

export const INTERNAL_IDENTITY_SECRET = Symbol('INTERNAL_IDENTITY_SECRET');
const PUBLIC_ROUTE = 'bonfire:public-route';

/** Marks a route that needs no caller identity (register, login, public previews). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

type RequestWithIdentity = Request & { identity?: CallerIdentity; clientAddress?: string };

/** The verified caller of this request (never null on a non-public route). */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CallerIdentity | undefined => {
    return context.switchToHttp().getRequest<RequestWithIdentity>().identity;
  },
);

/**
 * The client's address: the one the gateway signed (CLIENT_ADDRESS_HEADER), else the socket peer (a direct
 * call). X-Forwarded-For is never read, so whoever reaches a service directly cannot claim an address.
 */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<RequestWithIdentity>();
  return request.clientAddress ?? socketAddress(request);
});

function socketAddress(request: Pick<Request, 'socket'>): string {
  const ip = request.socket?.remoteAddress ?? 'unknown';
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/**
 * Global guard in every service behind the gateway: a route is refused with 401 unless it is @Public()
 * or carries a valid identity header signed by the gateway.
 */
@Injectable()
export class IdentityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(INTERNAL_IDENTITY_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<RequestWithIdentity>();
    const header = request.headers[IDENTITY_HEADER];
    const identity = verifyIdentity(this.secret, typeof header === 'string' ? header : undefined);
    if (identity) request.identity = identity;
    const address = request.headers[CLIENT_ADDRESS_HEADER];
    request.clientAddress =
      verifyClientAddress(this.secret, typeof address === 'string' ? address : undefined) ??
      socketAddress(request);
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic || identity) return true;
    throw new AppError(ERROR.UNAUTHORIZED, 'Authentication is required.');
  }
}
