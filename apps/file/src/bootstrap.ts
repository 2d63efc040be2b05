import { EventBusTransport } from '@bonfire/messaging';
import {
  ensureDependencies,
  loadConfig,
  type RunningService,
  serveOpenApi,
  startService,
  toAppError,
} from '@bonfire/platform';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { FileServiceModule } from './app.module';
import { type FileConfig, fileConfigSchema } from './config';
import { STORAGE_PATH } from './storage/signed-url';

export async function startFile(
  environment: NodeJS.ProcessEnv = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<RunningService> {
  const config = loadConfig('file', fileConfigSchema, environment);
  await ensureDependencies(config);
  return startService({
    name: 'file',
    module: FileServiceModule.register(config),
    host: config.FILE_HOST,
    port: config.FILE_PORT,
    // Parsed below, except the bodies of storage URLs: those are file bytes, streamed to disk.
    jsonBodyLimit: false,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    configure: (app) => {
      app.use(...jsonBodies(config));
      serveOpenApi(app, {
        title: 'Bonfire file',
        description: 'Uploads through presigned URLs, verification, thumbnails and authorised downloads.',
      });
    },
    transports: (app) => [EventBusTransport.for(app)],
    handleSignals: options.handleSignals ?? true,
  });
}

/** The JSON body parser every service has (limit FILE_BODY_LIMIT), skipping the storage URLs. */
function jsonBodies(config: FileConfig): [RequestHandler, ErrorRequestHandler] {
  const json = express.json({ limit: config.FILE_BODY_LIMIT });
  const parse: RequestHandler = (req, res, next) =>
    req.path.startsWith(`${STORAGE_PATH}/`) ? next() : json(req, res, next);
  const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const appError = toAppError(error);
    res.status(appError.status).json(appError.toBody());
  };
  return [parse, bodyErrors];
}
