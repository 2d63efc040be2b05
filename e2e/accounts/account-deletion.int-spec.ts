import type { Channel, FileObject, Guild, Invite, Message, UploadTicket } from '@bonfire/contracts';
import { Client as ElasticClient } from '@elastic/elasticsearch';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { openRealtime, RealtimeTestClient } from '../support/realtime-client';
import { TestBucket } from '@bonfire/platform/testing/s3';
import { removeSearchIndex } from '../support/search-index';
import { Stack } from '../support/stack';
import { previousStepCode, totpCode } from '../support/totp';

const bucket = new TestBucket();
const WAIT_MS = 30_000;

/** One query on a service's database (the stack's throwaway one). */
async function query<T extends Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Account deletion (issue 21 item 4) through the gateway on real servers: a user who shares a guild with
 * a friend, posted messages (one with an attachment), reacted, befriended, set an avatar and a presence
 * and was indexed by search deletes their account with their password (and, in the second run, a TOTP
 * code). Then the test looks into every store: Postgres (auth, chat, file), Redis (presence), Elasticsearch
 * and S3 — and at what the friend sees through REST. Run once per CHAT_DELETED_USER_MESSAGES setting.
 */
describe.each([
  { messages: 'anonymise', twoFactor: false },
  { messages: 'remove', twoFactor: true },
] as const)('account deletion, messages $messages, two-factor $twoFactor (real servers)', (run) => {
  const suffix = `${run.messages}-${randomBytes(4).toString('hex')}`;
  const presencePrefix = `presence-e2e-deletion-${suffix}`;
  const alias = `messages-e2e-deletion-${suffix}`;
  let stack: Stack;
  let api: Api;
  let doomed: AuthResult & { password: string };
  let friend: AuthResult & { password: string };
  let guild: Guild;
  let text: Channel;
  let dm: Channel;
  let socket: RealtimeTestClient;
  let attachmentId: string;
  let avatarId: string;
  let totpSecret: string | null = null;
  const messageIds: string[] = [];
  /** Where the user's files are in the bucket (read before the deletion). */
  const objectKeys = new Map<string, string>();
  const redis = new Redis(process.env['REDIS_URL']!, { lazyConnect: true });
  const es = new ElasticClient({ node: process.env['ELASTICSEARCH_URL']! });

  const as = (who: AuthResult) => api.withToken(who.accessToken);
  const db = (service: string) => stack.databaseUrl(service);

  async function upload(who: AuthResult, path: string, bytes: Buffer, filename: string, contentType: string) {
    const requested = await as(who).post<UploadTicket>(path, { filename, contentType, size: bytes.length });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const put = await fetch(requested.body.uploadUrl, {
      method: 'PUT',
      headers: requested.body.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    const completed = await as(who).post<FileObject>(`/api/v1/attachments/${requested.body.id}/complete`);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    return completed.body.id;
  }

  async function indexedBy(authorId: string): Promise<Record<string, unknown>[]> {
    await es.indices.refresh({ index: alias });
    const found = await es.search({ index: alias, query: { term: { authorId } }, size: 100 });
    return found.hits.hits.map((hit) => hit._source as Record<string, unknown>);
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'presence', 'file', 'search', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `e2e-deletion-${suffix}`,
        PRESENCE_KEY_PREFIX: presencePrefix,
      },
      serviceEnv: {
        chat: { CHAT_DELETED_USER_MESSAGES: run.messages },
        file: { FILE_CONSUMER_GROUP: `file.chat-events.e2e-${suffix}`, FILE_CONSUMER_START_FROM: 'latest' },
        search: {
          SEARCH_INDEX_ALIAS: alias,
          SEARCH_CONSUMER_GROUP: `search.indexer.e2e-${suffix}`,
          SEARCH_INDEXER_START_FROM: 'latest',
        },
        presence: {
          PRESENCE_CONSUMER_GROUP: `presence.projection.e2e-${suffix}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
      },
    });
    await redis.connect();
    api = new Api(stack.gateway.url);
    [doomed, friend] = await Promise.all([registerUser(api), registerUser(api)]);

    // A guild of the friend's (so it stays), the doomed user a member; a DM between them; friends.
    guild = (await as(friend).post<Guild>('/api/v1/guilds', { name: 'Campfire' })).body;
    text = (await as(friend).get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`)).body.find(
      (channel) => channel.type === 'text',
    )!;
    const invite = await as(friend).post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {});
    await eventually(async () => {
      expect((await as(doomed).post(`/api/v1/invites/${invite.body.code}`)).status).toBeLessThan(300);
    }, WAIT_MS);
    // Chat learns of new users from auth's events: retried until it knows them.
    await eventually(async () => {
      const path = `/api/v1/users/@me/relationships/${friend.user.id}`;
      expect((await as(doomed).request('PUT', path, {})).status).toBe(200);
    }, WAIT_MS);
    await eventually(async () => {
      const path = `/api/v1/users/@me/relationships/${doomed.user.id}`;
      expect((await as(friend).request('PUT', path, {})).status).toBe(200);
    }, WAIT_MS);
    dm = (await as(doomed).post<Channel>('/api/v1/users/@me/channels', { recipientId: friend.user.id })).body;

    // An avatar, a message with an attachment, a DM, a reaction.
    avatarId = await upload(doomed, '/api/v1/users/@me/avatar', await tinyPng(), 'me.png', 'image/png');
    expect(
      (await as(doomed).patch('/api/v1/users/@me', { avatarFileId: avatarId, about: 'I was here' })).status,
    ).toBe(200);
    attachmentId = await upload(
      doomed,
      `/api/v1/channels/${text.id}/attachments`,
      randomBytes(20_000),
      'private-notes.bin',
      'application/octet-stream',
    );
    for (const id of [avatarId, attachmentId]) {
      const [row] = await query<{ object_key: string }>(
        db('file'),
        'select object_key from files where id = $1',
        [id],
      );
      objectKeys.set(id, row!.object_key);
      expect(await bucket.exists(row!.object_key)).toBe(true);
    }
    const send = async (channelId: string, body: Record<string, unknown>) => {
      const sent = await as(doomed).post<Message>(`/api/v1/channels/${channelId}/messages`, body);
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      messageIds.push(sent.body.id);
      return sent.body;
    };
    await send(text.id, { content: 'marshmallows at the campfire', attachments: [attachmentId] });
    await send(dm.id, { content: 'just between us' });
    const friendMessage = await as(friend).post<Message>(`/api/v1/channels/${text.id}/messages`, {
      content: 'hello there',
    });
    expect(
      (
        await as(doomed).request(
          'PUT',
          `/api/v1/channels/${text.id}/messages/${friendMessage.body.id}/reactions/%F0%9F%94%A5/@me`,
        )
      ).status,
    ).toBe(204);

    // Online on a socket, with a custom status; indexed by search.
    socket = await openRealtime(stack.gateway.url, doomed.accessToken, (s) => new RealtimeTestClient(s));
    expect(
      (
        await as(doomed).patch('/api/v1/users/@me/presence', {
          status: 'dnd',
          customStatus: { text: 'roasting' },
        })
      ).status,
    ).toBe(200);
    await eventually(async () => {
      expect(await redis.keys(`${presencePrefix}:u:${doomed.user.id}:*`)).not.toEqual([]);
      expect(await redis.hget(`${presencePrefix}:shown`, doomed.user.id)).not.toBeNull();
      expect(await indexedBy(doomed.user.id)).toHaveLength(2);
    }, WAIT_MS);

    if (run.twoFactor) {
      const enrol = await as(doomed).post<{ secret: string }>('/api/v1/users/@me/mfa/totp', {
        password: doomed.password,
      });
      totpSecret = enrol.body.secret;
      const confirmed = await as(doomed).post('/api/v1/users/@me/mfa/totp/confirm', {
        code: await previousStepCode(totpSecret),
      });
      expect(confirmed.status).toBe(200);
    }
  }, 180_000);

  afterAll(async () => {
    socket?.close();
    redis.disconnect();
    await stack?.stop();
    await removeSearchIndex(alias, es).catch(() => undefined);
    await es.close();
  });

  it('refuses a wrong password (and a missing code with two-factor on), then deletes: 204, socket closed', async () => {
    const wrong = await as(doomed).post<ErrorResponseBody>('/api/v1/users/@me/delete', {
      password: 'nope-nope',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('INVALID_CURRENT_PASSWORD');
    const body: Record<string, string> = { password: doomed.password };
    if (totpSecret) {
      const missing = await as(doomed).post<ErrorResponseBody>('/api/v1/users/@me/delete', body);
      expect(missing.status).toBe(403);
      expect(missing.body.error.code).toBe('MFA_CODE_REQUIRED');
      body['code'] = totpCode(totpSecret);
    }
    // Someone else cannot delete this account: the route only ever names the caller's own.
    const closed = new Promise<void>((resolve) => socket.socket.once('disconnect', () => resolve()));
    const ended = new Promise<{ reason: string }>((resolve) => socket.socket.once('session.ended', resolve));
    const deleted = await as(doomed).post('/api/v1/users/@me/delete', body);
    expect(deleted.status).toBe(204);
    expect(await ended).toMatchObject({ reason: 'ACCOUNT_DELETED' });
    await closed;
    expect((await as(doomed).get('/api/v1/users/@me')).status).toBe(401);
    for (const login of [doomed.user.username, `${doomed.user.username}@example.test`]) {
      const attempt = await api.post<ErrorResponseBody>('/api/v1/auth/login', {
        login,
        password: doomed.password,
      });
      expect(attempt.status).toBe(401);
    }
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: doomed.refreshToken })).status).toBe(401);
  });

  it('leaves nothing personal in auth’s and chat’s Postgres; messages follow the setting', async () => {
    const userId = doomed.user.id;
    const [authUser] = await query(db('auth'), 'select * from users where id = $1', [userId]);
    expect(authUser).toMatchObject({
      email: null,
      password_hash: null,
      username: `deleted_user_${userId}`,
      display_name: 'Deleted user',
      about: null,
      avatar_file_id: null,
      mfa_enabled: false,
    });
    const sameName = await query(
      db('auth'),
      'select id from users where username = $1 or lower(email) = $2',
      [doomed.user.username, `${doomed.user.username}@example.test`],
    );
    expect(sameName).toEqual([]);
    for (const table of ['user_totp', 'mfa_recovery_codes', 'email_tokens']) {
      expect(await query(db('auth'), `select 1 from ${table} where user_id = $1`, [userId])).toEqual([]);
    }
    expect(
      await query(db('auth'), 'select 1 from sessions where user_id = $1 and revoked_at is null', [userId]),
    ).toEqual([]);

    await eventually(async () => {
      const [chatUser] = await query(db('chat'), 'select * from users where id = $1', [userId]);
      expect(chatUser).toMatchObject({
        username: `deleted_user_${userId}`,
        display_name: 'Deleted user',
        avatar_file_id: null,
      });
    }, WAIT_MS);
    for (const table of [
      'members',
      'reactions',
      'read_states',
      'push_subscriptions',
      'notification_guild_settings',
    ]) {
      expect(await query(db('chat'), `select 1 from ${table} where user_id = $1`, [userId])).toEqual([]);
    }
    expect(
      await query(db('chat'), 'select 1 from relationships where user_id = $1 or target_id = $1', [userId]),
    ).toEqual([]);
    const messages = await query<{ id: string; content: string }>(
      db('chat'),
      'select id::text, content from messages where author_id = $1 order by id',
      [userId],
    );
    expect(messages.map((message) => message.id)).toEqual(run.messages === 'anonymise' ? messageIds : []);
  });

  it('removes the user’s files from S3 and the file database (kept attachments stay with their messages)', async () => {
    const userId = doomed.user.id;
    await eventually(async () => {
      const rows = await query<{ id: string }>(db('file'), 'select id::text from files where owner_id = $1', [
        userId,
      ]);
      expect(rows.map((row) => row.id)).toEqual(run.messages === 'anonymise' ? [attachmentId] : []);
      expect(await query(db('file'), 'select 1 from files where id = $1', [avatarId])).toEqual([]);
      expect(await bucket.exists(objectKeys.get(avatarId)!)).toBe(false);
      expect(await bucket.exists(objectKeys.get(attachmentId)!)).toBe(run.messages === 'anonymise');
    }, WAIT_MS);
  });

  it('leaves no presence of the user in Redis, and search holds no document of theirs (or only its id)', async () => {
    const userId = doomed.user.id;
    await eventually(async () => {
      expect(await redis.keys(`${presencePrefix}:u:${userId}:*`)).toEqual([]);
      expect(await redis.hget(`${presencePrefix}:shown`, userId)).toBeNull();
      expect(await redis.zscore(`${presencePrefix}:custom-expiry`, userId)).toBeNull();
      const friends = await redis.smembers(`${presencePrefix}:u:${friend.user.id}:fr`);
      expect(friends).not.toContain(userId);
      const documents = await indexedBy(userId);
      if (run.messages === 'remove') expect(documents).toEqual([]);
      else {
        // Anonymised: a document names its author by id only, an id that now names "Deleted user".
        expect(documents).toHaveLength(2);
        expect(JSON.stringify(documents)).not.toContain(doomed.user.username);
      }
    }, WAIT_MS);
  });

  it('shows the friend a "Deleted user": profile, messages, guild members, presence', async () => {
    const userId = doomed.user.id;
    const profile = await as(friend).get<{
      username: string;
      displayName: string;
      avatarFileId: string | null;
    }>(`/api/v1/users/${userId}`);
    expect(profile.body).toMatchObject({
      username: `deleted_user_${userId}`,
      displayName: 'Deleted user',
      avatarFileId: null,
    });
    const history = await as(friend).get<Message[]>(`/api/v1/channels/${dm.id}/messages`);
    expect(history.status).toBe(200);
    expect(history.body.map((message) => message.authorId)).toEqual(
      run.messages === 'anonymise' ? [userId] : [],
    );
    const members = await as(friend).get<{ userId?: string; user?: { id: string } }[]>(
      `/api/v1/guilds/${guild.id}/members`,
    );
    expect(JSON.stringify(members.body)).not.toContain(userId);
    const presence = await as(friend).get<{ userId: string; status: string }[]>(
      `/api/v1/presences?userIds=${userId}`,
    );
    expect(presence.body[0]?.status).toBe('offline');
    const relationships = await as(friend).get<{ id: string }[]>('/api/v1/users/@me/relationships');
    expect(relationships.body.map((relationship) => relationship.id)).not.toContain(userId);
  });
});

/** A small PNG, for a file service that checks image bytes. */
function tinyPng(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#e25822' } })
    .png()
    .toBuffer();
}
