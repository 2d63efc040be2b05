import type { Attachment, ClaimAttachmentsAnswer, ErrorBody, FilePurpose } from '@bonfire/contracts';
import { createEvent } from '@bonfire/messaging';
import { sql } from '@bonfire/platform';
import { TestBucket } from '@bonfire/platform/testing/s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectStore, objectKeys } from '../storage/object-store';
import { FileTestApp } from '../testing/file-test-app';
import { ChatEventsHandlers } from './chat-events.handlers';
import { REMOVAL_BATCH, RemovalService } from './removal.service';

const bucket = new TestBucket();

let sequence = 0;
/** Unique snowflake-sized ids for this run. */
function newId(): string {
  return String(BigInt(Date.now()) * 1_000_000n + BigInt(sequence++));
}

describe('file removal and claims (real Postgres, S3 server)', () => {
  let app: FileTestApp;
  let consumer: ChatEventsHandlers;
  let removal: RemovalService;
  let store: ObjectStore;
  const ownerId = newId();

  /** A file row as the upload flow leaves it, with its original (and for ready ones a thumbnail) stored. */
  async function seed(file: {
    purpose?: FilePurpose;
    status?: 'pending' | 'ready';
    channelId?: string | null;
    guildId?: string | null;
    messageId?: string | null;
    store?: boolean;
    uploadId?: string | null;
    createdAt?: Date;
  }): Promise<string> {
    const id = newId();
    const purpose = file.purpose ?? 'attachment';
    await app.db
      .insertInto('files')
      .values({
        id,
        purpose,
        status: file.status ?? 'ready',
        ownerId,
        channelId: purpose === 'attachment' ? (file.channelId ?? newId()) : null,
        guildId: file.guildId ?? null,
        messageId: file.messageId ?? null,
        claimedAt: file.messageId ? new Date() : null,
        filename: 'a.txt',
        contentType: 'text/plain',
        size: 5,
        objectKey: objectKeys.original(id),
        uploadId: file.uploadId ?? null,
        partSize: file.uploadId ? 5 * 1024 * 1024 : null,
        createdAt: file.createdAt ?? new Date(),
      })
      .execute();
    if (file.store ?? true) {
      await bucket.put(objectKeys.original(id), 'bytes');
      await bucket.put(objectKeys.thumbnail(id, 'small'), 'thumb');
    }
    return id;
  }

  async function statusOf(id: string) {
    return app.db
      .selectFrom('files')
      .select(['status', 'messageId', 'claimConfirmedAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async function deletionReasons(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await sql<{ key: string; reason: string }>`
      select key, envelope->'data'->>'reason' as reason from outbox_events
      where envelope->>'type' = 'files.object.deleted' and key = any(${[...ids]})
    `.execute(app.db);
    return new Map(rows.rows.map((row) => [row.key, row.reason]));
  }

  beforeAll(async () => {
    app = await FileTestApp.start({ FILE_CLAIM_CONFIRM_SECONDS: '1', FILE_PENDING_MAX_AGE_SECONDS: '60' });
    consumer = app.service.app.get(ChatEventsHandlers);
    removal = app.service.app.get(RemovalService);
    store = app.service.app.get(ObjectStore);
  });

  afterAll(async () => {
    await app?.stop();
    bucket.close();
  });

  it('removes every file of a deleted channel (objects, open multipart uploads, rows), once', async () => {
    const channelId = newId();
    const otherChannelId = newId();
    const claimed = await seed({ channelId, messageId: newId() });
    const unclaimed = await seed({ channelId });
    const multipartId = newId();
    const key = objectKeys.original(multipartId);
    const uploadId = await store.createMultipart(key, 'application/zip');
    await app.db
      .insertInto('files')
      .values({
        id: multipartId,
        purpose: 'attachment',
        status: 'pending',
        ownerId,
        channelId,
        filename: 'big.zip',
        contentType: 'application/zip',
        size: 20 * 1024 * 1024,
        objectKey: key,
        uploadId,
        partSize: 8 * 1024 * 1024,
      })
      .execute();
    const elsewhere = await seed({ channelId: otherChannelId });
    expect(await bucket.openUploads(key)).toBe(1);

    const event = createEvent('channel.deleted', channelId, { channelId, guildId: null }, 'chat');
    await consumer.apply(event);

    for (const id of [claimed, unclaimed, multipartId]) {
      expect((await statusOf(id)).status).toBe('deleted');
      expect(await bucket.exists(objectKeys.original(id))).toBe(false);
      expect(await bucket.exists(objectKeys.thumbnail(id, 'small'))).toBe(false);
    }
    expect(await bucket.openUploads(key)).toBe(0);
    expect((await statusOf(elsewhere)).status).toBe('ready');
    expect(await bucket.exists(objectKeys.original(elsewhere))).toBe(true);
    const reasons = await deletionReasons([claimed, unclaimed, multipartId]);
    expect([...reasons.values()]).toEqual(['channel_deleted', 'channel_deleted', 'channel_deleted']);

    // A replayed event finds nothing left and announces nothing twice.
    await consumer.apply({ ...event });
    expect((await deletionReasons([claimed, unclaimed, multipartId])).size).toBe(3);
    const announced = await sql<{ count: string }>`
      select count(*) from outbox_events where key = any(${[claimed, unclaimed, multipartId]})
        and envelope->>'type' = 'files.object.deleted'`.execute(app.db);
    expect(Number(announced.rows[0]!.count)).toBe(3);
  });

  it('removes a deleted guild’s attachments in every channel and its icon, in batches', async () => {
    const guildId = newId();
    const channels = [newId(), newId(), newId()];
    const count = REMOVAL_BATCH * 2 + 17;
    const stored: string[] = [];
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      // Objects for a few of them; deleting keys that are not there is fine.
      const withObject = index % 50 === 0;
      const id = await seed({ channelId: channels[index % 3]!, guildId, store: withObject });
      ids.push(id);
      if (withObject) stored.push(id);
    }
    const icon = await seed({ purpose: 'icon', guildId });
    const otherGuild = await seed({ guildId: newId() });

    await consumer.apply(createEvent('guild.deleted', guildId, { guildId }, 'chat'));

    const left = await app.db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('guildId', '=', guildId)
      .where('status', '!=', 'deleted')
      .executeTakeFirstOrThrow();
    expect(Number(left.count)).toBe(0);
    expect((await statusOf(icon)).status).toBe('deleted');
    for (const id of [...stored, icon]) expect(await bucket.exists(objectKeys.original(id))).toBe(false);
    expect((await statusOf(otherGuild)).status).toBe('ready');
    expect((await deletionReasons([ids[0]!, icon])).get(icon)).toBe('guild_deleted');
  });

  it('removes a deleted message’s files', async () => {
    const channelId = newId();
    const messageId = newId();
    const file = await seed({ channelId, messageId });
    const sibling = await seed({ channelId });
    await consumer.apply(
      createEvent(
        'message.deleted',
        channelId,
        { messageId, channelId, guildId: null, revision: 2, attachmentIds: [file] },
        'chat',
      ),
    );
    expect((await statusOf(file)).status).toBe('deleted');
    expect(await bucket.exists(objectKeys.original(file))).toBe(false);
    expect((await statusOf(sibling)).status).toBe('ready');
  });

  it('aborts the multipart upload of an abandoned upload (nothing left in ListMultipartUploads)', async () => {
    const id = newId();
    const key = objectKeys.original(id);
    const uploadId = await store.createMultipart(key, 'application/octet-stream');
    await app.db
      .insertInto('files')
      .values({
        id,
        purpose: 'attachment',
        status: 'pending',
        ownerId,
        channelId: newId(),
        filename: 'left.bin',
        contentType: 'application/octet-stream',
        size: 30 * 1024 * 1024,
        objectKey: key,
        uploadId,
        partSize: 8 * 1024 * 1024,
        createdAt: new Date(Date.now() - 120_000),
      })
      .execute();
    expect(await bucket.openUploads(key)).toBe(1);

    const result = await removal.sweep();

    expect(result.abandoned).toBeGreaterThanOrEqual(1);
    expect(await bucket.openUploads(key)).toBe(0);
    expect((await statusOf(id)).status).toBe('deleted');
    expect((await deletionReasons([id])).get(id)).toBe('expired');
  });

  describe('claims', () => {
    function claim(channelId: string, messageId: string, ids: string[]) {
      return app.call<ClaimAttachmentsAnswer & ErrorBody>('POST', '/internal/v1/attachments/claim', {
        as: ownerId,
        body: { channelId, messageId, ids },
      });
    }

    it('releases a claim no message.created confirms, so the upload can be sent again', async () => {
      const channelId = newId();
      const file = await seed({ channelId });
      const rolledBack = newId();
      expect((await claim(channelId, rolledBack, [file])).status).toBe(200);
      // Until released, another message cannot take it.
      const retry = newId();
      const refused = await claim(channelId, retry, [file]);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('INVALID_ATTACHMENT');

      await new Promise((wait) => setTimeout(wait, 1_200));
      const swept = await removal.sweep();
      expect(swept.released).toBeGreaterThanOrEqual(1);
      expect(await statusOf(file)).toMatchObject({ status: 'ready', messageId: null });

      const again = await claim(channelId, retry, [file]);
      expect(again.status).toBe(200);
      expect(again.body.attachments.map((attachment: Attachment) => attachment.id)).toEqual([file]);
    });

    it('keeps a claim confirmed by message.created', async () => {
      const channelId = newId();
      const file = await seed({ channelId });
      const messageId = newId();
      const claimed = await claim(channelId, messageId, [file]);
      expect(claimed.status).toBe(200);
      await consumer.apply(
        createEvent(
          'message.created',
          channelId,
          {
            message: {
              id: messageId,
              channelId,
              guildId: null,
              authorId: ownerId,
              content: 'here',
              nonce: null,
              replyToId: null,
              attachments: claimed.body.attachments,
              mentions: { userIds: [], roleIds: [], everyone: false },
              pinned: false,
              revision: 0,
              editedAt: null,
              createdAt: new Date().toISOString(),
              reactions: [],
            },
          },
          'chat',
        ),
      );
      expect((await statusOf(file)).claimConfirmedAt).not.toBeNull();

      await new Promise((wait) => setTimeout(wait, 1_200));
      await removal.sweep();
      expect(await statusOf(file)).toMatchObject({ status: 'ready', messageId });
      expect((await claim(channelId, newId(), [file])).status).toBe(400);
    });
  });
});
