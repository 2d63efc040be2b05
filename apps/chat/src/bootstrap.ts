import { EventBusTransport } from '@bonfire/messaging';
import {
  ensureDependencies,
  loadConfig,
  type RunningService,
  serveOpenApi,
  startService,
} from '@bonfire/platform';
import { ChatServiceModule } from './app.module';
import { chatConfigSchema } from './config';

export async function startChat(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningService> {
  const config = loadConfig('chat', chatConfigSchema, environment);
  await ensureDependencies(config);
  return startService({
    name: 'chat',
    module: ChatServiceModule.register(config),
    host: config.CHAT_HOST,
    port: config.CHAT_PORT,
    jsonBodyLimit: config.CHAT_BODY_LIMIT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    configure: (app) =>
      serveOpenApi(app, {
        title: 'Bonfire chat',
        description: 'Guilds, channels, roles, members, invites, messages, reactions, DMs and read states.',
      }),
    transports: (app) => [EventBusTransport.for(app)],
    handleSignals: options.handleSignals ?? true,
  });
}
