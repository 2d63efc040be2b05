import { ERROR } from '@bonfire/contracts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, type HealthRegistry, type MetricsService } from '@bonfire/platform';

interface InternalListener {
  url: string;
  close(): Promise<void>;
}

/**
 * The gateway's operations listener, apart from the public one: Prometheus metrics and readiness with
 * every check's details (what is down and why), for probes and scrapers inside the platform only.
 */
export async function startInternalListener(options: {
  host: string;
  port: number;
  health: HealthRegistry;
  metrics: MetricsService;
}): Promise<InternalListener> {
  const server = createServer((req, res) => {
    void answer(req, res, options).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, new AppError(ERROR.INTERNAL_ERROR, 'Internal error.').toBody());
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.host}:${port}`, close: () => closeServer(server) };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  options: { health: HealthRegistry; metrics: MetricsService },
): Promise<void> {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const path = (req.url ?? '/').split('?', 1)[0]!.replace(/\/$/, '') || '/';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendJson(
      res,
      405,
      new AppError(ERROR.METHOD_NOT_ALLOWED, `${req.method} is not allowed.`).toBody(),
    );
  }
  if (path === '/metrics') {
    const text = await options.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': options.metrics.registry.contentType });
    res.end(req.method === 'HEAD' ? undefined : text);
    return;
  }
  if (path === '/health/live') return sendJson(res, 200, { status: 'up' });
  if (path === '/health/ready') {
    const report = await options.health.readiness();
    return sendJson(res, report.ready ? 200 : 503, {
      status: report.ready ? 'up' : 'down',
      checks: report.checks,
    });
  }
  sendJson(res, 404, new AppError(ERROR.NOT_FOUND, `Nothing at ${path} on the internal port.`).toBody());
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
