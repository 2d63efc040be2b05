import type {
  ErrorBody,
  ExportCompleted,
  ExportFileLinksAnswer,
  ExportUploadTicket,
} from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemovalService } from '../removal/removal.service';
import { ObjectStore, objectKeys } from '../storage/object-store';
import { FileTestApp } from '../testing/file-test-app';

let sequence = 0;
/** Unique snowflake-sized ids for this run. */
function newId(): string {
  return String(BigInt(Date.now()) * 1_000_000n + BigInt(sequence++));
}

const TTL_SECONDS = 3_600;

/** The export routes chat's worker calls, on both shapes (S3 server; local folder behind signed URLs). */
describe.each([
  [
    'distributed (real Postgres, S3 server)',
    () => FileTestApp.start({ FILE_EXPORT_TTL_SECONDS: String(TTL_SECONDS) }),
  ],
  [
    'standalone (embedded database, local folder)',
    () => FileTestApp.startStandalone({ FILE_EXPORT_TTL_SECONDS: String(TTL_SECONDS) }),
  ],
])('data export archives, %s', (_shape, start) => {
  let app: FileTestApp;
  let store: ObjectStore;
  const owner = newId();
  const other = newId();
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(1_000, 7)]);

  beforeAll(async () => {
    app = await start();
    store = app.service.app.get(ObjectStore);
  }, 60_000);
  afterAll(() => app?.stop());

  /** Request, PUT, complete: what chat's worker does. */
  async function archive(bytes: Buffer) {
    const ticket = await app.call<ExportUploadTicket>('POST', '/internal/v1/exports', {
      as: owner,
      body: { filename: 'bonfire-export.zip', size: bytes.length },
    });
    expect(ticket.status).toBe(201);
    const put = await fetch(ticket.body.uploadUrl, {
      method: 'PUT',
      headers: ticket.body.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    const completed = await app.call<ExportCompleted & ErrorBody>(
      'POST',
      `/internal/v1/exports/${ticket.body.id}/complete`,
      { as: owner },
    );
    return { id: ticket.body.id, completed };
  }

  it('stores a ZIP for its owner alone, until it expires; the cleanup then removes it', async () => {
    const before = Date.now();
    const { id, completed } = await archive(zip);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ id, size: zip.length });
    const expires = Date.parse(completed.body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + TTL_SECONDS * 1_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + TTL_SECONDS * 1_000);

    // The test client follows the 302 to the store: the owner gets the archive's bytes.
    const mine = await app.call<string>('GET', `/api/v1/attachments/${id}`, { as: owner });
    expect(mine.status).toBe(200);
    expect(mine.body).toBe(zip.toString());
    expect((await app.call('GET', `/api/v1/attachments/${id}`, { as: other })).status).toBe(404);
    expect((await app.call('GET', `/api/v1/files/${id}`)).status).toBe(404);
    // Completing it again answers the same; another user cannot.
    expect((await app.call('POST', `/internal/v1/exports/${id}/complete`, { as: owner })).status).toBe(200);
    expect((await app.call('POST', `/internal/v1/exports/${id}/complete`, { as: other })).status).toBe(404);

    await app.db
      .updateTable('files')
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where('id', '=', id)
      .execute();
    expect((await app.call('GET', `/api/v1/attachments/${id}`, { as: owner })).status).toBe(404);
    const swept = await app.service.app.get(RemovalService).sweep();
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const row = await app.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('deleted');
    expect(await store.size(objectKeys.original(id))).toBeNull();
  });

  it('refuses an archive that is not a ZIP, and one over the size limit', async () => {
    const { id, completed } = await archive(Buffer.from('not a zip at all'));
    expect(completed.status).toBe(400);
    expect(completed.body.error.code).toBe('TYPE_MISMATCH');
    expect(await store.size(objectKeys.original(id))).toBeNull();
    const huge = await app.call<ErrorBody>('POST', '/internal/v1/exports', {
      as: owner,
      body: { filename: 'huge.zip', size: 2 ** 33 },
    });
    expect(huge.status).toBe(413);
  });

  it('links to the bytes of the caller’s own ready files only', async () => {
    const ownFile = newId();
    const othersFile = newId();
    for (const [id, ownerId] of [
      [ownFile, owner],
      [othersFile, other],
    ] as const) {
      await store.put(objectKeys.original(id), Buffer.from(`bytes of ${id}`), 'text/plain');
      await app.db
        .insertInto('files')
        .values({
          id,
          purpose: 'attachment',
          status: 'ready',
          ownerId,
          channelId: newId(),
          guildId: null,
          messageId: null,
          filename: 'a.txt',
          contentType: 'text/plain',
          size: `bytes of ${id}`.length,
          objectKey: objectKeys.original(id),
          width: null,
          height: null,
          completedAt: new Date(),
          claimedAt: null,
          deletedAt: null,
        })
        .execute();
    }
    const links = await app.call<ExportFileLinksAnswer>('POST', '/internal/v1/exports/file-links', {
      as: owner,
      body: { fileIds: [ownFile, othersFile, newId()] },
    });
    expect(links.status).toBe(200);
    expect(links.body.files.map((file) => file.id)).toEqual([ownFile]);
    const bytes = await fetch(links.body.files[0]!.url);
    expect(await bytes.text()).toBe(`bytes of ${ownFile}`);
  });
});
