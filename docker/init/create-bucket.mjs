// One-shot: create S3_BUCKET on the S3 server if it does not exist yet. Runs in a Bonfire service image,
// which carries @aws-sdk/client-s3 in /app/node_modules.
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';

const { S3Client, HeadBucketCommand, CreateBucketCommand } =
  createRequire('/app/package.json')('@aws-sdk/client-s3');
const bucket = process.env.S3_BUCKET ?? 'bonfire';
const s3 = new S3Client({
  endpoint: process.env.S3_ENDPOINT,
  region: process.env.S3_REGION ?? 'us-east-1',
  credentials: {
    accessKeyId: process.env.S3_ACCESS_KEY_ID,
    secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
  },
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

for (let attempt = 1; ; attempt++) {
  try {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }));
      console.log(`bucket ${bucket} exists`);
    } catch (error) {
      if (error?.$metadata?.httpStatusCode !== 404) throw error;
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      console.log(`bucket ${bucket} created`);
    }
    break;
  } catch (error) {
    if (attempt >= 30) throw error;
    console.log(`S3 not ready (${error?.name ?? error}); retrying`);
    await sleep(2000);
  }
}
s3.destroy();
