import { randomBytes } from 'node:crypto';
import type {
  Channel,
  CompletedPart,
  FileObject,
  Guild,
  Message,
  MultipartUploadTicket,
  UploadTicket,
} from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { TestBucket } from '@bonfire/platform/testing/s3';
import { Stack } from '../support/stack';

const MIB = 1024 * 1024;
/** This stack: parts of S3's minimum size, multipart above 6 MiB, channel uploads up to 100 MiB. */
const PART_BYTES = 5 * MIB;
const MAX_ATTACHMENT_BYTES = 100 * MIB;

const bucket = new TestBucket();

/** PUTs each part's slice to its presigned URL (in parallel) and returns the parts with their ETags. */
async function putParts(ticket: MultipartUploadTicket, bytes: Buffer): Promise<CompletedPart[]> {
  return Promise.all(
    ticket.multipart.parts.map(async (part) => {
      const start = (part.partNumber - 1) * ticket.multipart.partSize;
      const response = await fetch(part.url, {
        method: 'PUT',
        headers: ticket.headers,
        body: new Uint8Array(bytes.subarray(start, start + part.size)),
      });
      expect(response.status, await response.text()).toBe(200);
      return { partNumber: part.partNumber, etag: response.headers.get('etag')! };
    }),
  );
}

describe('multipart uploads and file removal through the gateway (real Postgres, Kafka, S3)', () => {
  let stack: Stack;
  let api: Api;
  let owner: AuthResult;
  let guild: Guild;
  let text: Channel;

  function requestUpload(channelId: string, size: number, contentType = 'application/octet-stream') {
    return api
      .withToken(owner.accessToken)
      .post<UploadTicket & ErrorResponseBody>(`/api/v1/channels/${channelId}/attachments`, {
        filename: 'data.bin',
        contentType,
        size,
      });
  }

  function complete(id: string, body?: unknown) {
    return api
      .withToken(owner.accessToken)
      .post<FileObject & ErrorResponseBody>(`/api/v1/attachments/${id}/complete`, body);
  }

  /** A small single-PUT upload, completed and sent in a message; returns the file id. */
  async function postFile(channelId: string): Promise<string> {
    const bytes = Buffer.from('some notes\n');
    const requested = await requestUpload(channelId, bytes.length, 'text/plain');
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const put = await fetch(requested.body.uploadUrl, {
      method: 'PUT',
      headers: requested.body.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    expect((await complete(requested.body.id)).status).toBe(200);
    const sent = await api
      .withToken(owner.accessToken)
      .post<Message>(`/api/v1/channels/${channelId}/messages`, {
        content: 'attached',
        attachments: [requested.body.id],
      });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    return requested.body.id;
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'file', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-file-multipart-${Date.now()}` },
      serviceEnv: {
        file: {
          // A group of its own, so that no other stack's file service takes this one's chat events.
          FILE_CONSUMER_GROUP: `file.chat-events.e2e-multipart-${Date.now()}`,
          FILE_CONSUMER_START_FROM: 'latest',
          FILE_MAX_ATTACHMENT_BYTES: String(MAX_ATTACHMENT_BYTES),
          FILE_MULTIPART_THRESHOLD_BYTES: String(6 * MIB),
          FILE_MULTIPART_PART_BYTES: String(PART_BYTES),
          FILE_PENDING_MAX_AGE_SECONDS: '8',
          FILE_CLEANUP_INTERVAL_SECONDS: '1',
        },
      },
    });
    api = new Api(stack.gateway.url);
    owner = await registerUser(api);
    guild = (await api.withToken(owner.accessToken).post<Guild>('/api/v1/guilds', { name: 'Big files' }))
      .body;
    const channels = await api
      .withToken(owner.accessToken)
      .get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    text = channels.body.find((channel) => channel.type === 'text')!;
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    bucket.close();
  });

  it('uploads a 3-part file, refuses wrong or missing ETags, and serves the same bytes', async () => {
    const bytes = randomBytes(2 * PART_BYTES + 1_234_567);
    bytes.write('BONFIRE-MULTIPART', 0, 'latin1');
    const requested = await requestUpload(text.id, bytes.length);
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const ticket = requested.body;
    if (ticket.method !== 'multipart') throw new Error(`expected a multipart ticket, got ${ticket.method}`);
    expect(ticket.multipart.partSize).toBe(PART_BYTES);
    expect(ticket.multipart.parts.map((part) => [part.partNumber, part.size])).toEqual([
      [1, PART_BYTES],
      [2, PART_BYTES],
      [3, 1_234_567],
    ]);
    expect(ticket.uploadUrl).toBe(ticket.multipart.parts[0]!.url);
    const parts = await putParts(ticket, bytes);
    const key = `files/${ticket.id}/original`;
    expect(await bucket.openUploads(key)).toBe(1);

    const noParts = await complete(ticket.id);
    expect(noParts.status).toBe(400);
    expect(noParts.body.error.code).toBe('INVALID_PARTS');
    const missing = await complete(ticket.id, { parts: parts.slice(0, 2) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('INVALID_PARTS');
    const wrongEtag = await complete(ticket.id, {
      parts: parts.map((part) => (part.partNumber === 2 ? { ...part, etag: '"0123456789abcdef"' } : part)),
    });
    expect(wrongEtag.status, JSON.stringify(wrongEtag.body)).toBe(400);
    expect(wrongEtag.body.error.code).toBe('INVALID_PARTS');
    // The refusals leave the upload open for a correct try.
    expect(await bucket.openUploads(key)).toBe(1);

    const completed = await complete(ticket.id, { parts: [...parts].reverse() });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({
      status: 'ready',
      size: bytes.length,
      contentType: 'application/octet-stream',
    });
    expect(await bucket.openUploads(key)).toBe(0);
    // Completing again answers the same.
    expect((await complete(ticket.id, { parts })).body.status).toBe('ready');

    const sent = await api
      .withToken(owner.accessToken)
      .post<Message>(`/api/v1/channels/${text.id}/messages`, { content: 'big', attachments: [ticket.id] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const redirect = await fetch(`${stack.gateway.url}/api/v1/attachments/${ticket.id}`, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    expect(redirect.status).toBe(302);
    const downloaded = Buffer.from(await (await fetch(redirect.headers.get('location')!)).arrayBuffer());
    expect(downloaded.length).toBe(bytes.length);
    expect(downloaded.equals(bytes)).toBe(true);
  });

  it('sniffs the assembled object: a multipart executable declared as png is refused and deleted', async () => {
    const elf = Buffer.alloc(PART_BYTES + 4_096);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(elf);
    elf.writeUInt16LE(2, 16);
    elf.writeUInt16LE(0x3e, 18);
    const requested = await requestUpload(text.id, 7 * MIB, 'image/png');
    const ticket = requested.body;
    if (ticket.method !== 'multipart') throw new Error('expected a multipart ticket');
    const padded = Buffer.concat([elf, Buffer.alloc(7 * MIB - elf.length)]);
    const parts = await putParts(ticket, padded);
    const refused = await complete(ticket.id, { parts });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('TYPE_MISMATCH');
    expect(await bucket.exists(`files/${ticket.id}/original`)).toBe(false);
  });

  it('takes a configured 100 MiB limit through multipart, and refuses more with 413', async () => {
    const largest = await requestUpload(text.id, MAX_ATTACHMENT_BYTES);
    expect(largest.status).toBe(201);
    const ticket = largest.body;
    if (ticket.method !== 'multipart') throw new Error('expected a multipart ticket');
    expect(ticket.multipart.parts).toHaveLength(20);
    expect(ticket.multipart.parts.at(-1)).toMatchObject({ partNumber: 20, size: PART_BYTES });
    const tooLarge = await requestUpload(text.id, MAX_ATTACHMENT_BYTES + 1);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    // Small files still get one PUT.
    expect((await requestUpload(text.id, 1_000)).body.method).toBe('PUT');
  });

  it('aborts an abandoned multipart upload', async () => {
    const requested = await requestUpload(text.id, 8 * MIB);
    const ticket = requested.body;
    if (ticket.method !== 'multipart') throw new Error('expected a multipart ticket');
    const first = ticket.multipart.parts[0]!;
    const put = await fetch(first.url, { method: 'PUT', body: new Uint8Array(first.size) });
    expect(put.status).toBe(200);
    const key = `files/${ticket.id}/original`;
    expect(await bucket.openUploads(key)).toBe(1);
    await eventually(async () => {
      expect(await bucket.openUploads(key)).toBe(0);
    }, 25_000);
    // The sweep aborts the upload in S3 before its transaction marks the row deleted: until it commits, a
    // completion finds nothing uploaded (400); after, the file is unknown (404).
    await eventually(async () => {
      const late = await complete(ticket.id, { parts: [{ partNumber: 1, etag: put.headers.get('etag') }] });
      expect(late.status).toBe(404);
    }, 10_000);
  });

  it('removes the files of a deleted channel', async () => {
    const channel = await api
      .withToken(owner.accessToken)
      .post<Channel>(`/api/v1/guilds/${guild.id}/channels`, { name: 'doomed', type: 'text' });
    expect(channel.status, JSON.stringify(channel.body)).toBe(201);
    const fileId = await postFile(channel.body.id);
    const kept = await postFile(text.id);
    expect(await bucket.exists(`files/${fileId}/original`)).toBe(true);

    const deleted = await api.withToken(owner.accessToken).delete(`/api/v1/channels/${channel.body.id}`);
    expect(deleted.status).toBeLessThan(300);
    await eventually(async () => {
      expect(await bucket.exists(`files/${fileId}/original`)).toBe(false);
    }, 20_000);
    expect(await bucket.exists(`files/${kept}/original`)).toBe(true);
  });

  it('removes the files of a deleted guild', async () => {
    const other = (
      await api.withToken(owner.accessToken).post<Guild>('/api/v1/guilds', { name: 'Short-lived' })
    ).body;
    const channels = await api
      .withToken(owner.accessToken)
      .get<Channel[]>(`/api/v1/guilds/${other.id}/channels`);
    const fileId = await postFile(channels.body.find((channel) => channel.type === 'text')!.id);
    expect(await bucket.exists(`files/${fileId}/original`)).toBe(true);

    const deleted = await api.withToken(owner.accessToken).delete(`/api/v1/guilds/${other.id}`);
    expect(deleted.status).toBeLessThan(300);
    await eventually(async () => {
      expect(await bucket.exists(`files/${fileId}/original`)).toBe(false);
    }, 20_000);
    const gone = await fetch(`${stack.gateway.url}/api/v1/attachments/${fileId}`, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    expect(gone.status).toBe(404);
  });
});
