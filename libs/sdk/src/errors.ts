import { type ErrorCode, errorBodySchema, type ErrorDetail } from '@bonfire/contracts';

/**
 * Codes the SDK gives failures that never reached the API's error format: no answer (`NETWORK_ERROR`),
 * a cancelled upload (`ABORTED`), no session to send (`NOT_AUTHENTICATED`), the object store refusing an
 * upload part (`UPLOAD_FAILED`), or an answer that is not the common format (`HTTP_<status>`).
 */
export type ClientErrorCode =
  'NETWORK_ERROR' | 'ABORTED' | 'NOT_AUTHENTICATED' | 'UPLOAD_FAILED' | `HTTP_${number}`;

/** The `code` of a BonfireApiError: the API's catalogue (`ERROR` of @bonfire/contracts) or the SDK's own. */
export type BonfireErrorCode = ErrorCode | ClientErrorCode;

/**
 * A refusal or failure answered by the Bonfire API, in the common error format
 * (`{ error: { code, message, details } }`, see `@bonfire/contracts` errors.ts).
 *
 * `code` is stable and machine-readable, one of the catalogue's (`ERROR.VALIDATION_FAILED`,
 * `ERROR.USERNAME_TAKEN`, `ERROR.RATE_LIMITED`…), so comparing it with a misspelt code fails to compile;
 * `message` is for people. When the server answered something that is not the common format (a proxy
 * page, a network failure), `code` is `HTTP_<status>` or `NETWORK_ERROR` and `status` is 0 for the latter.
 * A code this SDK does not know yet (a newer server's) is passed through as is: it matches no comparison,
 * so handle it in the fallback (`message`).
 */
export class BonfireApiError extends Error {
  override readonly name = 'BonfireApiError';

  constructor(
    /** HTTP status; 0 when no answer arrived (network error, aborted). */
    readonly status: number,
    readonly code: BonfireErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds to wait before retrying, from `Retry-After` (429 and some 503). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }

  /** Builds the error from a non-2xx response, reading the common error body when present. */
  static async fromResponse(response: Response): Promise<BonfireApiError> {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    const text = await response.text().catch(() => '');
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: fall through to the generic error
    }
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      // Not checked against the catalogue: a newer server's code is passed through (see the class).
      return new BonfireApiError(response.status, code as ErrorCode, message, details ?? [], retryAfter);
    }
    return new BonfireApiError(
      response.status,
      `HTTP_${response.status}`,
      text.slice(0, 200) || response.statusText || `HTTP ${response.status}`,
      [],
      retryAfter,
    );
  }

  static network(cause: unknown): BonfireApiError {
    const message = cause instanceof Error ? cause.message : String(cause);
    const error = new BonfireApiError(0, 'NETWORK_ERROR', `The server could not be reached: ${message}`);
    (error as { cause?: unknown }).cause = cause;
    return error;
  }
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
