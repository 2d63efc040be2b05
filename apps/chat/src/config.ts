import { baseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

/** Everything the chat service reads from its environment. */
export const chatConfigSchema = baseServiceConfig.extend({
  CHAT_HOST: env.host().default('127.0.0.1'),
  CHAT_PORT: env.port().default(8082),
  CHAT_DATABASE_URL: env.distributedOnly(env.url(['postgres', 'postgresql'])),
  CHAT_DATABASE_POOL_SIZE: env.positiveInt().default(20),
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
  INTERNAL_IDENTITY_SECRET: z.string().min(32),
  /** Snowflake worker id; leave unset to lease a free one from Redis (each replica gets its own). */
  WORKER_ID: z.coerce.number().int().min(0).max(1023).optional(),
  /** Messages one user may send per 10 seconds across all channels, on top of each channel's slowmode. */
  CHAT_SEND_LIMIT_PER_10S: env.positiveInt().default(20),
  /** Active invites (neither expired nor used up) a guild may hold; one more is 400 TOO_MANY_INVITES. */
  CHAT_MAX_INVITES_PER_GUILD: env.positiveInt().default(1_000),
  /** Group DMs one user may be in; creating or joining one more is 400 TOO_MANY_GROUP_DMS. */
  CHAT_MAX_GROUP_DMS_PER_USER: env.positiveInt().default(100),
  /** The file service's internal base URL: sending a message with attachments claims them there. */
  FILE_URL: env.url(['http', 'https']),
  /** How long a send waits for the file service before answering 503. */
  CHAT_FILE_TIMEOUT_MS: env.positiveInt().default(2_000),
  /** Days an audit log entry is kept; older ones are pruned hourly. */
  AUDIT_LOG_RETENTION_DAYS: env.positiveInt().default(90),
  /** Record voice moves and disconnects (voice.member.moderated) in the audit log; its consumer group. */
  CHAT_VOICE_AUDIT_CONSUMER_ENABLED: env.boolean().default(true),
  CHAT_VOICE_AUDIT_CONSUMER_GROUP: z.string().min(1).default('chat.audit-log-voice'),
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
