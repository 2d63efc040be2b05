import { resolve } from 'node:path';
import { baseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

export const gatewayConfigSchema = baseServiceConfig.extend({
  GATEWAY_HOST: env.host().default('127.0.0.1'),
  GATEWAY_PORT: env.port().default(8080),
  /**
   * The internal listener: /metrics and /health/ready with each check's details (the public listener
   * answers /health/ready with a bare status and has no /metrics). Loopback unless the platform's
   * probes and scrapers need it (the Helm chart binds 0.0.0.0 and never routes it through the ingress).
   */
  GATEWAY_INTERNAL_HOST: env.host().default('127.0.0.1'),
  GATEWAY_INTERNAL_PORT: env.port().default(9080),
  /** The routing table: prefixes → services, public routes, per-route limits. */
  GATEWAY_ROUTES_FILE: z.string().default(resolve(__dirname, '../routes.json')),
  /** The built web client (apps/web/dist) the gateway serves at `/`. */
  WEB_DIST_DIR: z.string().min(1).default(resolve(__dirname, '../../web/dist')),
  AUTH_URL: env.url(['http', 'https']),
  /** Rate-limit counters and realtime sessions shared by the gateways, and the socket.io adapter. */
  REDIS_URL: env.distributedOnly(env.url(['redis', 'rediss'])),
  INTERNAL_IDENTITY_SECRET: z.string().min(32),
  JWT_ISSUER: z.string().min(1).default('bonfire'),
  JWT_AUDIENCE: z.string().min(1).default('bonfire-api'),
  /** How long a service may take to start answering before the gateway answers 504. */
  GATEWAY_UPSTREAM_TIMEOUT_MS: env.positiveInt().default(15_000),
  /**
   * How long an idle client connection stays open. Above the upstream keep-alive of the proxy in front
   * (ingress-nginx and most cloud load balancers keep 60 s), so the proxy never reuses a connection the
   * gateway is closing. Raise it above your proxy's if that keeps them longer (Traefik: 90 s).
   */
  GATEWAY_KEEP_ALIVE_TIMEOUT_MS: env.positiveInt().default(65_000),
  /** Largest request body the gateway forwards (uploads go straight to S3, never through here). */
  GATEWAY_MAX_BODY_BYTES: env.positiveInt().default(1_048_576),
  RATE_LIMIT_IP_PER_MINUTE: env.positiveInt().default(600),
  RATE_LIMIT_USER_PER_MINUTE: env.positiveInt().default(1_200),
  /** Redis key prefix of the counters (distributed shape); gateways sharing a prefix share their limits. */
  RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('ratelimit'),
  /**
   * Proxies in front of the gateway whose X-Forwarded-For / X-Forwarded-Proto entries are trusted (0: the
   * socket address, and a client-sent X-Forwarded-For is ignored). Services get only the trusted address.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  /** Strict-Transport-Security max-age, sent on answers served over TLS; 0: never sent. */
  GATEWAY_HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(31_536_000),
  /** The public origin is https although no trusted hop says so (TLS ends in front): always send HSTS. */
  GATEWAY_PUBLIC_HTTPS: env.boolean().default(false),
  /** Origins allowed to call the API from a browser, comma-separated; the gateway's own origin always is. */
  CORS_ORIGINS: env.list().default([]),

  // --- realtime edge (socket.io at /realtime)
  /** Chat's internal base URL: the `ready` state and visibility answers come from there. */
  CHAT_URL: env.url(['http', 'https']),
  /** The gateways consume chat/presence/voice/file events as one group over these brokers. */
  KAFKA_BROKERS: env.distributedOnly(env.list()),
  /** The consumer group all gateways share (each event is fanned out by exactly one of them). */
  REALTIME_CONSUMER_GROUP: z.string().min(1).default('gateway.realtime'),
  /** How long a disconnected session can be resumed (and its replay buffer kept). */
  REALTIME_RESUME_WINDOW_SECONDS: env.positiveInt().default(120),
  /** Dispatches kept per session (in the owning gateway's memory) for resume; a client further behind gets `resync`. */
  REALTIME_REPLAY_BUFFER_SIZE: env.positiveInt().default(1_000),
  /** One typing.started per user and channel per this many seconds. */
  REALTIME_TYPING_INTERVAL_SECONDS: env.positiveInt().default(5),
  /** Live connections one user may hold, counted across all gateways (TOO_MANY_CONNECTIONS beyond). */
  REALTIME_MAX_CONNECTIONS_PER_USER: env.positiveInt().default(10),
  /** Handshakes (connects and resumes) one user may open per minute, across all gateways (RATE_LIMITED). */
  REALTIME_HANDSHAKES_PER_MINUTE: env.positiveInt().default(60),
  /** Client events one connection may send per second, sustained; beyond, events are answered RATE_LIMITED. */
  REALTIME_EVENTS_PER_SECOND: env.positiveInt().default(5),
  /** Client events one connection may send in a burst. */
  REALTIME_EVENT_BURST: env.positiveInt().default(20),
  /** Refused events within 10 s after which the connection is closed (`reconnect {reason: RATE_LIMITED}`). */
  REALTIME_EVENT_MAX_REFUSED: env.positiveInt().default(20),
  /** Packets queued to a socket that does not read before it is disconnected (SLOW_CONSUMER). */
  REALTIME_MAX_PENDING_PACKETS: env.positiveInt().default(1_000),
  /**
   * Compress realtime frames (WebSocket permessage-deflate) for clients that offer it: less bandwidth for
   * more gateway CPU per frame, so off by default. Frames under the threshold (bytes) go uncompressed.
   */
  REALTIME_PERMESSAGE_DEFLATE: env.boolean().default(false),
  REALTIME_PERMESSAGE_DEFLATE_THRESHOLD: env.positiveInt().default(1_024),
  /**
   * Clients that connect with `batch: true`: a dispatch after a quiet window (ms) goes at once, the ones
   * following it within the window share one `dispatches` frame at its end — one write per socket per
   * window under load. 0 turns batching off (every client then gets single `dispatch` frames).
   */
  REALTIME_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(1_000).default(10),
  REALTIME_PING_INTERVAL_MS: env.positiveInt().default(25_000),
  REALTIME_PING_TIMEOUT_MS: env.positiveInt().default(20_000),
  /** On shutdown: how long to keep buffering for sessions until their clients resume elsewhere. */
  REALTIME_DRAIN_TIMEOUT_MS: env.positiveInt().default(5_000),
  /** Timeout of the gateway's calls to chat's internal realtime routes. */
  REALTIME_CHAT_TIMEOUT_MS: env.positiveInt().default(5_000),

  // --- presence reporting (the realtime edge tells presence who is connected)
  /** Presence's internal base URL; unset: connections are not reported and `ready` carries no presences. */
  PRESENCE_URL: env.url(['http', 'https']).optional(),
  /** How often this gateway sends presence its full connection list (liveness + repair + rebuild). */
  PRESENCE_HEARTBEAT_INTERVAL_MS: env.positiveInt().default(20_000),
  /** Timeout of the gateway's calls to presence (a slow presence never holds `ready` longer). */
  PRESENCE_TIMEOUT_MS: env.positiveInt().default(2_000),

  /** The voice service's base URL (routes.json sends voice states and joins there). */
  VOICE_URL: env.url(['http', 'https']),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
