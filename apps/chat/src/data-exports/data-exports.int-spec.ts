import type { DataExport, ErrorBody } from '@bonfire/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';
import { DataExportWorker } from './data-export.worker';

/**
 * The export job against real Postgres: requests (one running, one per interval), the worker building
 * the ZIP (checked with unzip), a job a crash left running taken again after its lease, and a job out of
 * attempts failing. The file service and auth are stood in for by a small HTTP server that keeps what
 * is uploaded.
 */
describe('data exports', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;
  let fake: Server;
  let dir: string;
  const uploads = new Map<string, Buffer>();
  const stored = new Map<string, Buffer>([
    ['700000000000000001', Buffer.from('attachment bytes \u0000\u00ff')],
  ]);
  let nextUpload = 900000000000000000n;

  async function body(request: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-int-'));
    fake = createServer((request, response) => {
      void (async () => {
        const url = new URL(request.url!, 'http://x');
        const base = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
        const send = (status: number, value?: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(value === undefined ? '' : JSON.stringify(value));
        };
        if (url.pathname === '/internal/v1/users/@me/account') {
          return send(200, {
            id: '1',
            email: 'me@example.test',
            emailVerified: true,
            username: 'me',
            displayName: null,
            about: null,
            twoFactorEnabled: false,
            createdAt: new Date().toISOString(),
          });
        }
        if (url.pathname === '/internal/v1/exports/file-links') {
          const { fileIds } = JSON.parse((await body(request)).toString()) as { fileIds: string[] };
          return send(200, {
            files: fileIds
              .filter((id) => stored.has(id))
              .map((id) => ({ id, url: `${base}/bytes/${id}`, size: stored.get(id)!.length })),
          });
        }
        if (url.pathname.startsWith('/bytes/')) {
          response.writeHead(200);
          return response.end(stored.get(url.pathname.slice(7)));
        }
        if (url.pathname === '/internal/v1/exports') {
          const id = String((nextUpload += 1n));
          return send(201, {
            id,
            uploadUrl: `${base}/upload/${id}`,
            headers: { 'content-type': 'application/zip' },
          });
        }
        if (url.pathname.startsWith('/upload/')) {
          const bytes = await body(request);
          expect(Number(request.headers['content-length'])).toBe(bytes.length);
          uploads.set(url.pathname.slice(8), bytes);
          return send(200);
        }
        const complete = /^\/internal\/v1\/exports\/(\d+)\/complete$/.exec(url.pathname);
        if (complete) {
          const bytes = uploads.get(complete[1]!)!;
          return send(200, {
            id: complete[1],
            size: bytes.length,
            expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          });
        }
        send(404);
      })();
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    app = await ChatTestApp.start({
      FILE_URL: url,
      AUTH_URL: url,
      CHAT_DATA_EXPORT_POLL_MS: '200',
      CHAT_DATA_EXPORT_LEASE_SECONDS: '2',
      CHAT_DATA_EXPORT_MAX_ATTEMPTS: '2',
      CHAT_DATA_EXPORT_INTERVAL_SECONDS: '3600',
    });
    fx = new ChatFixtures(app);
  });

  afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => fake?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const list = async (as: string) =>
    (await app.call<DataExport[]>('GET', '/api/v1/users/@me/data-exports', { as })).body;

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(value)}`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }

  it('builds a ZIP of the user’s data, once at a time and once per interval', async () => {
    const me = await app.createUser('exporter');
    const other = await app.createUser('friend');
    const guild = await fx.guild(me);
    await fx.member(guild, other);
    const channel = await fx.channel(guild);
    await fx.send(channel, me, 'hello from the guild');
    await fx.send(channel, other, 'not mine');
    const messageId = fx.ids.next();
    await app.db
      .insertInto('messages')
      .values({
        id: messageId,
        channelId: channel,
        guildId: guild,
        authorId: me,
        content: 'with a file',
        nonce: null,
        replyToId: null,
        attachmentIds: ['700000000000000001'],
        attachments: JSON.stringify([
          {
            id: '700000000000000001',
            filename: 'notes.bin',
            contentType: 'application/octet-stream',
            size: 19,
            width: null,
            height: null,
          },
        ]),
        editedAt: null,
      })
      .execute();

    const started = await app.call<DataExport>('POST', '/api/v1/users/@me/data-exports', { as: me });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'pending', progress: 0, downloadUrl: null });
    const again = await app.call<ErrorBody>('POST', '/api/v1/users/@me/data-exports', { as: me });
    // Either still under way (409), or already finished and then the interval applies (429).
    expect([409, 429]).toContain(again.status);

    const [ready] = await until(
      () => list(me),
      (exports) => exports[0]?.status === 'ready',
    );
    expect(ready).toMatchObject({ id: started.body.id, progress: 100 });
    expect(ready!.downloadUrl).toBe(`/api/v1/attachments/${ready!.fileId}`);
    const soon = await app.call<ErrorBody>('POST', '/api/v1/users/@me/data-exports', { as: me });
    expect(soon.status).toBe(429);
    expect(soon.body.error.code).toBe('DATA_EXPORT_TOO_SOON');
    expect(Number(soon.headers.get('retry-after'))).toBeGreaterThan(3_500);

    const zip = join(dir, 'one.zip');
    await writeFile(zip, uploads.get(ready!.fileId!)!);
    const unzip = (...args: string[]) => execFileSync('unzip', [...args]);
    expect(unzip('-tq', zip).toString()).toContain('No errors detected');
    const names = unzip('-Z1', zip).toString().trim().split('\n');
    expect(names).toEqual(
      expect.arrayContaining([
        'profile.json',
        'guilds.json',
        'dms.json',
        `messages/${channel}.json`,
        'attachments.json',
        'attachments/700000000000000001-notes.bin',
      ]),
    );
    const profile = JSON.parse(unzip('-p', zip, 'profile.json').toString());
    expect(profile).toMatchObject({ id: me, username: 'exporter', account: { email: 'me@example.test' } });
    const messages = JSON.parse(unzip('-p', zip, `messages/${channel}.json`).toString());
    expect(messages.channel).toMatchObject({ id: channel, guildId: guild, guildName: 'guild' });
    expect(messages.messages.map((message: { content: string }) => message.content)).toEqual([
      'hello from the guild',
      'with a file',
    ]);
    expect(unzip('-p', zip, 'attachments/700000000000000001-notes.bin')).toEqual(
      stored.get('700000000000000001'),
    );
    expect(JSON.parse(unzip('-p', zip, 'guilds.json').toString())[0]).toMatchObject({
      id: guild,
      owner: true,
    });

    // Every change reached the user as data_export.updated (key: the user), ending with ready.
    const events = (await fx.events<{ userId: string; export: DataExport }>(me)).filter(
      (event) => event.type === 'data_export.updated',
    );
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((event) => event.data.userId === me)).toBe(true);
    expect(events.at(-1)!.data.export).toMatchObject({ status: 'ready', progress: 100 });
    expect(events.some((event) => event.data.export.status === 'running')).toBe(true);
    // Another user sees none of it.
    expect(await list(other)).toEqual([]);
  });

  it('takes again a job a crash left running once its lease lapses, and fails one out of attempts', async () => {
    const crashed = await app.createUser();
    const exhausted = await app.createUser();
    const [crashedJob, exhaustedJob] = [fx.ids.next(), fx.ids.next()];
    const longAgo = new Date(Date.now() - 3_600_000);
    await app.db
      .insertInto('data_exports')
      .values([
        {
          id: crashedJob,
          userId: crashed,
          status: 'running',
          progress: 40,
          attempts: 1,
          heartbeatAt: longAgo,
        },
        {
          id: exhaustedJob,
          userId: exhausted,
          status: 'running',
          progress: 10,
          attempts: 2,
          heartbeatAt: longAgo,
        },
      ])
      .execute();

    const [done] = await until(
      () => list(crashed),
      (exports) => exports[0]?.status === 'ready',
    );
    expect(done!.fileId).not.toBeNull();
    const [failed] = await until(
      () => list(exhausted),
      (exports) => exports[0]?.status === 'failed',
    );
    expect(failed!.downloadUrl).toBeNull();
    const row = await app.db
      .selectFrom('data_exports')
      .selectAll()
      .where('id', '=', crashedJob)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(2);
    // A failed export does not count against the interval: the user may ask again at once.
    const retry = await app.call<DataExport>('POST', '/api/v1/users/@me/data-exports', { as: exhausted });
    expect(retry.status).toBe(202);
    await app.service.app.get(DataExportWorker).poll();
    await until(
      () => list(exhausted),
      (exports) => exports[0]?.status === 'ready',
    );
  });
});
