import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { distributedSetting, HealthRegistry } from '@bonfire/platform';
import { createS3Client } from '@bonfire/platform/s3';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { FileConfig } from '../config';
import {
  type CompleteMultipartResult,
  type GetResponse,
  ObjectStore,
  type PartGrant,
  type PutGrant,
} from './object-store';

/** Where the S3 adapter finds its server (read from the S3_* settings of the distributed shape). */
interface S3Settings {
  endpoint: string;
  /** The endpoint written into presigned URLs, when clients reach the store by another address. */
  publicEndpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export function s3Settings(config: FileConfig): S3Settings {
  return {
    endpoint: distributedSetting(config.S3_ENDPOINT, 'S3_ENDPOINT'),
    publicEndpoint: config.FILE_S3_PUBLIC_ENDPOINT,
    region: distributedSetting(config.S3_REGION, 'S3_REGION'),
    bucket: distributedSetting(config.S3_BUCKET, 'S3_BUCKET'),
    accessKeyId: distributedSetting(config.S3_ACCESS_KEY_ID, 'S3_ACCESS_KEY_ID'),
    secretAccessKey: distributedSetting(config.S3_SECRET_ACCESS_KEY, 'S3_SECRET_ACCESS_KEY'),
  };
}

/**
 * The object store on any S3-compatible server (the distributed shape). Presigned PUT and UploadPart URLs
 * sign the host and the exact Content-Length of the grant, so the server refuses a body of any other
 * length (403 SignatureDoesNotMatch); the content type is not signed (the completion's type check
 * refuses wrong content).
 */
@Injectable()
export class S3ObjectStore extends ObjectStore implements OnApplicationShutdown {
  private readonly client: S3Client;
  /** Signs URLs for the address clients use (the same client unless a public endpoint is set). */
  private readonly signer: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings, health?: HealthRegistry) {
    super();
    this.bucket = settings.bucket;
    this.client = createClient(settings, settings.endpoint);
    this.signer = settings.publicEndpoint ? createClient(settings, settings.publicEndpoint) : this.client;
    health?.register('s3', async () => {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    });
  }

  presignPut(key: string, grant: PutGrant): Promise<string> {
    return lengthSigned(
      getSignedUrl(
        this.signer,
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ContentType: grant.contentType,
          ContentLength: grant.size,
        }),
        { expiresIn: grant.expiresIn, signableHeaders: signedLength() },
      ),
    );
  }

  async createMultipart(key: string, contentType: string): Promise<string> {
    const reply = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
    );
    if (!reply.UploadId) throw new Error(`no upload id for ${key}`);
    return reply.UploadId;
  }

  presignPart(key: string, uploadId: string, partNumber: number, grant: PartGrant): Promise<string> {
    return lengthSigned(
      getSignedUrl(
        this.signer,
        new UploadPartCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          PartNumber: partNumber,
          ContentLength: grant.size,
        }),
        { expiresIn: grant.expiresIn, signableHeaders: signedLength() },
      ),
    );
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
  ): Promise<CompleteMultipartResult> {
    try {
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: {
            Parts: parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })),
          },
        }),
      );
      return { ok: true };
    } catch (error) {
      if (!(error instanceof S3ServiceException)) throw error;
      if (error.name === 'NoSuchUpload') return { ok: false, gone: true };
      if (CLIENT_PART_ERRORS.has(error.name)) return { ok: false, gone: false, refused: error.name };
      throw error;
    }
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    try {
      await this.client.send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }),
      );
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === 'NoSuchUpload' || isNotFound(error))) return;
      throw error;
    }
  }

  presignGet(key: string, expiresIn: number, response: GetResponse): Promise<string> {
    return getSignedUrl(
      this.signer,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: response.contentType,
        ResponseContentDisposition: response.disposition,
      }),
      { expiresIn },
    );
  }

  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async head(key: string, length: number): Promise<Buffer> {
    const reply = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` }),
    );
    return Buffer.from(await reply.Body!.transformToByteArray());
  }

  async read(key: string): Promise<Buffer> {
    const reply = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from(await reply.Body!.transformToByteArray());
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    for (let start = 0; start < keys.length; start += 1_000) {
      const reply = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: keys.slice(start, start + 1_000).map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = (reply.Errors ?? []).filter((error) => error.Code !== 'NoSuchKey');
      if (failed.length > 0) {
        throw new Error(`could not delete ${failed.map((e) => `${e.Key}: ${e.Code}`).join(', ')}`);
      }
    }
  }

  onApplicationShutdown(): void {
    this.client.destroy();
    if (this.signer !== this.client) this.signer.destroy();
  }
}

/**
 * The presigner signs every header the request carries but a fixed few (and hoists `x-amz-*` ones into
 * the query), so the command's ContentLength is what puts `content-length` into X-Amz-SignedHeaders;
 * `signableHeaders` says so explicitly.
 */
const signedLength = () => new Set(['content-length']);

/**
 * The presigned URL, checked to sign its Content-Length, so that an SDK change can never quietly hand out
 * URLs that take a body of any length.
 */
async function lengthSigned(presigned: Promise<string>): Promise<string> {
  const url = await presigned;
  const signed = new URL(url).searchParams.get('X-Amz-SignedHeaders')?.split(';') ?? [];
  if (!signed.includes('content-length')) {
    throw new Error(`presigned URL does not sign its Content-Length (signed: ${signed.join(', ')})`);
  }
  return url;
}

function createClient(settings: S3Settings, endpoint: string): S3Client {
  return createS3Client({ ...settings, endpoint });
}

/** CompleteMultipartUpload refusals caused by what the client sent. */
const CLIENT_PART_ERRORS = new Set(['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall', 'MalformedXML']);

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey')
  );
}
