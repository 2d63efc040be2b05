// S3-compatible object store: versitygw (built once with `go install`) over a posix folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketCorsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  cacheRoot,
  ensureDir,
  portOf,
  progress,
  run,
  serverPaths,
  setting,
  spawnDetached,
  which,
} from '../lib/support.mjs';

const name = 's3';
const version = setting('VERSITYGW_VERSION');
const endpoint = setting('S3_ENDPOINT');
const port = portOf(endpoint);
const bucket = setting('S3_BUCKET');
const paths = serverPaths(name);
const binDir = join(cacheRoot, `versitygw-${version}`); // GOBIN: one folder per version
const binary = join(binDir, 'versitygw');

const client = () =>
  new S3Client({
    endpoint,
    region: setting('S3_REGION'),
    credentials: {
      accessKeyId: setting('S3_ACCESS_KEY_ID'),
      secretAccessKey: setting('S3_SECRET_ACCESS_KEY'),
    },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });

async function withClient(fn) {
  const s3 = client();
  try {
    return await fn(s3);
  } finally {
    s3.destroy();
  }
}

export default {
  name,
  port,
  paths,
  version: () => version,
  healthTimeoutMs: 30_000,

  async install() {
    if (existsSync(binary)) return;
    if (!which('go')) throw new Error('go (≥ 1.25) is not installed: it builds versitygw with `go install`');
    progress.step(
      name,
      `building versitygw ${version} with go install (first run only, takes a few minutes)…`,
    );
    ensureDir(binDir);
    await run('go', ['install', `github.com/versity/versitygw/cmd/versitygw@${version}`], {
      env: { GOBIN: binDir },
      logFile: join(binDir, 'build.log'),
    });
  },

  async start() {
    const root = ensureDir(join(paths.dir, 'buckets'));
    // Credentials through the environment, so they do not show up in `ps`.
    const env = {
      ROOT_ACCESS_KEY_ID: setting('S3_ACCESS_KEY_ID'),
      ROOT_SECRET_ACCESS_KEY: setting('S3_SECRET_ACCESS_KEY'),
    };
    const args = ['--port', `127.0.0.1:${port}`, '--region', setting('S3_REGION'), '--quiet', 'posix', root];
    return spawnDetached(binary, args, { cwd: paths.dir, env, ...paths });
  },

  async health() {
    await withClient((s3) => s3.send(new ListBucketsCommand({})));
  },

  /**
   * Create S3_BUCKET if it does not exist (idempotent) and let browsers use its presigned URLs: the web client
   * PUTs uploads straight to S3 from the gateway's origin and reads the parts' ETag for multipart uploads.
   * Any origin is fine here: a presigned URL is the authorisation, and this server listens on loopback only.
   */
  async provision() {
    await withClient(async (s3) => {
      try {
        await s3.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        if (error?.$metadata?.httpStatusCode !== 404) throw error;
        await s3.send(new CreateBucketCommand({ Bucket: bucket }));
        progress.step(name, `created bucket ${bucket}`);
      }
      await s3.send(
        new PutBucketCorsCommand({
          Bucket: bucket,
          CORSConfiguration: {
            CORSRules: [
              {
                AllowedOrigins: ['*'],
                AllowedMethods: ['GET', 'HEAD', 'PUT'],
                AllowedHeaders: ['*'],
                ExposeHeaders: ['ETag'],
                MaxAgeSeconds: 3600,
              },
            ],
          },
        }),
      );
    });
  },
};
