import type {
  Channel,
  DataExport,
  Dispatch,
  FileObject,
  Guild,
  Invite,
  Message,
  UploadTicket,
} from '@bonfire/contracts';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { openRealtime, RealtimeTestClient } from '../support/realtime-client';
import { TestBucket } from '@bonfire/platform/testing/s3';
import { Stack } from '../support/stack';

/** Seconds an export stays downloadable in this stack (short, so that its expiry can be seen). */
const EXPORT_TTL_SECONDS = 20;

const bucket = new TestBucket();

/**
 * Data export (issue 21 item 4) through the gateway, on either shape (distributed: auth, chat, file and
 * the gateway as processes on real Postgres, Kafka and S3): a user with messages in a guild and a DM and
 * an attachment asks for an export, follows its progress on a socket, downloads the ZIP, and the test
 * unzips it (Info-ZIP's unzip, a CI system package) and checks what is inside; nobody else can download
 * it; it expires (and, on S3, the cleanup removes it).
 */
describe('data export through the gateway (either shape)', () => {
  let stack: Stack;
  let api: Api;
  let me: AuthResult;
  let friend: AuthResult;
  let guild: Guild;
  let text: Channel;
  let dm: Channel;
  let socket: RealtimeTestClient;
  let dir: string;
  const bytes = randomBytes(50_000);
  let fileId: string;
  let ready: DataExport;

  const as = (who: AuthResult) => api.withToken(who.accessToken);
  const unzip = (...args: string[]) => execFileSync('unzip', args, { maxBuffer: 64 * 1024 * 1024 });

  /** A GET through the gateway that does not follow the redirect. */
  function download(path: string, token: string): Promise<Response> {
    return fetch(`${stack.gateway.url}${path}`, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${token}` },
    });
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'e2e-export-'));
    stack = await Stack.start({
      services: ['auth', 'chat', 'file', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-export-${Date.now()}` },
      serviceEnv: {
        chat: { CHAT_DATA_EXPORT_POLL_MS: '500' },
        file: {
          FILE_CONSUMER_GROUP: `file.chat-events.e2e-export-${Date.now()}`,
          FILE_CONSUMER_START_FROM: 'latest',
          FILE_EXPORT_TTL_SECONDS: String(EXPORT_TTL_SECONDS),
          FILE_CLEANUP_INTERVAL_SECONDS: '1',
        },
      },
    });
    api = new Api(stack.gateway.url);
    [me, friend] = await Promise.all([registerUser(api), registerUser(api)]);
    guild = (await as(me).post<Guild>('/api/v1/guilds', { name: 'Export club' })).body;
    text = (await as(me).get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`)).body.find(
      (channel) => channel.type === 'text',
    )!;
    const invite = await as(me).post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {});
    await eventually(async () => {
      expect((await as(friend).post(`/api/v1/invites/${invite.body.code}`)).status).toBeLessThan(300);
    });
    await eventually(async () => {
      const opened = await as(me).post<Channel>('/api/v1/users/@me/channels', {
        recipientId: friend.user.id,
      });
      expect(opened.status, JSON.stringify(opened.body)).toBeLessThan(300);
      dm = opened.body;
    });
  }, 90_000);

  afterAll(async () => {
    socket?.close();
    await stack?.stop();
    bucket.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('builds the ZIP with progress on the user’s socket, and the user downloads it through the gateway', async () => {
    // An attachment, uploaded to S3 and sent in the guild channel.
    const ticket = await as(me).post<UploadTicket>(`/api/v1/channels/${text.id}/attachments`, {
      filename: 'report final.bin',
      contentType: 'application/octet-stream',
      size: bytes.length,
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const put = await fetch(ticket.body.uploadUrl, {
      method: 'PUT',
      headers: ticket.body.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    const completed = await as(me).post<FileObject>(`/api/v1/attachments/${ticket.body.id}/complete`);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    fileId = completed.body.id;
    const sent = async (channel: string, body: Record<string, unknown>) => {
      const reply = await as(me).post<Message>(`/api/v1/channels/${channel}/messages`, body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body;
    };
    await sent(text.id, { content: 'guild words to keep' });
    await sent(text.id, { content: 'the report', attachments: [fileId] });
    await sent(dm.id, { content: 'a private word for my friend' });
    await as(friend).post(`/api/v1/channels/${dm.id}/messages`, { content: 'not mine to export' });

    socket = await openRealtime(stack.gateway.url, me.accessToken, (s) => new RealtimeTestClient(s));
    const started = await as(me).post<DataExport>('/api/v1/users/@me/data-exports');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toMatchObject({ status: 'pending', progress: 0, downloadUrl: null });
    const busyOrDone = await as(me).post<ErrorResponseBody>('/api/v1/users/@me/data-exports');
    expect([409, 429]).toContain(busyOrDone.status);

    await eventually(async () => {
      const list = await as(me).get<DataExport[]>('/api/v1/users/@me/data-exports');
      expect(list.body[0]).toMatchObject({ id: started.body.id, status: 'ready', progress: 100 });
      ready = list.body[0]!;
    }, 60_000);
    expect(Date.parse(ready.expiresAt!)).toBeGreaterThan(Date.now());
    // The socket saw the job move (at least one progress event of its own export), up to ready.
    await eventually(() => {
      const updates = socket
        .of('data_export.updated')
        .map((dispatch) => (dispatch as Extract<Dispatch, { type: 'data_export.updated' }>).data)
        .filter((update) => update.id === started.body.id);
      expect(updates.some((update) => update.status === 'running')).toBe(true);
      expect(updates.at(-1)).toMatchObject({ status: 'ready', progress: 100 });
    });
    // Asking again within 24 h is refused.
    const again = await as(me).post<ErrorResponseBody>('/api/v1/users/@me/data-exports');
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('DATA_EXPORT_TOO_SOON');

    const redirect = await download(ready.downloadUrl!, me.accessToken);
    expect(redirect.status).toBe(302);
    const zip = await fetch(redirect.headers.get('location')!);
    expect(zip.status).toBe(200);
    const path = join(dir, 'export.zip');
    await writeFile(path, Buffer.from(await zip.arrayBuffer()));

    expect(unzip('-tq', path).toString()).toContain('No errors detected');
    const names = unzip('-Z1', path).toString().trim().split('\n');
    expect(names).toEqual(
      expect.arrayContaining([
        'profile.json',
        'guilds.json',
        'dms.json',
        'attachments.json',
        `messages/${text.id}.json`,
        `messages/${dm.id}.json`,
        `attachments/${fileId}-report final.bin`,
      ]),
    );
    const read = (name: string) => JSON.parse(unzip('-p', path, name).toString());
    expect(read('profile.json')).toMatchObject({
      id: me.user.id,
      username: me.user.username,
      account: { email: `${me.user.username}@example.test` },
    });
    expect(read('guilds.json')).toEqual([
      expect.objectContaining({ id: guild.id, name: 'Export club', owner: true }),
    ]);
    expect(read('dms.json')).toEqual([
      expect.objectContaining({
        id: dm.id,
        recipients: expect.arrayContaining([expect.objectContaining({ id: friend.user.id })]),
      }),
    ]);
    const guildMessages = read(`messages/${text.id}.json`);
    expect(guildMessages.channel).toMatchObject({ id: text.id, guildId: guild.id, guildName: 'Export club' });
    expect(guildMessages.messages.map((message: { content: string }) => message.content)).toEqual([
      'guild words to keep',
      'the report',
    ]);
    const dmMessages = read(`messages/${dm.id}.json`);
    expect(dmMessages.messages.map((message: { content: string }) => message.content)).toEqual([
      'a private word for my friend',
    ]);
    expect(read('attachments.json')).toEqual([
      expect.objectContaining({
        id: fileId,
        filename: 'report final.bin',
        size: bytes.length,
        archivePath: `attachments/${fileId}-report final.bin`,
      }),
    ]);
    expect(unzip('-p', path, `attachments/${fileId}-report final.bin`).equals(bytes)).toBe(true);
  }, 120_000);

  it('is the owner’s alone: another user, even one who shares a guild and a DM, gets 404', async () => {
    const other = await download(ready.downloadUrl!, friend.accessToken);
    expect(other.status).toBe(404);
    expect(((await other.json()) as ErrorResponseBody).error.code).toBe('UNKNOWN_FILE');
    // Not through the public file route either, nor the other's list.
    expect(
      (await fetch(`${stack.gateway.url}/api/v1/files/${ready.fileId}`, { redirect: 'manual' })).status,
    ).toBe(404);
    expect((await as(friend).get<DataExport[]>('/api/v1/users/@me/data-exports')).body).toEqual([]);
  });

  it(
    'expires: past expiresAt the download is gone and the list says expired',
    async () => {
      const wait = Date.parse(ready.expiresAt!) - Date.now() + 500;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      expect((await download(ready.downloadUrl!, me.accessToken)).status).toBe(404);
      const list = await as(me).get<DataExport[]>('/api/v1/users/@me/data-exports');
      expect(list.body[0]).toMatchObject({
        id: ready.id,
        status: 'expired',
        downloadUrl: null,
        fileId: null,
      });
      // The file service's cleanup (every second here) removes the archive from the bucket.
      if (stack.shape === 'distributed') {
        await eventually(async () =>
          expect(await bucket.exists(`files/${ready.fileId}/original`)).toBe(false),
        );
      }
    },
    EXPORT_TTL_SECONDS * 1_000 + 30_000,
  );
});
