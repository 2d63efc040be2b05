import { isSecretName } from './secret-names';
import { FORMERLY_SHIPPED_SECRETS, SHIPPED_SECRETS } from './shipped-secrets';

const MIN_PRODUCTION_SECRET_BYTES = 32;

// Names isSecretName matches that hold no secret: identifiers (S3_ACCESS_KEY_ID), file paths
// (VOICE_DTLS_PRIVATE_KEY_FILE) and lifetimes (ACCESS_TOKEN_TTL_SECONDS).
const NOT_A_SECRET_VALUE = /(_ID|_FILE|_SECONDS|_DAYS|_MS)$/i;
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i;

const shipped = new Set([...SHIPPED_SECRETS, ...FORMERLY_SHIPPED_SECRETS]);
// Credentials a third party issues (an SMTP provider's password, often 16 characters): their length is not
// the operator's to choose, so only the shipped-value rule applies to them.
const ISSUED_ELSEWHERE = new Set(['SMTP_URL']);

/**
 * The secret a setting holds, if any: the whole value of a secret-named variable, or the password inside
 * a URL (postgres://user:password@host/db, redis://:password@host).
 */
export function secretHeldBy(name: string, value: unknown): { secret: string; inUrl: boolean } | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (isSecretName(name) && !NOT_A_SECRET_VALUE.test(name)) return { secret: value, inUrl: false };
  if (!URL_WITH_CREDENTIALS.test(value)) return undefined;
  try {
    const password = decodeURIComponent(new URL(value).password);
    return password ? { secret: password, inUrl: true } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What makes the secrets among `names` unfit for production: a value shipped in the repository, or one
 * shorter than 32 bytes. One problem per variable, naming it and never showing the value.
 */
export function unsafeSecretProblems(names: Iterable<string>, values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const held = secretHeldBy(name, values[name]);
    if (!held) continue;
    const subject = held.inUrl ? 'the password in this URL' : 'this secret';
    if (shipped.has(held.secret)) {
      problems.push(
        `${name}: ${subject} is a development value shipped in bonfire.env or docker/docker-compose.yml; set your own (NODE_ENV=production)`,
      );
    } else if (
      !ISSUED_ELSEWHERE.has(name) &&
      Buffer.byteLength(held.secret, 'utf8') < MIN_PRODUCTION_SECRET_BYTES
    ) {
      problems.push(
        `${name}: ${subject} is shorter than ${MIN_PRODUCTION_SECRET_BYTES} bytes (NODE_ENV=production)`,
      );
    }
  }
  return problems;
}
