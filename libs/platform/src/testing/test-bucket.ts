import {
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client } from '../s3';

/**
 * The S3 bucket the services use (S3_* from bonfire.env), seen from a test or a benchmark: to seed objects and
 * check what the file service stored or removed, straight at the S3 server. `@bonfire/platform/testing/s3`,
 * apart from the other helpers, so tests without object storage never load the AWS SDK.
 */
export class TestBucket {
  readonly name = process.env['S3_BUCKET'] ?? 'bonfire';
  readonly client: S3Client = createS3Client({
    endpoint: process.env['S3_ENDPOINT'] ?? '',
    region: process.env['S3_REGION'] ?? 'us-east-1',
    accessKeyId: process.env['S3_ACCESS_KEY_ID'] ?? '',
    secretAccessKey: process.env['S3_SECRET_ACCESS_KEY'] ?? '',
  });

  async put(key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.name, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.name, Key: key }));
      return true;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return false;
      throw error;
    }
  }

  /** Multipart uploads still open for exactly this key. */
  async openUploads(key: string): Promise<number> {
    const listed = await this.client.send(
      new ListMultipartUploadsCommand({ Bucket: this.name, Prefix: key }),
    );
    return (listed.Uploads ?? []).filter((upload) => upload.Key === key).length;
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.name,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
    }
  }

  close(): void {
    this.client.destroy();
  }
}
