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

/**
 * The same rule as a regular expression (1–19 digits, at most 2^63-1), so the OpenAPI documents state it
 * and schema-valid ids are never refused.
 */
export const SNOWFLAKE_PATTERN =
  /^(?:\d{1,18}|[0-8]\d{18}|9[0-1]\d{17}|92[0-1]\d{16}|922[0-2]\d{15}|9223[0-2]\d{14}|92233[0-6]\d{13}|922337[0-1]\d{12}|92233720[0-2]\d{10}|922337203[0-5]\d{9}|9223372036[0-7]\d{8}|92233720368[0-4]\d{7}|922337203685[0-3]\d{6}|9223372036854[0-6]\d{5}|92233720368547[0-6]\d{4}|922337203685477[0-4]\d{3}|9223372036854775[0-7]\d{2}|922337203685477580[0-6]|9223372036854775807)$/;

/** Ids in request bodies and queries. */
export const snowflakeSchema = z.string().regex(SNOWFLAKE_PATTERN, 'must be a snowflake id');

/**
 * Orders two ids as the server writes them (no leading zeros): a longer one is newer, equal lengths compare as
 * text. Negative when `a` is older. No BigInt (a hot path compares ids for every delivery).
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The digits of an id inside a larger pattern (a mention `<@id>`, a custom emoji `<:name:id>`, a bot token);
 * check what it captured with isSnowflake.
 */
export const SNOWFLAKE_DIGITS = String.raw`\d{1,19}`;

/**
 * Permission bitfields in request bodies: decimal strings of at most 64 bits (0 to 2^64-1), as one
 * regular expression: the OpenAPI documents state it, and nothing calls BigInt() on a non-number
 * (a refinement would still run after a failed format check, and BigInt('1*') throws: a 500).
 */
export const BITFIELD_PATTERN =
  /^(?:\d{1,19}|0\d{19}|1[0-7]\d{18}|18[0-3]\d{17}|184[0-3]\d{16}|1844[0-5]\d{15}|18446[0-6]\d{14}|184467[0-3]\d{13}|1844674[0-3]\d{12}|184467440[0-6]\d{10}|1844674407[0-2]\d{9}|18446744073[0-6]\d{8}|1844674407370[0-8]\d{6}|18446744073709[0-4]\d{5}|184467440737095[0-4]\d{4}|18446744073709550\d{3}|18446744073709551[0-5]\d{2}|1844674407370955160\d|1844674407370955161[0-4]|18446744073709551615)$/;

export const bitfieldSchema = z
  .string()
  .regex(BITFIELD_PATTERN, 'must be a decimal bitfield of at most 64 bits');

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
