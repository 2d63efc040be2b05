import { ERROR } from '@bonfire/contracts';
import { AppError, type HealthRegistry } from '@bonfire/platform';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GatewayConfig } from '../config';
import { canonicalPath } from './canonical-path';
import { trustedClient } from './client-address';
import { type DeclaredMethods, ROUTABLE_METHODS } from './declared-methods';

/**
 * Swagger UI (/api/docs): its own scripts and styles (it inlines styles), its document from this origin,
 * no framing. "Try it out" calls this origin only.
 */
const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface FrontDoorOptions {
  config: Pick<GatewayConfig, 'TRUST_PROXY_HOPS' | 'GATEWAY_HSTS_MAX_AGE_SECONDS' | 'GATEWAY_PUBLIC_HTTPS'>;
  methods: DeclaredMethods;
  health: HealthRegistry;
}

/**
 * The first handler of the public listener, before CORS, the web app, the edge and Nest's routes:
 * - hardening headers on every answer (nosniff; HSTS over TLS; a CSP on the API docs);
 * - the path made canonical (or refused with 400 INVALID_PATH), so every later decision sees one form;
 * - 405 METHOD_NOT_ALLOWED (with Allow where the API document knows the path) for methods no route
 *   declares;
 * - what the public may see of operations: /health/ready as a bare status; /metrics and readiness
 *   details live on the internal listener only.
 */
export function frontDoor(options: FrontDoorOptions): RequestHandler {
  const { config, methods, health } = options;
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const client = trustedClient(req, config.TRUST_PROXY_HOPS);
    if (
      config.GATEWAY_HSTS_MAX_AGE_SECONDS > 0 &&
      (client.proto === 'https' || config.GATEWAY_PUBLIC_HTTPS)
    ) {
      res.setHeader('Strict-Transport-Security', `max-age=${config.GATEWAY_HSTS_MAX_AGE_SECONDS}`);
    }

    const queryAt = req.url.indexOf('?');
    const rawPath = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
    const canonical = canonicalPath(rawPath);
    if (!canonical.ok) {
      return send(
        res,
        new AppError(ERROR.INVALID_PATH, `The request path is not accepted: ${canonical.reason}.`),
      );
    }
    if (canonical.path !== rawPath) {
      req.url = canonical.path + (queryAt === -1 ? '' : req.url.slice(queryAt));
      req.originalUrl = req.url;
    }
    const path = canonical.path;

    const allowed = methods.allowed(path);
    if (
      !ROUTABLE_METHODS.has(req.method) ||
      (allowed && req.method !== 'OPTIONS' && !allowed.includes(req.method))
    ) {
      return send(
        res,
        new AppError(ERROR.METHOD_NOT_ALLOWED, `${req.method} is not allowed on ${path}.`, {
          headers: allowed ? { Allow: allowed.join(', ') } : undefined,
        }),
      );
    }

    const lower = path.toLowerCase();
    if (lower === '/metrics' || lower.startsWith('/metrics/')) {
      return send(res, new AppError(ERROR.NOT_FOUND, 'Metrics are served on the internal port only.'));
    }
    if (
      (lower === '/health/ready' || lower === '/health/ready/') &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      void health.readiness().then(
        (report) => {
          res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'up' : 'down' });
        },
        (error: unknown) => next(error),
      );
      return;
    }
    if (lower === '/api/docs' || lower.startsWith('/api/docs/')) {
      res.setHeader('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
    }
    next();
  };
}

function send(res: Response, error: AppError): void {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res.status(error.status).json(error.toBody());
}
