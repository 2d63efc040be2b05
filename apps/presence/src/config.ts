import { baseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

/** Everything the presence service reads from its environment. */
export const presenceConfigSchema = baseServiceConfig.extend({
  PRESENCE_HOST: env.host().default('127.0.0.1'),
  PRESENCE_PORT: env.port().default(8083),
  /** JSON body limit: a gateway's heartbeat carries its whole connection list (~60 bytes each). */
  PRESENCE_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 4mb')
    .default('4mb'),
  /** Presence keeps all its state here when distributed (a path /N selects a database index). */
  REDIS_URL: env.distributedOnly(env.url(['redis', 'rediss'])),
  KAFKA_BROKERS: env.distributedOnly(env.list()),
  INTERNAL_IDENTITY_SECRET: z.string().min(32),
  /** Prefix of every Redis key presence writes (services sharing a prefix share presence state). */
  PRESENCE_KEY_PREFIX: z.string().min(1).default('presence'),
  /**
   * A gateway not heard from (heartbeat, sync or report) for this long is taken as dead and its
   * connections go offline. Gateways heartbeat every PRESENCE_HEARTBEAT_INTERVAL_MS (20 s): 45 s
   * tolerates one lost heartbeat and, with the sweep, keeps crash → offline under 60 s.
   */
  PRESENCE_GATEWAY_TTL_SECONDS: env.positiveInt().default(45),
  /** How often the sweeper looks for dead gateways and expired custom statuses. */
  PRESENCE_SWEEP_INTERVAL_MS: env.positiveInt().default(5_000),
  /** Consumer group of the audience projection (guild members, DM partners) from chat events. */
  PRESENCE_CONSUMER_GROUP: z.string().min(1).default('presence.projection'),
  PRESENCE_PROJECTION_ENABLED: env.boolean().default(true),
  /** Where a new projection group starts: `earliest` replays chat's retained history (production). */
  PRESENCE_PROJECTION_START_FROM: z.enum(['earliest', 'latest']).default('earliest'),
});

export type PresenceConfig = z.infer<typeof presenceConfigSchema>;

/** Injection token for the validated config. */
export const PRESENCE_CONFIG = Symbol('PRESENCE_CONFIG');

export const PRESENCE_LIMITS = {
  /** User ids per GET /api/v1/presences. */
  queryIds: 200,
  /** User ids per internal query (the gateway's `ready`: first member pages of all guilds). */
  internalQueryIds: 20_000,
  /** Handshakes per internal `ready` call (a gateway gathers the handshakes of one event-loop turn). */
  readyQueries: 200,
} as const;
