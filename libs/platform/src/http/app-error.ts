import {
  type AlsoStatus,
  ERROR,
  ERROR_CATALOGUE,
  type ErrorBody,
  type ErrorDetail,
  type HttpErrorCode,
} from '@bonfire/contracts';

export interface AppErrorOptions<C extends HttpErrorCode> {
  /** What is wrong in detail, e.g. each bad field (`{ field: 'body.name', code, message }`). */
  details?: ErrorDetail[];
  /** Extra response headers, e.g. Retry-After on 429. */
  headers?: Record<string, string>;
  /** Another status than the catalogue's, only one the catalogue lists for the code (`also`). */
  status?: AlsoStatus<C>;
}

/**
 * The error services throw for anything a client should see: a stable code of the catalogue
 * (`ERROR.UNKNOWN_GUILD`, libs/contracts errors/catalogue.ts), which gives its HTTP status, and a message for
 * people. The global filter turns it into the common error body.
 */
export class AppError<C extends HttpErrorCode = HttpErrorCode> extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: ErrorDetail[];
  readonly headers?: Record<string, string>;

  constructor(code: C, message: string, options: AppErrorOptions<C> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? (ERROR_CATALOGUE[code].status as number);
    if (options.details) this.details = options.details;
    if (options.headers) this.headers = options.headers;
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

  /** 400 VALIDATION_FAILED naming the bad fields. */
  static validation(details: ErrorDetail[], message = 'The request is invalid.'): AppError {
    return new AppError(ERROR.VALIDATION_FAILED, message, { details });
  }

  /**
   * An error the framework raised with only a status (Nest's HttpException, body-parser): the common code of
   * that status, or `HTTP_<status>` for a status the catalogue has no common code for.
   */
  static ofStatus(status: number, message: string): AppError {
    const code = COMMON_CODE_BY_STATUS[status];
    if (code) return new AppError(code, message);
    return Object.assign(new AppError(ERROR.INTERNAL_ERROR, message), { status, code: `HTTP_${status}` });
  }
}

const COMMON_CODE_BY_STATUS: Readonly<Record<number, HttpErrorCode>> = {
  400: ERROR.VALIDATION_FAILED,
  401: ERROR.UNAUTHORIZED,
  403: ERROR.FORBIDDEN,
  404: ERROR.NOT_FOUND,
  409: ERROR.CONFLICT,
  413: ERROR.PAYLOAD_TOO_LARGE,
  429: ERROR.RATE_LIMITED,
  502: ERROR.BAD_GATEWAY,
  503: ERROR.SERVICE_UNAVAILABLE,
  504: ERROR.GATEWAY_TIMEOUT,
};
