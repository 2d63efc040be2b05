import { loadConfig, startService, type RunningService } from '@bonfire/platform';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import compression from 'compression';
import { GatewayModule } from './app.module';
import { gatewayConfigSchema } from './config';
import { loadOpenApiDocument } from './openapi/openapi.module';

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
  return startService({
    name: 'gateway',
    module: GatewayModule.register(config),
    host: config.GATEWAY_HOST,
    port: config.GATEWAY_PORT,
    // The gateway streams request bodies through to services; it parses none itself.
    jsonBodyLimit: false,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    handleSignals: options.handleSignals ?? true,
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
}
