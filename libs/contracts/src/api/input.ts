import { z } from 'zod';

/**
 * The one set of rules for what clients send, shared by every service: ids, text and partial updates.
 * Hostile input is refused here with a 400 that names the field, never let through to a 500 below.
 */

/** The largest snowflake: ids are stored as Postgres BIGINT (signed 64 bits). */
export const MAX_SNOWFLAKE = (1n << 63n) - 1n;

/** A snowflake id as a decimal string (no sign, exponent or spaces) that fits a BIGINT. */
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_SNOWFLAKE;
}

/** Ids in request bodies and queries. */
export const snowflakeSchema = z.string().refine(isSnowflake, 'must be a snowflake id');

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be stored as text, or null when it can: Postgres text refuses NUL, and a lone
 * surrogate has no UTF-8 form (it would be stored silently as U+FFFD).
 */
export function unsafeTextReason(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain unpaired UTF-16 surrogates (invalid Unicode)';
  return null;
}

export interface UnsafeText {
  /** Where in the value: property names and array indexes. */
  path: (string | number)[];
  message: string;
}

/** Every string (and property name) of a parsed JSON or query value that cannot be stored as text. */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): UnsafeText[] {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? [{ path, message: reason }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findUnsafeText(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const reason = unsafeTextReason(key);
      const own = reason ? [{ path: [...path, key], message: `property name ${reason}` }] : [];
      return [...own, ...findUnsafeText(item, [...path, key])];
    });
  }
  return [];
}

export const EMPTY_UPDATE_MESSAGE = 'give at least one field to change';

/**
 * A PATCH body: every field optional, but at least one given. An empty update is a client mistake
 * (400 VALIDATION_FAILED on `body`), not a silent no-op, so a client that lost its fields hears about it.
 */
export function patchSchema<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .strict()
    .refine((body) => Object.values(body).some((field) => field !== undefined), EMPTY_UPDATE_MESSAGE)
    .meta({ minProperties: 1 });
}
