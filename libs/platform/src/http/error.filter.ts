import { ERROR } from '@bonfire/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import type { ComponentLogger } from '../logging/component-logger';
import type { ServiceLogger } from '../logging/nest-logger';
import { AppError } from './app-error';
import { isDependencyUnavailable } from '../errors/dependency-unavailable';

/** What a client is told to wait before retrying when a server this service needs is down. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = '2';

/**
 * Converts anything thrown into the one error body: a server this service needs being unreachable is a
 * 503 to retry; other unexpected errors are logged and answered as 500.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String((response as { message: unknown }).message)
        : error.message;
    return AppError.ofStatus(status, message);
  }
  const status = (error as { status?: unknown; statusCode?: unknown })?.status;
  // body-parser and friends throw plain errors with a status and a type.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      return new AppError(ERROR.PAYLOAD_TOO_LARGE, 'The request body is too large.');
    }
    if (type === 'entity.parse.failed') {
      return new AppError(ERROR.MALFORMED_JSON, 'The request body is not valid JSON.');
    }
    return AppError.ofStatus(status, (error as Error).message);
  }
  if (isDependencyUnavailable(error)) {
    return new AppError(
      ERROR.SERVICE_UNAVAILABLE,
      'A server this service needs is unavailable; retry shortly.',
      {
        headers: { 'Retry-After': UNAVAILABLE_RETRY_AFTER_SECONDS },
      },
    );
  }
  return new AppError(ERROR.INTERNAL_ERROR, 'Something went wrong on our side.');
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger: ComponentLogger;

  constructor(logger: ServiceLogger) {
    this.logger = logger.for('error-filter');
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const appError = toAppError(error);
    if (appError.code === ERROR.SERVICE_UNAVAILABLE && !(error instanceof AppError)) {
      this.logger.warn(
        { err: { message: (error as Error).message } },
        'a server this service needs is unavailable',
      );
    } else if (appError.status >= 500 && !(error instanceof AppError)) {
      this.logger.error({ err: error }, 'unhandled error');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(appError.headers ?? {})) response.setHeader(name, value);
    response.status(appError.status).json(appError.toBody());
  }
}
