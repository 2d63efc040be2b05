import { EventBusTransport } from '@bonfire/messaging';
import {
  ensureDependencies,
  loadConfig,
  type RunningService,
  serveOpenApi,
  startService,
} from '@bonfire/platform';
import { PresenceServiceModule } from './app.module';
import { presenceConfigSchema } from './config';

export async function startPresence(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningService> {
  const config = loadConfig('presence', presenceConfigSchema, environment);
  await ensureDependencies(config);
  return startService({
    name: 'presence',
    module: PresenceServiceModule.register(config),
    host: config.PRESENCE_HOST,
    port: config.PRESENCE_PORT,
    jsonBodyLimit: config.PRESENCE_BODY_LIMIT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    configure: (app) =>
      serveOpenApi(app, {
        title: 'Bonfire presence',
        description: 'Who is online: status across devices and gateways, custom status.',
      }),
    transports: (app) => [EventBusTransport.for(app)],
    handleSignals: options.handleSignals ?? true,
  });
}
