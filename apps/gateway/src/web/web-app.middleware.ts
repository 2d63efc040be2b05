import { ERROR } from '@bonfire/contracts';
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { AppError } from '@bonfire/platform';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';

/** Paths the gateway answers itself or proxies: never the web app, never the SPA fallback. */
const NON_WEB_PREFIXES = ['/api', '/realtime', '/health', '/metrics', '/.well-known'];

/** Vite puts every hashed build output here: its names change with its content, so it may be cached forever. */
const ASSETS_PREFIX = '/assets/';

/**
 * The policy of the web app's pages. Scripts only from the gateway's origin (no inline script, no eval),
 * no plugins, no framing. Images, media and connections also reach other origins over http(s)/ws(s):
 * attachments download from presigned object-store URLs, uploads PUT straight to the object store and
 * voice signaling runs on the voice node — addresses the gateway does not know.
 */
const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob: http: https:",
  "connect-src 'self' http: https: ws: wss:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function isWebPath(path: string): boolean {
  return !NON_WEB_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built web app (apps/web/dist): files as they are, hashed assets with an immutable
 * year-long cache, and index.html — never cached, so a new build is picked up at the next load — for
 * every other page path (the app routes in the browser). API, realtime, health and metrics paths pass
 * through untouched.
 */
@Injectable()
export class WebAppMiddleware implements NestMiddleware {
  private readonly distDir: string;
  private readonly indexFile: string;
  private readonly serveFiles: RequestHandler;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.distDir = resolve(config.WEB_DIST_DIR);
    this.indexFile = resolve(this.distDir, 'index.html');
    this.serveFiles = express.static(this.distDir, {
      index: false,
      redirect: false,
      fallthrough: true,
      dotfiles: 'ignore',
      setHeaders: (res, filePath) => {
        res.setHeader('X-Content-Type-Options', 'nosniff');
        if (filePath.startsWith(resolve(this.distDir, 'assets') + sep)) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        } else if (filePath === this.indexFile) {
          this.setPageHeaders(res);
        } else {
          res.setHeader('Cache-Control', 'no-cache');
        }
      },
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?', 1)[0]!;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isWebPath(path)) return next();
    // Nest mounts middleware on a path pattern, which can rewrite req.url; files are found by the full path.
    req.url = req.originalUrl;
    this.serveFiles(req, res, () => {
      if (path.startsWith(ASSETS_PREFIX) || looksLikeFile(path)) {
        // A missing file (a stale hashed asset, robots.txt…) must not turn into an HTML page the browser
        // would try to run or parse; page routes have no file extension.
        sendError(res, new AppError(ERROR.NOT_FOUND, `No web asset at ${path}.`));
        return;
      }
      this.sendIndex(res, next);
    });
  }

  private sendIndex(res: Response, next: NextFunction): void {
    if (!existsSync(this.indexFile)) {
      sendError(
        res,
        new AppError(
          ERROR.NOT_FOUND,
          'The web app is not built: run `npx nx run @bonfire/web:build` (or `npm start`), or set WEB_DIST_DIR.',
        ),
      );
      return;
    }
    this.setPageHeaders(res);
    res.sendFile(this.indexFile, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  }

  private setPageHeaders(res: Response): void {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
  }
}

function looksLikeFile(path: string): boolean {
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]{1,8}$/.test(lastSegment);
}

function sendError(res: Response, error: AppError): void {
  res.status(error.status).json(error.toBody());
}
