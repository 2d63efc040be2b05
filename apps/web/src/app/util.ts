import { ERROR } from '@bonfire/contracts';
import { BonfireApiError, type BonfireErrorCode } from '@bonfire/sdk';

/** Plain words for the codes a person can meet; anything else shows the server's own message. */
const PLAIN_WORDS: Partial<Record<BonfireErrorCode, string>> = {
  NETWORK_ERROR: 'the server could not be reached. Check your connection and try again.',
  INVALID_CREDENTIALS: 'that login and password do not match.',
  USERNAME_TAKEN: 'that username is already taken.',
  EMAIL_TAKEN: 'an account with that email already exists.',
  RATE_LIMITED: 'you are doing that too often. Wait a moment and try again.',
  UNKNOWN_INVITE: 'this invite is invalid, expired or used up.',
  MISSING_PERMISSION: 'you do not have permission to do that here.',
  UNKNOWN_CHANNEL: 'this channel no longer exists or you cannot see it.',
  UNKNOWN_GUILD: 'this server no longer exists or you cannot see it.',
  UNKNOWN_MESSAGE: 'that message no longer exists.',
  NOT_AUTHENTICATED: 'you are logged out. Log in again.',
  TOKEN_EXPIRED: 'your session expired. Log in again.',
  PAYLOAD_TOO_LARGE: 'that is too large.',
  UPLOAD_FAILED: 'the upload failed. Try again.',
  SERVICE_UNAVAILABLE: 'that part of Bonfire is unavailable right now. Try again shortly.',
  BAD_GATEWAY: 'that part of Bonfire is unavailable right now. Try again shortly.',
  GATEWAY_TIMEOUT: 'the server took too long to answer. Try again.',
  CHAT_UNAVAILABLE: 'chat is unavailable right now. Try again shortly.',
  SEARCH_UNAVAILABLE: 'search is unavailable right now. Try again shortly.',
};

/** An error as a sentence for people (never a stack trace or a bare code). */
export function describeError(error: unknown): string {
  if (error instanceof BonfireApiError) {
    const plain = PLAIN_WORDS[error.code];
    if (plain) {
      return error.code === ERROR.RATE_LIMITED && error.retryAfter
        ? `you are doing that too often. Try again in ${error.retryAfter} s.`
        : plain;
    }
    const detail = error.details[0];
    if (error.code === ERROR.VALIDATION_FAILED && detail) {
      const field = detail.field?.split('.').pop();
      return field ? `${field} ${detail.message}` : detail.message;
    }
    return lowerFirst(error.message);
  }
  if (error instanceof Error) {
    if (error.name === 'AbortError') return 'cancelled.';
    return lowerFirst(error.message);
  }
  return 'something went wrong. Try again.';
}

/** Field-level messages of a validation refusal, by field name (`body.email` → `email`). */
export function fieldErrors(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (error instanceof BonfireApiError) {
    for (const detail of error.details) {
      const field = detail.field?.split('.').pop();
      if (field && !fields[field]) fields[field] = detail.message;
    }
  }
  return fields;
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
