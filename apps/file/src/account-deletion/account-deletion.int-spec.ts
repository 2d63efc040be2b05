import type { FilePurpose } from '@bonfire/contracts';
import { createEvent } from '@bonfire/messaging';
import { TestBucket } from '@bonfire/platform/testing/s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatEventsHandlers } from '../removal/chat-events.handlers';
import { objectKeys } from '../storage/object-store';
import { FileTestApp } from '../testing/file-test-app';

const bucket = new TestBucket();

let sequence = 0;
function newId(): string {
  return String(BigInt(Date.now()) * 1_000_000n + BigInt(sequence++));
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
        ownerId,
        channelId: purpose === 'attachment' ? newId() : null,
        guildId: purpose === 'emoji' ? newId() : null,
        messageId,
        claimedAt: messageId ? new Date() : null,
        filename: 'secret-name.png',
        contentType: 'image/png',
        size: 5,
        objectKey: objectKeys.original(id),
      })
      .execute();
    await bucket.put(objectKeys.original(id), 'bytes');
    return id;
  }

  beforeAll(async () => {
    app = await FileTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
    bucket.close();
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

    for (const gone of [avatar, unsent]) expect(await bucket.exists(objectKeys.original(gone))).toBe(false);
    for (const kept of [sent, emoji, othersAvatar])
      expect(await bucket.exists(objectKeys.original(kept))).toBe(true);
    const rows = await app.db
      .selectFrom('files')
      .select(['id', 'status'])
      .where('ownerId', '=', userId)
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
    expect(await bucket.exists(objectKeys.original(sent))).toBe(true);
    await consumer.apply(
      createEvent(
        'message.deleted',
        messageId,
        { messageId, channelId: newId(), guildId: null, revision: 2, attachmentIds: [sent] },
        'chat',
      ),
    );
    expect(await bucket.exists(objectKeys.original(sent))).toBe(false);
    expect(await app.db.selectFrom('files').select('id').where('ownerId', '=', userId).execute()).toEqual([]);
  });
});
