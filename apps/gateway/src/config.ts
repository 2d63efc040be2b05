import { resolve } from 'node:path';
import { baseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

export const gatewayConfigSchema = baseServiceConfig.extend({
  GATEWAY_HOST: env.host().default('127.0.0.1'),
  GATEWAY_PORT: env.port().default(8080),
  /** The routing table: prefixes → services, public routes, per-route limits. */
  GATEWAY_ROUTES_FILE: z.string().default(resolve(__dirname, '../routes.json')),
  AUTH_URL: env.url(['http', 'https']),
  REDIS_URL: env.url(['redis', 'rediss']),
  INTERNAL_IDENTITY_SECRET: z.string().min(32),
  JWT_ISSUER: z.string().min(1).default('bonfire'),
  JWT_AUDIENCE: z.string().min(1).default('bonfire-api'),
  /** How long a service may take to start answering before the gateway answers 504. */
  GATEWAY_UPSTREAM_TIMEOUT_MS: env.positiveInt().default(15_000),
  /** Largest request body the gateway forwards (uploads go straight to S3, never through here). */
  GATEWAY_MAX_BODY_BYTES: env.positiveInt().default(1_048_576),
  RATE_LIMIT_IP_PER_MINUTE: env.positiveInt().default(600),
  RATE_LIMIT_USER_PER_MINUTE: env.positiveInt().default(1_200),
  /** Redis key prefix of the counters; gateways sharing a prefix share their limits. */
  RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('ratelimit'),
  /** Proxies in front of the gateway whose X-Forwarded-For entries are trusted (0: use the socket address). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  /** Origins allowed to call the API from a browser, comma-separated; the gateway's own origin always is. */
  CORS_ORIGINS: env.list().default([]),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
