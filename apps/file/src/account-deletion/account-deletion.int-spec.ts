import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FilePurpose } from '@bonfire/contracts';
import { createEvent } from '@bonfire/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatEventsHandlers } from '../removal/chat-events.handlers';
import { objectKeys } from '../storage/object-store';
import { FileTestApp } from '../testing/file-test-app';

const bucket = process.env['S3_BUCKET']!;
const s3 = new S3Client({
  endpoint: process.env['S3_ENDPOINT'],
  region: process.env['S3_REGION'],
  credentials: {
    accessKeyId: process.env['S3_ACCESS_KEY_ID'] ?? '',
    secretAccessKey: process.env['S3_SECRET_ACCESS_KEY'] ?? '',
  },
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

let sequence = 0;
function newId(): string {
  return String(BigInt(Date.now()) * 1_000_000n + BigInt(sequence++));
}

async function objectExists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
      return false;
    throw error;
  }
}

describe('user.deleted in the file service (real Postgres, S3 server)', () => {
  let app: FileTestApp;

  async function seed(
    ownerId: string,
    purpose: FilePurpose,
    messageId: string | null = null,
  ): Promise<string> {
    const id = newId();
    await app.db
      .insertInto('files')
      .values({
        id,
        purpose,
        status: 'ready',
        owner_id: ownerId,
        channel_id: purpose === 'attachment' ? newId() : null,
        guild_id: purpose === 'emoji' ? newId() : null,
        message_id: messageId,
        claimed_at: messageId ? new Date() : null,
        filename: 'secret-name.png',
        content_type: 'image/png',
        size: 5,
        object_key: objectKeys.original(id),
      })
      .execute();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKeys.original(id), Body: 'bytes' }));
    return id;
  }

  beforeAll(async () => {
    app = await FileTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
    s3.destroy();
  });

  it("removes the account's avatars and unsent uploads, keeps what messages and guilds show", async () => {
    const userId = newId();
    const someoneElse = newId();
    const avatar = await seed(userId, 'avatar');
    const unsent = await seed(userId, 'attachment');
    const sent = await seed(userId, 'attachment', newId());
    const emoji = await seed(userId, 'emoji');
    const othersAvatar = await seed(someoneElse, 'avatar');
    const removedEarlier = await seed(userId, 'attachment');
    await app.db.updateTable('files').set({ status: 'deleted' }).where('id', '=', removedEarlier).execute();

    const consumer = app.service.app.get(ChatEventsHandlers);
    const event = createEvent(
      'user.deleted',
      userId,
      { userId, deletedAt: new Date().toISOString() },
      'auth',
    );
    await consumer.apply(event);
    await consumer.apply(event); // a redelivery finds nothing left to do

    for (const gone of [avatar, unsent]) expect(await objectExists(objectKeys.original(gone))).toBe(false);
    for (const kept of [sent, emoji, othersAvatar])
      expect(await objectExists(objectKeys.original(kept))).toBe(true);
    const rows = await app.db
      .selectFrom('files')
      .select(['id', 'status'])
      .where('owner_id', '=', userId)
      .execute();
    expect(new Map(rows.map((row) => [row.id, row.status]))).toEqual(
      new Map([
        [sent, 'ready'],
        [emoji, 'ready'],
      ]),
    );
  });

  it('deletes the rows of attachments removed after the account (chat removing its messages)', async () => {
    const userId = newId();
    const messageId = newId();
    const sent = await seed(userId, 'attachment', messageId);
    const consumer = app.service.app.get(ChatEventsHandlers);
    await consumer.apply(
      createEvent('user.deleted', userId, { userId, deletedAt: new Date().toISOString() }, 'auth'),
    );
    expect(await objectExists(objectKeys.original(sent))).toBe(true);
    await consumer.apply(
      createEvent(
        'message.deleted',
        messageId,
        { messageId, channelId: newId(), guildId: null, revision: 2, attachmentIds: [sent] },
        'chat',
      ),
    );
    expect(await objectExists(objectKeys.original(sent))).toBe(false);
    expect(await app.db.selectFrom('files').select('id').where('owner_id', '=', userId).execute()).toEqual(
      [],
    );
  });
});
