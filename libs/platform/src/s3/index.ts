import { S3Client } from '@aws-sdk/client-s3';

export interface S3ClientSettings {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The one way a service builds a client of an S3-compatible server (`@bonfire/platform/s3`, a separate
 * entry so services without object storage never load the AWS SDK): path-style addressing (MinIO,
 * versitygw, Garage) and plain S3 semantics, with no checksum headers a presigned signature would have
 * to cover. The caller owns its lifetime (`destroy()` on shutdown).
 */
export function createS3Client(settings: S3ClientSettings): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
