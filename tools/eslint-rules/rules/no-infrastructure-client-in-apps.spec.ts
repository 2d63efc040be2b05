import { rule, RULE_NAME } from './no-infrastructure-client-in-apps';
import { ruleTester } from './rule-tester';

const app = 'apps/file/src/storage/s3-object.store.ts';

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    // request objects are not clients
    {
      filename: app,
      code: `import { PutObjectCommand } from '@aws-sdk/client-s3'; new PutObjectCommand({});`,
    },
    // a class of the same name from elsewhere
    { filename: app, code: `import { Client } from './my-client'; new Client();` },
    // tests may build their own
    {
      filename: 'apps/file/src/storage/s3.int-spec.ts',
      code: `import { S3Client } from '@aws-sdk/client-s3'; new S3Client({});`,
    },
    // injected, not constructed
    {
      filename: app,
      code: `import type { S3Client } from '@aws-sdk/client-s3'; export class S { constructor(private s3: S3Client) {} }`,
    },
  ],
  invalid: [
    {
      filename: app,
      code: `import { S3Client } from '@aws-sdk/client-s3'; const s3 = new S3Client({});`,
      errors: [{ messageId: 'constructedInApp', data: { name: 'S3Client', source: '@aws-sdk/client-s3' } }],
    },
    {
      filename: 'apps/search/src/main.ts',
      code: `import { Client } from '@elastic/elasticsearch'; new Client({ node: 'x' });`,
      errors: [{ messageId: 'constructedInApp' }],
    },
    {
      filename: 'apps/auth/src/x.ts',
      code: `import Redis from 'ioredis'; new Redis('redis://x');`,
      errors: [{ messageId: 'constructedInApp', data: { name: 'Redis', source: 'ioredis' } }],
    },
    {
      filename: 'apps/auth/src/x.ts',
      code: `import * as pg from 'pg'; new pg.Pool({});`,
      errors: [{ messageId: 'constructedInApp', data: { name: 'pg', source: 'pg' } }],
    },
    {
      filename: 'apps/auth/src/mail/smtp.ts',
      code: `import { createTransport } from 'nodemailer'; createTransport('smtp://x');`,
      errors: [{ messageId: 'constructedInApp' }],
    },
    {
      filename: 'apps/auth/src/mail/smtp.ts',
      code: `import nodemailer from 'nodemailer'; nodemailer.createTransport('smtp://x');`,
      errors: [{ messageId: 'constructedInApp', data: { name: 'nodemailer', source: 'nodemailer' } }],
    },
  ],
});
