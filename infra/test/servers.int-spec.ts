// Smoke tests against the servers `npm run infra:up` started (settings from bonfire.env via the setup file).
import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Client as ElasticClient } from '@elastic/elasticsearch';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { createTransport } from 'nodemailer';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DLQ_SUFFIX, loadTopics } from '../kafka/topics.mjs';

const env = process.env as Record<string, string>;
const unique = `infra-smoke-${Date.now()}-${randomUUID().slice(0, 8)}`;

describe('local servers (npm run infra:up)', () => {
  const databaseUrls = Object.entries(env).filter(([key, value]) => key.endsWith('_DATABASE_URL') && value);

  it('has a service database per *_DATABASE_URL', () => {
    expect(databaseUrls.map(([key]) => key)).toEqual(
      expect.arrayContaining(['AUTH_DATABASE_URL', 'CHAT_DATABASE_URL', 'FILE_DATABASE_URL']),
    );
  });

  it.each(databaseUrls)('Postgres answers a query on %s', async (_key, url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'select current_database() as db, current_user as role, $1::text as echo',
        [unique],
      );
      expect(rows[0]).toEqual({
        db: new URL(url).pathname.slice(1),
        role: new URL(url).username,
        echo: unique,
      });
      await client.query(`create temp table smoke (id int)`); // the role can create objects
    } finally {
      await client.end();
    }
  });

  it('Redis round-trips SET/GET', async () => {
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      await redis.set(unique, 'hello', 'EX', 60);
      expect(await redis.get(unique)).toBe('hello');
      await redis.del(unique);
    } finally {
      redis.disconnect();
    }
  });

  it('Elasticsearch indexes, refreshes and finds a document', async () => {
    const es = new ElasticClient({ node: env.ELASTICSEARCH_URL });
    const index = unique;
    try {
      await es.indices.create({
        index,
        mappings: { properties: { body: { type: 'text', analyzer: 'standard' } } },
      });
      await es.index({ index, id: '1', document: { body: `the quick brown ${unique}` } });
      await es.indices.refresh({ index });
      const result = await es.search({ index, query: { match: { body: 'quick' } } });
      expect(result.hits.hits.map((hit) => hit._id)).toEqual(['1']);
    } finally {
      await es.indices.delete({ index, ignore_unavailable: true });
      await es.close();
    }
  });

  it('S3 puts, gets and deletes an object in the bucket', async () => {
    const s3 = new S3Client({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const target = { Bucket: env.S3_BUCKET, Key: `smoke/${unique}.txt` };
    try {
      await s3.send(new PutObjectCommand({ ...target, Body: 'hello s3', ContentType: 'text/plain' }));
      const object = await s3.send(new GetObjectCommand(target));
      expect(await object.Body!.transformToString()).toBe('hello s3');
      await s3.send(new DeleteObjectCommand(target));
      await expect(s3.send(new GetObjectCommand(target))).rejects.toMatchObject({ name: 'NoSuchKey' });
    } finally {
      s3.destroy();
    }
  });

  it('Kafka has every declared topic (and its .dlq) with at least its partitions', async () => {
    const admin = new Kafka({
      clientId: unique,
      brokers: env.KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const declared = loadTopics();
      const metadata = await admin.fetchTopicMetadata({ topics: declared.map((t) => t.name) });
      const partitions = Object.fromEntries(metadata.topics.map((t) => [t.name, t.partitions.length]));
      // Kafka cannot shrink a topic: a broker that had more partitions keeps them (syncTopics says so).
      for (const topic of declared) expect(partitions[topic.name]).toBeGreaterThanOrEqual(topic.partitions);
      for (const topic of declared.filter((t) => !t.name.endsWith(DLQ_SUFFIX)))
        expect(partitions).toHaveProperty([`${topic.name}${DLQ_SUFFIX}`]);
    } finally {
      await admin.disconnect();
    }
  });

  it('Kafka carries a message from a producer to a consumer group', async () => {
    const kafka = new Kafka({
      clientId: unique,
      brokers: env.KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: unique });
    await Promise.all([producer.connect(), consumer.connect()]);
    try {
      await consumer.subscribe({ topic: 'platform.selftest', fromBeginning: false });
      const received = new Promise<string>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            if (message.key?.toString() === unique) resolve(message.value!.toString());
          },
        });
      });
      // Keep sending until the group has joined and picks the message up.
      const sender = setInterval(
        () => void producer.send({ topic: 'platform.selftest', messages: [{ key: unique, value: 'ping' }] }),
        500,
      );
      try {
        expect(await received).toBe('ping');
      } finally {
        clearInterval(sender);
      }
    } finally {
      await Promise.all([consumer.disconnect(), producer.disconnect()]);
    }
  });
  it('Mailpit accepts a mail over SMTP and shows it in its HTTP API', async () => {
    const transport = createTransport(env.SMTP_URL);
    try {
      await transport.sendMail({
        from: 'infra@example.com',
        to: `${unique}@example.com`,
        subject: unique,
        text: 'hello',
      });
    } finally {
      transport.close();
    }
    const query = new URLSearchParams({ query: `subject:"${unique}"` });
    const reply = await fetch(`${env.MAILPIT_URL}/api/v1/search?${query}`);
    expect(reply.status).toBe(200);
    const { messages } = (await reply.json()) as { messages: { ID: string; Subject: string }[] };
    expect(messages.map((message) => message.Subject)).toEqual([unique]);
    await fetch(`${env.MAILPIT_URL}/api/v1/messages`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ IDs: messages.map((message) => message.ID) }),
    });
  });
});
