import {
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';

/**
 * The S3 bucket the services use (S3_* from bonfire.env), seen from a test or a benchmark: to check what the
 * file service stored or removed, straight at the S3 server.
 */
export class TestBucket {
  readonly name = process.env['S3_BUCKET'] ?? 'bonfire';
  readonly client = new S3Client({
    endpoint: process.env['S3_ENDPOINT'],
    region: process.env['S3_REGION'],
    credentials: {
      accessKeyId: process.env['S3_ACCESS_KEY_ID'] ?? '',
      secretAccessKey: process.env['S3_SECRET_ACCESS_KEY'] ?? '',
    },
    // what non-AWS servers need: path-style URLs, checksums only when the operation requires them
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

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
