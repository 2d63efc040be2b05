import { ERROR } from '@bonfire/contracts';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import {
  AppError,
  type ComponentLogger,
  ServiceLogger,
  signClientAddress,
  signIdentity,
  toAppError,
} from '@bonfire/platform';
import type { NextFunction, Request, Response } from 'express';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import type { GatewayConfig } from '../config';
import { RateLimiter, type LimitRule } from '../rate-limit/rate-limiter';
import { AccessTokenVerifier, type VerifiedCaller } from '../tokens/access-token.verifier';
import { trustedClient } from './client-address';
import { HttpProxy } from './http-proxy';
import { type ResolvedRoute, RoutingTable } from './routing-table';

/** Account routes that make no sense for a bot (password, sessions, applications, authorising bots). */
const BOT_FORBIDDEN_PREFIXES = ['/api/v1/auth/', '/api/v1/applications', '/api/v1/oauth2/'];

function assertBotAllowed(method: string, path: string): void {
  if (
    BOT_FORBIDDEN_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))
  ) {
    throw new AppError(ERROR.BOT_FORBIDDEN, `A bot cannot call ${method} ${path}.`);
  }
}

/**
 * The REST edge, for every path in the routing table: check the access token (unless the route is
 * public), apply the rate limits, then stream the request to the owning service with the verified
 * identity attached. Paths outside the table fall through to the gateway's own routes. The path is
 * canonical by now (the front door refused or normalised it), so what is matched here is what the
 * service routes.
 */
@Injectable()
export class EdgeMiddleware implements NestMiddleware {
  private readonly logger: ComponentLogger;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly table: RoutingTable,
    private readonly tokens: AccessTokenVerifier,
    private readonly limiter: RateLimiter,
    private readonly proxy: HttpProxy,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('edge');
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?', 1)[0]!;
    const route = this.table.resolve(req.method, path);
    if (!route) return next();
    res.locals['metricsRoute'] = `${route.prefix}/*`;
    this.handle(req, res, route).catch((error: unknown) => {
      const appError = toAppError(error);
      if (
        appError.status >= 500 &&
        appError.status !== 502 &&
        appError.status !== 504 &&
        appError.status !== 503
      ) {
        this.logger.error({ err: error }, 'edge failure');
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      for (const [name, value] of Object.entries(appError.headers ?? {})) res.setHeader(name, value);
      res.status(appError.status).json(appError.toBody());
    });
  }

  private async handle(req: Request, res: Response, route: ResolvedRoute): Promise<void> {
    const client = trustedClient(req, this.config.TRUST_PROXY_HOPS);
    const clientIp = client.ip;
    const identity = route.isPublic ? undefined : await this.tokens.verify(req.headers.authorization);
    if (identity?.bot) assertBotAllowed(req.method, req.originalUrl.split('?', 1)[0]!);
    await this.applyRateLimits(res, route, clientIp, identity);
    await this.proxy.forward(req, res, {
      target: route.target,
      path: req.originalUrl,
      service: route.service,
      clientIp,
      clientProto: client.proto,
      identityHeader: identity ? signIdentity(this.config.INTERNAL_IDENTITY_SECRET, identity) : undefined,
      clientAddressHeader: signClientAddress(this.config.INTERNAL_IDENTITY_SECRET, clientIp),
      maxBodyBytes: route.maxBodyBytes,
    });
  }

  private async applyRateLimits(
    res: Response,
    route: ResolvedRoute,
    clientIp: string,
    identity: VerifiedCaller | undefined,
  ): Promise<void> {
    const rules: LimitRule[] = [
      { name: 'ip', subject: clientIp, limit: this.config.RATE_LIMIT_IP_PER_MINUTE, windowSeconds: 60 },
    ];
    if (identity) {
      rules.push({
        name: 'user',
        subject: identity.userId,
        limit: this.config.RATE_LIMIT_USER_PER_MINUTE,
        windowSeconds: 60,
      });
    }
    for (const limit of route.limits) {
      rules.push({
        name: limit.name,
        subject:
          limit.by === 'user' && identity
            ? identity.userId
            : limit.by === 'id' && limit.id !== undefined
              ? `id:${limit.id}`
              : clientIp,
        limit: limit.limit,
        windowSeconds: limit.windowSeconds,
      });
    }
    let decision;
    try {
      decision = await this.limiter.check(rules);
    } catch (error) {
      // Redis down: serve rather than refuse everyone; readiness reports Redis meanwhile.
      this.logger.warn({ err: error }, 'rate limiter unavailable; request let through');
      return;
    }
    res.setHeader('RateLimit-Policy', decision.policy);
    res.setHeader('RateLimit-Limit', String(decision.limit));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    res.setHeader('RateLimit-Reset', String(decision.resetSeconds));
    if (!decision.allowed) {
      throw new AppError(ERROR.RATE_LIMITED, `Too many requests; try again in ${decision.resetSeconds} s.`, {
        headers: {
          'Retry-After': String(decision.resetSeconds),
        },
      });
    }
  }
}
