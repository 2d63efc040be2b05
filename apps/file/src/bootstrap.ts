import { loadConfig, type RunningService, serveOpenApi, startService } from '@bonfire/platform';
import { FileServiceModule } from './app.module';
import { fileConfigSchema } from './config';

export async function startFile(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningService> {
  const config = loadConfig('file', fileConfigSchema, environment);
  return startService({
    name: 'file',
    module: FileServiceModule.register(config),
    host: config.FILE_HOST,
    port: config.FILE_PORT,
    jsonBodyLimit: config.FILE_BODY_LIMIT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    configure: (app) =>
      serveOpenApi(app, {
        title: 'Bonfire file',
        description: 'Uploads through presigned URLs, verification, thumbnails and authorised downloads.',
      }),
    handleSignals: options.handleSignals ?? true,
  });
}
