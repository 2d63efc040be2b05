import {
  ensureDependencies,
  loadConfig,
  type RunningService,
  serveOpenApi,
  startService,
} from '@bonfire/platform';
import { SearchServiceModule } from './app.module';
import { searchConfigSchema } from './config';

export async function startSearch(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningService> {
  const config = loadConfig('search', searchConfigSchema, environment);
  await ensureDependencies(config);
  return startService({
    name: 'search',
    module: SearchServiceModule.register(config),
    host: config.SEARCH_HOST,
    port: config.SEARCH_PORT,
    jsonBodyLimit: '16kb',
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    configure: (app) =>
      serveOpenApi(app, {
        title: 'Bonfire search',
        description: 'Message search with Discord-like filters.',
      }),
    handleSignals: options.handleSignals ?? true,
  });
}
