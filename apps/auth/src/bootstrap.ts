import { ensureDependencies, loadConfig, startService, type RunningService } from '@bonfire/platform';
import { AuthServiceModule } from './app.module';
import { authConfigSchema } from './config';
import { serveOpenApi } from '@bonfire/platform';

export async function startAuth(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningService> {
  const config = loadConfig('auth', authConfigSchema, environment);
  await ensureDependencies(config);
  return startService({
    name: 'auth',
    module: AuthServiceModule.register(config),
    host: config.AUTH_HOST,
    port: config.AUTH_PORT,
    jsonBodyLimit: config.AUTH_BODY_LIMIT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    configure: (app) =>
      serveOpenApi(app, {
        title: 'Bonfire auth',
        description: 'Accounts, sessions, tokens and user profiles.',
      }),
    handleSignals: options.handleSignals ?? true,
  });
}
