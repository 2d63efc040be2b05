import { COMMON_ERROR_CODES, type ErrorBody, type ErrorDetail } from '@bonfire/contracts';

/**
 * The error services throw for anything a client should see: an HTTP status, a stable code and a message
 * for people. The global filter turns it into the common error body.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details?.length ? { details: this.details } : {}),
      },
    };
  }

  static validation(details: ErrorDetail[], message = 'The request is invalid.'): AppError {
    return new AppError(400, COMMON_ERROR_CODES.validationFailed, message, details);
  }

  static unauthorized(
    message = 'Authentication is required.',
    code: string = COMMON_ERROR_CODES.unauthorized,
  ) {
    return new AppError(401, code, message);
  }

  static forbidden(message = 'You are not allowed to do that.', code: string = COMMON_ERROR_CODES.forbidden) {
    return new AppError(403, code, message);
  }

  static notFound(message = 'Not found.', code: string = COMMON_ERROR_CODES.notFound) {
    return new AppError(404, code, message);
  }

  static conflict(code: string, message: string) {
    return new AppError(409, code, message);
  }
}
