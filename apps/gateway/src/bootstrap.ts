import { ERROR } from '@bonfire/contracts';
import type { Server } from 'node:http';
import {
  ensureDependencies,
  HealthRegistry,
  loadConfig,
  MetricsService,
  startService,
  type RunningService,
} from '@bonfire/platform';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import compression from 'compression';
import { GatewayModule } from './app.module';
import { gatewayConfigSchema } from './config';
import { loadOpenApiDocument } from './openapi/openapi.module';
import { GatewayPeers } from './realtime/gateway-peers';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';
import { RealtimeServer } from './realtime/realtime.server';
import { DeclaredMethods } from './routing/declared-methods';
import { frontDoor } from './routing/front-door';
import { startInternalListener } from './routing/internal-listener';

const EXPOSED_HEADERS = [
  'x-request-id',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Retry-After',
];

export interface RunningGateway extends RunningService {
  /** The internal listener (GATEWAY_INTERNAL_HOST/PORT): /metrics and detailed /health/ready. */
  internalUrl: string;
}

export async function startGateway(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningGateway> {
  const config = loadConfig('gateway', gatewayConfigSchema, environment);
  await ensureDependencies(config);
  const handleSignals = options.handleSignals ?? true;
  const openApiDocument = loadOpenApiDocument();
  const running = await startService({
    name: 'gateway',
    module: GatewayModule.register(config),
    host: config.GATEWAY_HOST,
    port: config.GATEWAY_PORT,
    // The gateway streams request bodies through to services; it parses none itself.
    jsonBodyLimit: false,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    keepAliveTimeoutMs: config.GATEWAY_KEEP_ALIVE_TIMEOUT_MS,
    handleSignals,
    configure: (app) => {
      // The realtime edge's socket.io platform (both shapes: the standalone one starts the gateway here too).
      app.useWebSocketAdapter(new RealtimeIoAdapter(app, config, app.get(GatewayPeers)));
      app.use(
        frontDoor({
          config,
          methods: new DeclaredMethods((openApiDocument['paths'] ?? {}) as Record<string, unknown>),
          health: app.get(HealthRegistry),
        }),
      );
      app.enableCors({
        origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
        credentials: true,
        exposedHeaders: EXPOSED_HEADERS,
        maxAge: 600,
      });
      app.use(compression({ threshold: 1024 }));
      SwaggerModule.setup('api/docs', app, openApiDocument as unknown as OpenAPIObject, {
        useGlobalPrefix: false,
        jsonDocumentUrl: 'api/docs/openapi.json',
      });
    },
  });
  refuseConnect(running.app.getHttpServer() as Server);
  const internal = await startInternalListener({
    host: config.GATEWAY_INTERNAL_HOST,
    port: config.GATEWAY_INTERNAL_PORT,
    health: running.app.get(HealthRegistry),
    metrics: running.app.get(MetricsService),
  }).catch(async (error: unknown) => {
    await running.stop();
    throw error;
  });
  // Realtime sockets are long-lived: tell their clients to reconnect elsewhere (and keep buffering until
  // they resume there) as soon as shutdown starts, instead of letting the HTTP drain wait for them.
  const realtime = running.app.get(RealtimeServer);
  if (handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void realtime.drain());
  }
  return {
    ...running,
    internalUrl: internal.url,
    stop: async () => {
      await realtime.drain();
      await running.stop();
      await internal.close();
    },
  };
}

/**
 * CONNECT never reaches Express (Node hands it to 'connect' listeners, and without one drops the
 * connection): answer it like any other undeclared method.
 */
function refuseConnect(server: Server): void {
  server.on('connect', (req, socket) => {
    const body = JSON.stringify({
      error: { code: ERROR.METHOD_NOT_ALLOWED, message: `${req.method ?? 'CONNECT'} is not allowed.` },
    });
    socket.end(
      [
        'HTTP/1.1 405 Method Not Allowed',
        'Content-Type: application/json; charset=utf-8',
        'X-Content-Type-Options: nosniff',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
