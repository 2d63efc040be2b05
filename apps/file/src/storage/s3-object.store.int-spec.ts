import { describeObjectStoreContract } from './object-store.contract';
import { S3ObjectStore } from './s3-object.store';

describeObjectStoreContract('S3 server (S3_* from bonfire.env)', () => {
  const store = new S3ObjectStore({
    endpoint: process.env['S3_ENDPOINT']!,
    region: process.env['S3_REGION']!,
    bucket: process.env['S3_BUCKET']!,
    accessKeyId: process.env['S3_ACCESS_KEY_ID']!,
    secretAccessKey: process.env['S3_SECRET_ACCESS_KEY']!,
  });
  return Promise.resolve({
    store,
    lengthRefusal: 'SignatureDoesNotMatch',
    dispose: () => Promise.resolve(store.onApplicationShutdown()),
  });
});
