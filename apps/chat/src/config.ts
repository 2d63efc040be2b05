import { baseServiceConfig, databaseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

/** Everything the chat service reads from its environment. */
export const chatConfigSchema = baseServiceConfig.extend({
  CHAT_HOST: env.host().default('127.0.0.1'),
  CHAT_PORT: env.port().default(8082),
  CHAT_DATABASE_URL: env.distributedOnly(env.url(['postgres', 'postgresql'])),
  CHAT_DATABASE_POOL_SIZE: env.positiveInt().default(20),
  ...databaseServiceConfig,
  /** JSON body limit (a 4,000-character message with its fields fits well within it). */
  CHAT_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 64kb')
    .default('64kb'),
  REDIS_URL: env.distributedOnly(env.url(['redis', 'rediss'])),
  KAFKA_BROKERS: env.distributedOnly(env.list()),
  /** Publish the outbox to Kafka from this process (one relay per database holds the lock at a time). */
  CHAT_OUTBOX_RELAY_ENABLED: env.boolean().default(true),
  /** Keep the users projection from auth.users (tests of chat alone may turn it off). */
  CHAT_USERS_CONSUMER_ENABLED: env.boolean().default(true),
  /** Consumer group of the users projection (auth.users), one per deployment, and where a new one starts. */
  CHAT_USERS_CONSUMER_GROUP: z.string().min(1).default('chat.users-projection'),
  CHAT_USERS_CONSUMER_START_FROM: z.enum(['earliest', 'latest']).default('earliest'),
  /** A deleted account's messages: kept, shown as "Deleted user" (anonymise), or removed (account-deletion/). */
  CHAT_DELETED_USER_MESSAGES: z.enum(['anonymise', 'remove']).default('anonymise'),
  INTERNAL_IDENTITY_SECRET: z.string().min(32),
  /** Snowflake worker id; leave unset to lease a free one from Redis (each replica gets its own). */
  WORKER_ID: z.coerce.number().int().min(0).max(1023).optional(),
  /** Messages one user may send per 10 seconds across all channels, on top of each channel's slowmode. */
  CHAT_SEND_LIMIT_PER_10S: env.positiveInt().default(20),
  /** Active invites (neither expired nor used up) a guild may hold; one more is 400 TOO_MANY_INVITES. */
  CHAT_MAX_INVITES_PER_GUILD: env.positiveInt().default(1_000),
  /** Group DMs one user may be in; creating or joining one more is 400 TOO_MANY_GROUP_DMS. */
  CHAT_MAX_GROUP_DMS_PER_USER: env.positiveInt().default(100),
  /** Custom emoji a guild may hold: static ones, and animated ones (each over its cap: 400 TOO_MANY_EMOJIS). */
  CHAT_MAX_STATIC_EMOJIS: env.positiveInt().default(50),
  CHAT_MAX_ANIMATED_EMOJIS: env.positiveInt().default(50),
  /** The file service's internal base URL: sending a message with attachments claims them there. */
  FILE_URL: env.url(['http', 'https']),
  /** How long a send waits for the file service before answering 503. */
  CHAT_FILE_TIMEOUT_MS: env.positiveInt().default(2_000),
  /** Days an audit log entry is kept; older ones are pruned hourly. */
  AUDIT_LOG_RETENTION_DAYS: env.positiveInt().default(90),
  /** Record voice moves and disconnects (voice.member.moderated) in the audit log; its consumer group. */
  CHAT_VOICE_AUDIT_CONSUMER_ENABLED: env.boolean().default(true),
  CHAT_VOICE_AUDIT_CONSUMER_GROUP: z.string().min(1).default('chat.audit-log-voice'),
  /** Unfurl the links of new and edited messages (link embeds); its consumer group on chat.messages. */
  CHAT_EMBEDS_ENABLED: env.boolean().default(true),
  CHAT_EMBEDS_CONSUMER_GROUP: z.string().min(1).default('chat.embeds'),
  /** Pages unfurled at once per process (more wait: the consumer holds until a slot is free). */
  CHAT_EMBEDS_CONCURRENCY: env.positiveInt().default(4),
  /** Bytes of a page read at most (the rest is never read; its head is usually all an embed needs). */
  CHAT_EMBEDS_MAX_PAGE_BYTES: env.positiveInt().default(512 * 1024),
  /** Time limits of one page fetch: connecting, and the whole fetch with its redirects. */
  CHAT_EMBEDS_CONNECT_TIMEOUT_MS: env.positiveInt().default(3_000),
  CHAT_EMBEDS_FETCH_TIMEOUT_MS: env.positiveInt().default(8_000),
  /** How long the proxying of one embed image by the file service may take. */
  CHAT_EMBEDS_IMAGE_TIMEOUT_MS: env.positiveInt().default(15_000),
  /** How long an unfurled URL is reused (the same link posted again is not fetched again). */
  CHAT_EMBEDS_CACHE_SECONDS: env.positiveInt().default(600),
  /**
   * Addresses the link fetcher may reach although they are private or on another port (AddressPolicy:
   * `CIDR`, `ip:port`, `[ipv6]:port`). Production: unset. Tests: exactly their test server, e.g.
   * `127.0.0.1:45678`.
   */
  EMBED_FETCH_ALLOW_CIDRS: env.list().optional(),
  /** Decide who a new message notifies (notification.created); its consumer group on chat.messages. */
  CHAT_NOTIFICATIONS_CONSUMER_ENABLED: env.boolean().default(true),
  CHAT_NOTIFICATIONS_CONSUMER_GROUP: z.string().min(1).default('chat.notifications'),
  /** Most recipients one @everyone/@here message notifies (the first members by id; bounds the fan-out). */
  CHAT_NOTIFY_EVERYONE_MAX_RECIPIENTS: env.positiveInt().default(5_000),
  /**
   * Web Push (VAPID, RFC 8292): the application server's P-256 key pair (base64url, as web-push's
   * generateVAPIDKeys gives them) and a mailto: or https: contact. Unset: push is off (one info line).
   * No key is shipped: each deployment generates its own.
   */
  WEB_PUSH_VAPID_PUBLIC_KEY: z.string().min(1).optional(),
  WEB_PUSH_VAPID_PRIVATE_KEY: z.string().min(1).optional(),
  WEB_PUSH_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https: URL')
    .optional(),
  /** Consumer group of the push sender (notification.created on chat.readstates). */
  CHAT_WEB_PUSH_CONSUMER_GROUP: z.string().min(1).default('chat.web-push'),
  /** How long one push service request may take. */
  CHAT_WEB_PUSH_TIMEOUT_MS: env.positiveInt().default(5_000),
  /** Push subscriptions (browsers) one user may hold; one more is 400 TOO_MANY_PUSH_SUBSCRIPTIONS. */
  CHAT_MAX_PUSH_SUBSCRIPTIONS_PER_USER: env.positiveInt().default(10),
  /**
   * Push endpoint hosts that may resolve to private, loopback or link-local addresses (tests' local push
   * service), and whether plain http endpoints are accepted (never with NODE_ENV=production).
   */
  CHAT_WEB_PUSH_ALLOWED_PRIVATE_HOSTS: env.list().optional(),
  CHAT_WEB_PUSH_ALLOW_HTTP: env.boolean().default(false),
  /** Auth's internal base URL: a data export's profile.json carries the account (email, creation date). */
  AUTH_URL: env.url(['http', 'https']).optional(),
  /** Data exports (data-exports/): run the worker in this process; jobs at once; how often it looks for jobs. */
  CHAT_DATA_EXPORTS_ENABLED: env.boolean().default(true),
  CHAT_DATA_EXPORT_CONCURRENCY: env.positiveInt().default(1),
  CHAT_DATA_EXPORT_POLL_MS: env.positiveInt().default(5_000),
  /** A running job whose worker sent no heartbeat for this long (it died) is taken again. */
  CHAT_DATA_EXPORT_LEASE_SECONDS: env.positiveInt().default(60),
  /** Takes of one job before it fails. */
  CHAT_DATA_EXPORT_MAX_ATTEMPTS: env.positiveInt().default(3),
  /** One export per user per this many seconds (24 h; a failed one does not count). */
  CHAT_DATA_EXPORT_INTERVAL_SECONDS: env.positiveInt().default(86_400),
  /** Time limit of one file download into the archive, and of the archive's upload. */
  CHAT_DATA_EXPORT_TRANSFER_TIMEOUT_MS: env.positiveInt().default(600_000),
});

export type ChatConfig = z.infer<typeof chatConfigSchema>;

/** Injection token for the validated config. */
export const CHAT_CONFIG = Symbol('CHAT_CONFIG');

/** Product limits (documented in the README). */
export const CHAT_LIMITS = {
  messageLength: 4_000,
  attachmentsPerMessage: 10,
  guildNameLength: 100,
  channelNameLength: 100,
  topicLength: 1_024,
  roleNameLength: 100,
  nicknameLength: 32,
  groupDmRecipients: 10,
  guildsPerUser: 200,
  channelsPerGuild: 500,
  rolesPerGuild: 250,
  historyPageMax: 100,
  memberPageMax: 1_000,
} as const;
