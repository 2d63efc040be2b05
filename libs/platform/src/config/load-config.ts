import { z } from 'zod';
import { unsafeSecretProblems } from './production-secrets';
import { isSecretName } from './secret-names';

export { isSecretName } from './secret-names';

/** Thrown at boot when the environment does not satisfy a service's config schema. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration for ${service}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against a service's schema. Every bad or missing variable is named in one
 * error, so an operator fixes them all in one go instead of one per restart. With NODE_ENV=production,
 * secrets (and passwords inside URLs) shipped in the repository or shorter than 32 bytes are refused too.
 */
export function loadConfig<TSchema extends z.ZodObject>(
  service: string,
  schema: TSchema,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<TSchema> {
  const names = Object.keys(schema.shape);
  const production = env['NODE_ENV'] === 'production';
  const result = schema.safeParse(withoutEmptyValues(env));
  if (result.success) {
    const data = result.data as Record<string, unknown>;
    const problems = [
      ...missingDistributedSettings(schema, data).map(
        (name) => `${name}: missing (required when BONFIRE_MODE=distributed)`,
      ),
      ...(production ? unsafeSecretProblems(names, data) : []),
    ];
    if (problems.length === 0) return result.data;
    throw new ConfigError(service, problems);
  }
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    const value = env[variable];
    if (value === undefined) return `${variable}: missing (${issue.message})`;
    const shown = isSecretName(variable) ? '***' : JSON.stringify(value);
    return `${variable}: ${issue.message} (got ${shown})`;
  });
  if (production) {
    const reported = new Set(result.error.issues.map((issue) => String(issue.path[0])));
    problems.push(
      ...unsafeSecretProblems(
        names.filter((name) => !reported.has(name)),
        env,
      ),
    );
  }
  throw new ConfigError(service, problems);
}

/**
 * An empty variable is an unset one: compose's `${SMTP_URL:-}` passes "" for a setting the operator left out,
 * and "" must mean the default (not a malformed URL, and not 0 through number coercion).
 */
function withoutEmptyValues(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

/** Marks settings of real servers (Kafka, Redis, Postgres URLs…) that the standalone shape does not read. */
const DISTRIBUTED_ONLY = { bonfireDistributedOnly: true } as const;

function missingDistributedSettings(schema: z.ZodObject, data: Record<string, unknown>): string[] {
  if (data['BONFIRE_MODE'] === 'standalone') return [];
  return Object.entries(schema.shape)
    .filter(([name, field]) => {
      const meta = z.globalRegistry.get(field as z.ZodType) as Record<string, unknown> | undefined;
      return meta?.['bonfireDistributedOnly'] === true && data[name] === undefined;
    })
    .map(([name]) => name);
}

/**
 * A setting only the distributed shape needs, read where its adapter is built: loadConfig has already
 * refused to boot a distributed service without it, so a missing value here is a programming error.
 */
export function distributedSetting<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is required when BONFIRE_MODE=distributed`);
  return value;
}

/** A loggable copy of a config: secret values masked, passwords stripped from URLs. */
export function describeConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => {
      if (isSecretName(name)) return [name, '***'];
      if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value)) {
        return [name, value.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@')];
      }
      return [name, value];
    }),
  );
}

/** Field helpers so every service spells the same kind of variable the same way. */
export const env = {
  // 0 asks the OS for a free port (tests).
  port: () => z.coerce.number().int().min(0).max(65_535),
  host: () => z.string().min(1),
  url: (protocols: readonly string[]) =>
    z.url().refine((value) => protocols.includes(new URL(value).protocol.replace(/:$/, '')), {
      message: `must be a ${protocols.join(' or ')} URL`,
    }),
  positiveInt: () => z.coerce.number().int().positive(),
  list: () =>
    z
      .string()
      .min(1)
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      ),
  boolean: () => z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1'),
  logLevel: () => z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
  /** Optional in the standalone shape, required (and reported by loadConfig) in the distributed one. */
  distributedOnly: <T extends z.ZodType>(schema: T) => schema.optional().meta(DISTRIBUTED_ONLY),
};

/**
 * The two shapes of one codebase: `standalone` runs every service in one process on embedded parts
 * (PGlite, the in-process event bus, in-memory stores, a local directory); `distributed` runs each service
 * as its own process on the real servers (Postgres, Kafka, Redis, Elasticsearch, S3).
 */
export const bonfireModes = ['standalone', 'distributed'] as const;
export type BonfireMode = (typeof bonfireModes)[number];

/** Variables every service reads. */
export const baseServiceConfig = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: env.logLevel().default('info'),
  SHUTDOWN_TIMEOUT_MS: env.positiveInt().default(10_000),
  BONFIRE_MODE: z.enum(bonfireModes).default('distributed'),
  /** Where the standalone shape keeps all its state (embedded database, uploaded files). */
  BONFIRE_DATA_DIR: z.string().min(1).default('.data/standalone'),
});

/** Variables of every service with a Postgres database (auth, chat, file): spread into its schema. */
export const databaseServiceConfig = {
  /**
   * Prepare repeated statements on each pooled connection (distributed shape; docs/ARCHITECTURE.md). `false`
   * behind a pooler in transaction mode that cannot keep them: PgBouncer before 1.21, or without
   * `max_prepared_statements`.
   */
  DATABASE_PREPARED_STATEMENTS: env.boolean().default(true),
};
