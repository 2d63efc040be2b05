import { availableParallelism } from 'node:os';
import { baseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

const ip = () => z.union([z.ipv4(), z.ipv6()]);

/** Everything the voice service reads from its environment. */
export const voiceConfigSchema = baseServiceConfig
  .extend({
    VOICE_HOST: env.host().default('127.0.0.1'),
    /** The internal listener: REST API (called by the gateway and chat), health, readiness, /metrics. */
    VOICE_PORT: env.port().default(8086),
    /**
     * The public listener: socket.io signaling only (VOICE_SIGNALING_PATH); anything else there is 404.
     * Browsers reach it; the REST API and /metrics never are on it. Host unset: VOICE_HOST.
     */
    VOICE_SIGNALING_HOST: env.host().optional(),
    VOICE_SIGNALING_PORT: env.port().default(8087),
    /**
     * Base URL clients reach this node's signaling at (the join answer's `endpoint`): the signaling
     * listener. Unset: the address that listener binds (fine on one machine; set it behind a load balancer
     * or in Kubernetes).
     */
    VOICE_PUBLIC_URL: env.url(['http', 'https']).optional(),
    /** This node's id in the placement registry. Unset: host name, pid and a random suffix. */
    VOICE_NODE_ID: z
      .string()
      .regex(/^[\w.-]{1,100}$/)
      .optional(),
    /** mediasoup workers (one process each, one CPU core each). Default: one per core. */
    VOICE_WORKERS: env.positiveInt().default(availableParallelism()),
    /** The local IP the RTC sockets bind to (0.0.0.0 in a pod). */
    VOICE_RTC_LISTEN_IP: ip().default('127.0.0.1'),
    /** The IP put in ICE candidates when clients must reach another one (NAT, the node's public IP). */
    VOICE_RTC_ANNOUNCED_IP: ip().optional(),
    /** UDP/TCP port range of the RTC sockets (one port per transport; open it in firewalls). */
    VOICE_RTC_MIN_PORT: env.port().default(40_000),
    VOICE_RTC_MAX_PORT: env.port().default(49_999),
    VOICE_RTC_UDP: env.boolean().default(true),
    VOICE_RTC_TCP: env.boolean().default(true),
    /**
     * DTLS certificate and key (PEM files) of the workers. Unset: each worker generates its own at start
     * (clients check the fingerprint from signaling, never a CA, so a self-signed one is right).
     */
    VOICE_DTLS_CERTIFICATE_FILE: z.string().min(1).optional(),
    VOICE_DTLS_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    /**
     * mediasoup worker log level and tags (e.g. `dtls,ice,rtp`); worker logs are printed through the
     * `debug` module (set DEBUG=mediasoup* to see them).
     */
    /**
     * mediasoup's own variable: the worker binary it spawns (mediasoup reads it from the process
     * environment; unset: node_modules/mediasoup/worker/out/Release/mediasoup-worker, built by
     * tools/mediasoup/install-worker.mjs). When it is missing voice still starts, with media unavailable.
     */
    MEDIASOUP_WORKER_BIN: z.string().min(1).optional(),
    VOICE_WORKER_LOG_LEVEL: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
    VOICE_WORKER_LOG_TAGS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    /** HS256 secret of the voice tokens (at least 32 characters; every voice node shares it). */
    VOICE_TOKEN_SECRET: z.string().min(32),
    VOICE_TOKEN_TTL_SECONDS: env.positiveInt().default(60),
    /** A router holding this many consumers takes no new peers: they go on a router of another worker. */
    VOICE_MAX_CONSUMERS_PER_ROUTER: env.positiveInt().default(500),
    /**
     * Consumers one client may hold at once (one per producer it receives: a microphone, camera or screen
     * of another member); `consume` beyond it is refused with TOO_MANY_CONSUMERS. The default covers a
     * full 99-member channel's microphones plus 51 cameras or screens, and keeps one client well under a
     * router's share (VOICE_MAX_CONSUMERS_PER_ROUTER).
     */
    VOICE_MAX_CONSUMERS_PER_PEER: env.positiveInt().default(150),
    /** A voice state whose client is not connected to signaling for this long is removed. */
    VOICE_RECONNECT_GRACE_SECONDS: env.positiveInt().default(15),
    /** How often a node refreshes its registration and sweeps abandoned voice states and dead nodes. */
    VOICE_SWEEP_INTERVAL_MS: env.positiveInt().default(5_000),
    /** A node not heard from for this long is dead: its rooms are unpinned and their states removed. */
    VOICE_NODE_TTL_SECONDS: env.positiveInt().default(15),
    /** AudioLevelObserver: louder than this (dBov, -127…0) counts as speaking, sampled every interval. */
    VOICE_SPEAKING_THRESHOLD_DB: z.coerce.number().int().min(-127).max(0).default(-60),
    VOICE_SPEAKING_INTERVAL_MS: z.coerce.number().int().min(100).max(5_000).default(500),
    /** Prefix of every Redis key voice writes (nodes sharing a prefix share states and placement). */
    VOICE_KEY_PREFIX: z.string().min(1).default('voice'),
    /** Chat's internal base URL: channel type, user limit and permissions come from there. */
    CHAT_URL: env.url(['http', 'https']),
    VOICE_CHAT_TIMEOUT_MS: env.positiveInt().default(2_000),
    REDIS_URL: env.distributedOnly(env.url(['redis', 'rediss'])),
    KAFKA_BROKERS: env.distributedOnly(env.list()),
    INTERNAL_IDENTITY_SECRET: z.string().min(32),
    /**
     * Consumer group reading chat.members, chat.roles, chat.channels and chat.guilds: members who leave a
     * guild, lose CONNECT or VIEW_CHANNEL, or whose channel is deleted are disconnected from voice; lost
     * SPEAK/STREAM closes their producers (the name predates the other topics; kept so offsets carry on).
     */
    VOICE_CONSUMER_GROUP: z.string().min(1).default('voice.members'),
    /** Whether that consumer runs (tests of a lone voice service turn it off). */
    VOICE_MEMBERS_CONSUMER_ENABLED: env.boolean().default(true),
  })
  .refine((config) => config.VOICE_RTC_MIN_PORT <= config.VOICE_RTC_MAX_PORT, {
    path: ['VOICE_RTC_MAX_PORT'],
    message: 'must not be below VOICE_RTC_MIN_PORT',
  })
  .refine(
    (config) =>
      config.VOICE_SIGNALING_PORT === 0 ||
      config.VOICE_SIGNALING_PORT !== config.VOICE_PORT ||
      (config.VOICE_SIGNALING_HOST ?? config.VOICE_HOST) !== config.VOICE_HOST,
    {
      path: ['VOICE_SIGNALING_PORT'],
      message: 'must differ from VOICE_PORT (signaling has its own public listener)',
    },
  )
  .refine((config) => config.VOICE_RTC_UDP || config.VOICE_RTC_TCP, {
    path: ['VOICE_RTC_UDP'],
    message: 'VOICE_RTC_UDP and VOICE_RTC_TCP cannot both be false',
  });

export type VoiceConfig = z.infer<typeof voiceConfigSchema>;

/** Injection token for the validated config. */
export const VOICE_CONFIG = Symbol('VOICE_CONFIG');

export const VOICE_LIMITS = {
  /** Largest signaling message (RTP parameters of a simulcast video are a few kB). */
  signalingMessageBytes: 64 * 1024,
} as const;
