import type { Server } from 'node:http';
import { type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import express, { type ErrorRequestHandler } from 'express';
import { HealthRegistry } from '../health/health.registry';
import { ErrorFilter, toAppError } from '../http/error.filter';
import { type LogContext, runInLogContext } from '../logging/log-context';
import { createLogger } from '../logging/logger';
import { nestLogger, ServiceLogger, settleLogContext } from '../logging/nest-logger';
import { requestLogging } from '../logging/request-logging';
import { DependencyUnavailableError } from './dependencies';

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
  /**
   * How long an idle keep-alive connection stays open (Node's default: 5 s). A service behind a reverse
   * proxy that reuses its upstream connections needs more than the proxy keeps them, or the proxy may send
   * a request on a connection this server is closing (and nginx answers 502 rather than retry a POST).
   */
  keepAliveTimeoutMs?: number;
  /** Extra setup before listening (CORS, compression, OpenAPI…). */
  configure?: (app: INestApplication) => void | Promise<void>;
  /**
   * Nest microservice transports served beside HTTP, e.g. `(app) => [EventBusTransport.for(app)]` for
   * `@EventPattern` handlers: started after the app's init hooks and before it listens, closed with it.
   */
  transports?: (app: INestApplication) => readonly CustomTransportStrategy[];
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
export function startService(options: ServiceOptions): Promise<RunningService> {
  // Everything the service starts from here (providers, timers, consumers, its HTTP server) and its
  // shutdown run in its log context, so its log lines name it even when other services share the process.
  const context: LogContext = { service: options.name };
  return runInLogContext(context, () => boot(options, context));
}

async function boot(options: ServiceOptions, context: LogContext): Promise<RunningService> {
  // Not `bufferLogs`: Nest's buffer is process-wide and would take in, and later mislabel, what other
  // services log meanwhile; the router holds this service's own lines until its logger exists.
  // `abortOnError: false`: a failed build is thrown to the caller (runMain logs it and exits; the
  // standalone shape stops the services already up) instead of Nest exiting the whole process.
  let app: INestApplication;
  let serviceLogger: ServiceLogger;
  try {
    app = await NestFactory.create(options.module, {
      logger: nestLogger,
      bodyParser: false,
      abortOnError: false,
    });
    serviceLogger = app.get(ServiceLogger);
  } catch (error) {
    settleLogContext(context, createLogger(options.name));
    throw error;
  }
  settleLogContext(context, serviceLogger.logger);
  // First, so that body-parsing errors and everything `configure` adds are logged with the request.
  app.use(requestLogging(serviceLogger.service, serviceLogger.logger));
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  app.useGlobalFilters(new ErrorFilter(serviceLogger));
  if (options.jsonBodyLimit !== false) {
    const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
      if (res.headersSent) return next(error);
      const appError = toAppError(error);
      res.status(appError.status).json(appError.toBody());
    };
    app.use(express.json({ limit: options.jsonBodyLimit }), bodyErrors);
  }
  await options.configure?.(app);
  if (options.transports) {
    await app.init();
    for (const strategy of options.transports(app)) app.connectMicroservice({ strategy });
    await app.startAllMicroservices();
  }

  await app.listen(options.port, options.host);
  const server = app.getHttpServer() as Server;
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host}:${port}`;
  nestLogger.log(`${options.name} listening on ${url}`, 'Bootstrap');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= runInLogContext(context, async () => {
      app.get(HealthRegistry).markDraining();
      await closeHttpServer(server, options.shutdownTimeoutMs);
      await app.close();
    });
    return stopping;
  };

  if (options.handleSignals !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () =>
        runInLogContext(context, () => {
          nestLogger.log(`${signal} received: draining and shutting down`, 'Shutdown');
          const forceExit = setTimeout(() => {
            nestLogger.error(
              `shutdown took longer than ${options.shutdownTimeoutMs} ms: exiting`,
              'Shutdown',
            );
            process.exit(1);
          }, options.shutdownTimeoutMs + 5_000);
          forceExit.unref();
          stop().then(
            () => process.exit(0),
            (error: unknown) => {
              nestLogger.error({ err: error }, 'shutdown failed', 'Shutdown');
              process.exit(1);
            },
          );
        }),
      );
    }
  }
  return { app, url, stop };
}

/** Stops accepting connections, lets in-flight requests finish, then closes what is left. */
function closeHttpServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // close() ends the connections idle at that moment. One whose request was still in flight goes idle
    // when it is answered and would hold close() for its whole keep-alive timeout: end those as they idle.
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      finish();
    }, timeoutMs);
    const finish = () => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    };
    sweep.unref();
    deadline.unref();
    server.close(finish);
  });
}

const IDLE_SWEEP_MS = 50;

export interface ServiceCommands {
  /** Default command: run the service. */
  start: () => Promise<unknown>;
  /** `migrate`: apply pending database migrations and exit (deployments run it as a Job before rollout). */
  migrate?: () => Promise<unknown>;
}

/**
 * Entry point of every service: `node dist/main.js [start|migrate]`. A config error prints its list of
 * bad variables and exits 1, a server it needs that does not answer at boot (ensureDependencies) one fatal
 * line naming it and exits 69 — both without a stack trace.
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
      if (error instanceof DependencyUnavailableError) {
        // One line, no stack: what is down, where, and which variable names it.
        const { dependency, variable, address, reason } = error;
        logger.fatal({ dependency, variable, address, reason }, `${service} ${command}: ${error.message}`);
        process.exit(DependencyUnavailableError.EXIT_CODE);
      } else if (error instanceof Error && error.name === 'ConfigError') {
        logger.fatal(error.message);
        process.stderr.write(`${error.message}\n`);
      } else {
        logger.fatal({ err: error }, `${service} ${command} failed`);
      }
      process.exit(1);
    },
  );
}
