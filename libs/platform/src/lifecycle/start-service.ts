import type { Server } from 'node:http';
import { type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express, { type ErrorRequestHandler } from 'express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { HealthRegistry } from '../health/health.registry';
import { ErrorFilter, toAppError } from '../http/error.filter';
import { createLogger } from '../logging/logger';

export interface ServiceOptions {
  /** Service name used in logs and metrics. */
  name: string;
  /** The service's root module (it must import PlatformModule.forRoot). */
  module: Type<unknown> | DynamicModule;
  host: string;
  port: number;
  /** JSON body limit; `false` leaves the body unparsed (the gateway streams bodies through). */
  jsonBodyLimit: string | false;
  shutdownTimeoutMs: number;
  /** Extra setup before listening (CORS, compression, OpenAPI…). */
  configure?: (app: INestApplication) => void | Promise<void>;
  /** Handle SIGTERM/SIGINT (default true). Tests turn it off and call `stop()` themselves. */
  handleSignals?: boolean;
}

export interface RunningService {
  app: INestApplication;
  url: string;
  /** Graceful stop: not ready → stop accepting → drain in-flight requests → close clients. */
  stop(): Promise<void>;
}

/** Boots a Nest service the one Bonfire way: JSON logs, common errors, health, metrics, graceful shutdown. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const app = await NestFactory.create(options.module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoNestLogger));
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  app.useGlobalFilters(new ErrorFilter());
  if (options.jsonBodyLimit !== false) {
    const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
      if (res.headersSent) return next(error);
      const appError = toAppError(error);
      res.status(appError.status).json(appError.toBody());
    };
    app.use(express.json({ limit: options.jsonBodyLimit }), bodyErrors);
  }
  await options.configure?.(app);

  await app.listen(options.port, options.host);
  const server = app.getHttpServer() as Server;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host}:${port}`;
  const logger = app.get(PinoNestLogger);
  logger.log(`${options.name} listening on ${url}`, 'Bootstrap');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      app.get(HealthRegistry).markDraining();
      await closeHttpServer(server, options.shutdownTimeoutMs);
      await app.close();
    })();
    return stopping;
  };

  if (options.handleSignals !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        logger.log(`${signal} received: draining and shutting down`, 'Shutdown');
        const forceExit = setTimeout(() => {
          logger.error(`shutdown took longer than ${options.shutdownTimeoutMs} ms: exiting`, 'Shutdown');
          process.exit(1);
        }, options.shutdownTimeoutMs + 5_000);
        forceExit.unref();
        stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed', 'Shutdown');
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, url, stop };
}

/** Stops accepting connections, lets in-flight requests finish, then closes what is left. */
function closeHttpServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export interface ServiceCommands {
  /** Default command: run the service. */
  start: () => Promise<unknown>;
  /** `migrate`: apply pending database migrations and exit (deployments run it as a Job before rollout). */
  migrate?: () => Promise<unknown>;
}

/**
 * Entry point of every service: `node dist/main.js [start|migrate]`. A config error prints its list of
 * bad variables and exits 1, without a stack trace.
 */
export function runMain(service: string, commands: ServiceCommands): void {
  const command = process.argv[2] ?? 'start';
  const run = command === 'start' ? commands.start : command === 'migrate' ? commands.migrate : undefined;
  const logger = createLogger(service);
  if (!run) {
    process.stderr.write(`unknown command "${command}"; use: start${commands.migrate ? ' | migrate' : ''}\n`);
    process.exit(2);
  }
  run().then(
    () => {
      if (command !== 'start') process.exit(0);
    },
    (error: unknown) => {
      if (error instanceof Error && error.name === 'ConfigError') {
        logger.fatal(error.message);
        process.stderr.write(`${error.message}\n`);
      } else {
        logger.fatal({ err: error }, `${service} ${command} failed`);
      }
      process.exit(1);
    },
  );
}
