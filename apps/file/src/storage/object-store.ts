import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HealthRegistry } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from '../config';

/**
 * The object store (any S3-compatible server). Uploads and downloads go straight between the client and
 * the store through presigned URLs; this service only signs, inspects, writes thumbnails and deletes.
 */
@Injectable()
export class ObjectStore implements OnApplicationShutdown {
  private readonly client: S3Client;
  /** Signs URLs for the address clients use (the same client unless FILE_S3_PUBLIC_ENDPOINT is set). */
  private readonly signer: S3Client;
  private readonly bucket: string;

  constructor(@Inject(FILE_CONFIG) config: FileConfig, health: HealthRegistry) {
    this.bucket = config.S3_BUCKET;
    this.client = createClient(config, config.S3_ENDPOINT);
    this.signer = config.FILE_S3_PUBLIC_ENDPOINT
      ? createClient(config, config.FILE_S3_PUBLIC_ENDPOINT)
      : this.client;
    health.register('s3', async () => {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    });
  }

  /** A URL the client PUTs the bytes to; the signature covers the content type. */
  presignPut(key: string, contentType: string, expiresIn: number): Promise<string> {
    return getSignedUrl(
      this.signer,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
      { expiresIn },
    );
  }

  /** Opens a multipart upload; returns its upload id. */
  async createMultipart(key: string, contentType: string): Promise<string> {
    const reply = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
    );
    if (!reply.UploadId) throw new Error(`no upload id for ${key}`);
    return reply.UploadId;
  }

  /** A URL the client PUTs one part to; its answer's ETag header is what completion needs. */
  presignPart(key: string, uploadId: string, partNumber: number, expiresIn: number): Promise<string> {
    return getSignedUrl(
      this.signer,
      new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }),
      { expiresIn },
    );
  }

  /**
   * Assembles the parts into the object. Refusals the client can fix (a wrong or missing ETag, a part
   * too small) come back as `{ refused }`; `{ gone: true }` when the upload no longer exists (already
   * completed, or aborted).
   */
  async completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
  ): Promise<{ ok: true } | { ok: false; gone: true } | { ok: false; gone: false; refused: string }> {
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

  /** Abandons a multipart upload and frees its parts; an upload already gone is fine. */
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

  /** A short-lived download URL; the store answers with the given content type and disposition. */
  presignGet(
    key: string,
    expiresIn: number,
    response: { contentType: string; disposition: string },
  ): Promise<string> {
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

  /** The stored size, or null when there is no such object. */
  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The first `length` bytes (or fewer, for a shorter object). */
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

  /** Deletes objects; missing ones are fine. */
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

function createClient(config: FileConfig, endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: config.S3_REGION,
    credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY },
    forcePathStyle: true,
    // Plain S3 semantics: no checksum headers the signature would have to cover.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** CompleteMultipartUpload refusals caused by what the client sent. */
const CLIENT_PART_ERRORS = new Set(['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall', 'MalformedXML']);

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey')
  );
}

/** Where a file's bytes and thumbnails live. */
export const objectKeys = {
  original: (fileId: string) => `files/${fileId}/original`,
  thumbnail: (fileId: string, size: 'small' | 'large') => `files/${fileId}/${size}.webp`,
  all: (fileId: string) => [
    `files/${fileId}/original`,
    `files/${fileId}/small.webp`,
    `files/${fileId}/large.webp`,
  ],
};
