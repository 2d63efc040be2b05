import { MAX_UPLOAD_PARTS } from '@bonfire/contracts';
import { baseServiceConfig, databaseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

const MIB = 1024 * 1024;
/** S3's smallest part (every part but the last). */
const S3_MIN_PART_BYTES = 5 * MIB;
/**
 * Room for one part in a completion body: `{"partNumber":10000,"etag":"\"<32 hex>\""},` is 62 bytes; the
 * rest is for longer ETags.
 */
const COMPLETED_PART_JSON_BYTES = 96;

/** Everything the file service reads from its environment. */
export const fileConfigSchema = baseServiceConfig
  .extend({
    FILE_HOST: env.host().default('127.0.0.1'),
    FILE_PORT: env.port().default(8084),
    FILE_DATABASE_URL: env.distributedOnly(env.url(['postgres', 'postgresql'])),
    FILE_DATABASE_POOL_SIZE: env.positiveInt().default(10),
    ...databaseServiceConfig,
    /** JSON body limit: upload requests carry metadata only, never bytes. */
    FILE_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must look like 64kb')
      .default('16kb'),
    /** Leases the snowflake worker id (distributed shape only). */
    REDIS_URL: env.distributedOnly(env.url(['redis', 'rediss'])),
    KAFKA_BROKERS: env.distributedOnly(env.list()),
    /** Publish the outbox to Kafka from this process (one relay per database holds the lock at a time). */
    FILE_OUTBOX_RELAY_ENABLED: env.boolean().default(true),
    /**
     * Consume chat's message, channel and guild events: confirm claims, delete the files of deleted messages,
     * channels and guilds.
     */
    FILE_MESSAGES_CONSUMER_ENABLED: env.boolean().default(true),
    /** The Kafka consumer group of those events (one per deployment: its replicas share the partitions). */
    FILE_CONSUMER_GROUP: z.string().min(1).default('file.chat-events'),
    /** Where a new consumer group starts reading. */
    FILE_CONSUMER_START_FROM: z.enum(['earliest', 'latest']).default('earliest'),
    INTERNAL_IDENTITY_SECRET: z.string().min(32),
    /** Snowflake worker id; leave unset to lease a free one from Redis (each replica gets its own). */
    WORKER_ID: z.coerce.number().int().min(0).max(1023).optional(),
    /** Chat's internal base URL: who may upload to or read a channel is chat's knowledge. */
    CHAT_URL: env.url(['http', 'https']),
    FILE_CHAT_TIMEOUT_MS: env.positiveInt().default(2_000),

    S3_ENDPOINT: env.distributedOnly(env.url(['http', 'https'])),
    /** The endpoint written into presigned URLs, when clients reach the store by another address. */
    FILE_S3_PUBLIC_ENDPOINT: env.url(['http', 'https']).optional(),
    S3_REGION: env.distributedOnly(z.string().min(1)),
    S3_BUCKET: env.distributedOnly(z.string().min(1)),
    S3_ACCESS_KEY_ID: env.distributedOnly(z.string().min(1)),
    S3_SECRET_ACCESS_KEY: env.distributedOnly(z.string().min(1)),
    /**
     * Standalone shape (files in BONFIRE_DATA_DIR): the base URL of the signed upload and download links,
     * the address users open (the gateway proxies /storage here). Unset: http://localhost:GATEWAY_PORT.
     */
    FILE_PUBLIC_URL: env.url(['http', 'https']).optional(),
    /** The gateway's port on this machine, for the default FILE_PUBLIC_URL. */
    GATEWAY_PORT: env.port().default(8080),

    /** Largest attachment in a channel, in bytes (25 MiB). */
    FILE_MAX_ATTACHMENT_BYTES: env.positiveInt().default(25 * MIB),
    /** Largest avatar or guild icon, in bytes (8 MiB). */
    FILE_MAX_AVATAR_BYTES: env.positiveInt().default(8 * MIB),
    /** Largest remote image fetched for a link embed (bigger ones leave the embed without an image). */
    FILE_REMOTE_IMAGE_MAX_BYTES: env.positiveInt().default(8 * MIB),
    /** Time limits of one remote image fetch: connecting, and the whole fetch with its redirects. */
    FILE_REMOTE_IMAGE_CONNECT_TIMEOUT_MS: env.positiveInt().default(3_000),
    FILE_REMOTE_IMAGE_TIMEOUT_MS: env.positiveInt().default(10_000),
    /** Private addresses the remote image fetcher may reach (as chat's EMBED_FETCH_ALLOW_CIDRS; unset in production). */
    EMBED_FETCH_ALLOW_CIDRS: env.list().optional(),
    /** Largest custom emoji image, in bytes (256 KiB); PNG, GIF or WebP, scaled to fit 128×128. */
    FILE_MAX_EMOJI_BYTES: env.positiveInt().default(256 * 1024),
    /** Content types allowed for avatars and guild icons. */
    FILE_AVATAR_TYPES: env.list().default(['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
    /** Lifetime of a presigned upload (PUT) URL. */
    FILE_UPLOAD_URL_TTL_SECONDS: env.positiveInt().default(600),
    /** Lifetime of a presigned download (GET) URL. */
    FILE_DOWNLOAD_URL_TTL_SECONDS: env.positiveInt().default(300),
    /** Uploads not completed within this age are deleted (rows and objects). */
    FILE_PENDING_MAX_AGE_SECONDS: env.positiveInt().default(3_600),
    /** How often the cleanup of abandoned uploads and unconfirmed claims runs (0 turns it off). */
    FILE_CLEANUP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
    /** Uploads larger than this many bytes are S3 multipart uploads (16 MiB). */
    FILE_MULTIPART_THRESHOLD_BYTES: env.positiveInt().default(16 * MIB),
    /** Bytes in every part of a multipart upload but the last (8 MiB; S3 wants 5 MiB to 5 GiB). */
    FILE_MULTIPART_PART_BYTES: z.coerce
      .number()
      .int()
      .min(S3_MIN_PART_BYTES)
      .max(5 * 1024 * MIB)
      .default(8 * MIB),
    /**
     * Uploads a user may have open at once (requested, neither completed nor older than
     * FILE_PENDING_MAX_AGE_SECONDS); one more is refused with 409 TOO_MANY_OPEN_UPLOADS.
     */
    FILE_MAX_OPEN_UPLOADS: env.positiveInt().default(20),
    /**
     * Largest image decoded for thumbnails, in pixels (width × height, read from the header before
     * decoding); larger ones are refused at completion with 400 IMAGE_TOO_LARGE.
     */
    FILE_IMAGE_MAX_PIXELS: env.positiveInt().default(50_000_000),
    /** Images decoded at once by one process; further completions of images wait their turn. */
    FILE_IMAGE_CONCURRENCY: env.positiveInt().default(2),
    /**
     * A claim by a message whose message.created never arrives within this time (chat's transaction rolled
     * back after claiming) is released, so the upload can be sent again.
     */
    FILE_CLAIM_CONFIRM_SECONDS: env.positiveInt().default(600),
    /** Data exports: how long an archive stays downloadable before the cleanup removes it (7 days). */
    FILE_EXPORT_TTL_SECONDS: env.positiveInt().default(7 * 24 * 3_600),
    /** Largest data export archive, in bytes (4 GiB − 1: the archive has no ZIP64 records). */
    FILE_MAX_EXPORT_BYTES: env.positiveInt().max(0xffff_ffff).default(0xffff_ffff),
  })
  .superRefine((config, context) => {
    const largest = Math.max(config.FILE_MAX_ATTACHMENT_BYTES, config.FILE_MAX_AVATAR_BYTES);
    const parts = Math.ceil(largest / config.FILE_MULTIPART_PART_BYTES);
    if (parts > MAX_UPLOAD_PARTS) {
      context.addIssue({
        code: 'custom',
        path: ['FILE_MULTIPART_PART_BYTES'],
        message: `must cut a ${largest}-byte file into at most ${MAX_UPLOAD_PARTS} parts`,
      });
    }
    if (parts * COMPLETED_PART_JSON_BYTES > bodyLimitBytes(config.FILE_BODY_LIMIT)) {
      context.addIssue({
        code: 'custom',
        path: ['FILE_BODY_LIMIT'],
        message: `must hold the completion of a ${parts}-part upload (${parts * COMPLETED_PART_JSON_BYTES} bytes)`,
      });
    }
  });

export type FileConfig = z.infer<typeof fileConfigSchema>;

/** Injection token for the validated config. */
export const FILE_CONFIG = Symbol('FILE_CONFIG');

/** Thumbnail bounding boxes (webp, aspect ratio kept, never enlarged). */
export const THUMBNAIL_SIZES = { small: 256, large: 1024 } as const;
export type ThumbnailSize = keyof typeof THUMBNAIL_SIZES;

function bodyLimitBytes(limit: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(limit)!;
  const scale = { b: 1, kb: 1024, mb: MIB }[unit!.toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(amount) * scale;
}
