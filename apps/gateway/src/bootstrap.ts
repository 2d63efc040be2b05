import { loadConfig, startService, type RunningService } from '@bonfire/platform';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import compression from 'compression';
import { GatewayModule } from './app.module';
import { gatewayConfigSchema } from './config';
import { loadOpenApiDocument } from './openapi/openapi.module';
import { RealtimeServer } from './realtime/realtime.server';

export const EXPOSED_HEADERS = [
  'x-request-id',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Retry-After',
];

export async function startGateway(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningService> {
  const config = loadConfig('gateway', gatewayConfigSchema, environment);
  const handleSignals = options.handleSignals ?? true;
  const running = await startService({
    name: 'gateway',
    module: GatewayModule.register(config),
    host: config.GATEWAY_HOST,
    port: config.GATEWAY_PORT,
    // The gateway streams request bodies through to services; it parses none itself.
    jsonBodyLimit: false,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    handleSignals,
    configure: (app) => {
      app.enableCors({
        origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
        credentials: true,
        exposedHeaders: EXPOSED_HEADERS,
        maxAge: 600,
      });
      app.use(compression({ threshold: 1024 }));
      SwaggerModule.setup('api/docs', app, loadOpenApiDocument() as unknown as OpenAPIObject, {
        useGlobalPrefix: false,
        jsonDocumentUrl: 'api/docs/openapi.json',
      });
    },
  });
  // Realtime sockets are long-lived: tell their clients to reconnect elsewhere (and keep buffering until
  // they resume there) as soon as shutdown starts, instead of letting the HTTP drain wait for them.
  const realtime = running.app.get(RealtimeServer);
  if (handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void realtime.drain());
  }
  return {
    ...running,
    stop: async () => {
      await realtime.drain();
      await running.stop();
    },
  };
}
