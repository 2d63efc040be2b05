import type { Channel, Guild, Message, Role } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser, uniqueName } from '../support/api';
import { Stack } from '../support/stack';

/**
 * Hostile input is never a 5xx: NUL bytes, lone surrogates, empty PATCH bodies, ids that are no snowflake,
 * huge numbers and wrong types each get a 4xx in the common error format naming the field, through the
 * gateway to every service, and nothing is stored.
 */
interface Case {
  method: string;
  path: string;
  body?: unknown;
  status: number;
  code: string;
  field: string;
}

const NUL = 'a\u0000b';
const LONE_HIGH = 'camp\ud800fire';
const LONE_LOW = 'camp\udc00fire';
const TOO_BIG_ID = '9223372036854775808'; // 2^63: 19 digits, past BIGINT
const TWENTY_DIGITS = '99999999999999999999';

describe('hostile input through the gateway (auth, chat, presence, file, search)', () => {
  let stack: Stack;
  let api: Api;
  let owner: AuthResult;
  let guild: Guild;
  let role: Role;
  let text: Channel;
  let channelCount: number;

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'chat', 'presence', 'file', 'search', 'gateway'] });
    api = new Api(stack.gateway.url);
    owner = await registerUser(api);
    const as = api.withToken(owner.accessToken);
    await as.patch('/api/v1/users/@me', { about: 'original about' });
    guild = (await as.post<Guild>('/api/v1/guilds', { name: 'Original', description: 'original' })).body;
    role = (await as.post<Role>(`/api/v1/guilds/${guild.id}/roles`, { name: 'original-role' })).body;
    const channels = (await as.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`)).body;
    channelCount = channels.length;
    text = channels.find((channel) => channel.type === 'text')!;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function expectRefused(cases: Case[]): Promise<void> {
    const as = api.withToken(owner.accessToken);
    for (const entry of cases) {
      const reply = await as.request<ErrorResponseBody>(entry.method, entry.path, entry.body);
      const what = `${entry.method} ${entry.path} ${JSON.stringify(entry.body)} → ${reply.status} ${JSON.stringify(reply.body)}`;
      expect(reply.status, what).toBe(entry.status);
      expect(reply.body.error.code, what).toBe(entry.code);
      expect(
        reply.body.error.details?.map((detail) => detail.field),
        what,
      ).toContain(entry.field);
    }
  }

  const invalid = (method: string, path: string, body: unknown, field: string): Case => ({
    method,
    path,
    body,
    status: 400,
    code: 'VALIDATION_FAILED',
    field,
  });

  it('refuses empty PATCH bodies: there must be something to change', async () => {
    await expectRefused([
      invalid('PATCH', `/api/v1/guilds/${guild.id}`, {}, 'body'),
      invalid('PATCH', `/api/v1/guilds/${guild.id}/roles/${role.id}`, {}, 'body'),
      invalid('PATCH', `/api/v1/channels/${text.id}`, {}, 'body'),
      invalid('PATCH', `/api/v1/guilds/${guild.id}/members/${owner.user.id}`, {}, 'body'),
      invalid('PATCH', '/api/v1/users/@me', {}, 'body'),
      invalid('PATCH', '/api/v1/users/@me/presence', {}, 'body'),
      // The owner registered first: the instance admin.
      invalid('PATCH', '/api/v1/admin/settings', {}, 'body'),
    ]);
  });

  it('refuses NUL characters in any string field', async () => {
    await expectRefused([
      invalid('PATCH', '/api/v1/users/@me', { about: NUL }, 'body.about'),
      invalid('PATCH', `/api/v1/guilds/${guild.id}`, { description: NUL }, 'body.description'),
      invalid('PATCH', `/api/v1/guilds/${guild.id}/roles/${role.id}`, { name: NUL }, 'body.name'),
      invalid('POST', `/api/v1/channels/${text.id}/messages`, { content: NUL }, 'body.content'),
      invalid('POST', `/api/v1/guilds/${guild.id}/channels`, { name: 'ok', topic: NUL }, 'body.topic'),
      invalid('POST', '/api/v1/auth/login', { login: NUL, password: 'whatever' }, 'body.login'),
      invalid('POST', '/api/v1/auth/verify-email', { token: NUL }, 'body.token'),
      invalid('POST', '/api/v1/auth/password-reset', { email: `a${NUL}@example.test` }, 'body.email'),
      invalid(
        'PATCH',
        '/api/v1/users/@me/presence',
        { customStatus: { text: NUL } },
        'body.customStatus.text',
      ),
      invalid(
        'POST',
        `/api/v1/channels/${text.id}/attachments`,
        { filename: 'a\u0000.txt', contentType: 'text/plain', size: 3 },
        'body.filename',
      ),
      invalid('GET', `/api/v1/guilds/${guild.id}/messages/search?q=a%00b`, undefined, 'query.q'),
      invalid('GET', '/api/v1/admin/users?query=a%00b', undefined, 'query.query'),
      invalid('POST', `/api/v1/admin/users/${owner.user.id}/suspend`, { reason: NUL }, 'body.reason'),
    ]);
  });

  it('refuses lone surrogates (text with no UTF-8 form) in any string field', async () => {
    const username = uniqueName();
    await expectRefused([
      invalid('PATCH', `/api/v1/guilds/${guild.id}`, { name: LONE_HIGH }, 'body.name'),
      invalid('PATCH', '/api/v1/users/@me', { displayName: LONE_LOW }, 'body.displayName'),
      invalid('POST', `/api/v1/channels/${text.id}/messages`, { content: LONE_LOW }, 'body.content'),
      invalid('PATCH', `/api/v1/channels/${text.id}`, { topic: LONE_HIGH }, 'body.topic'),
      invalid(
        'POST',
        '/api/v1/auth/register',
        { email: `${username}@example.test`, username, password: `long enough ${LONE_HIGH}` },
        'body.password',
      ),
      invalid(
        'PATCH',
        '/api/v1/users/@me/presence',
        { customStatus: { text: LONE_HIGH } },
        'body.customStatus.text',
      ),
      invalid(
        'POST',
        `/api/v1/channels/${text.id}/attachments`,
        { filename: `${LONE_HIGH}.txt`, contentType: 'text/plain', size: 3 },
        'body.filename',
      ),
    ]);
  });

  it('answers ids that are no snowflake as unknown (path) or invalid (body, query), naming the field', async () => {
    const unknown = (path: string, code: string, field: string, method = 'GET', body?: unknown): Case => ({
      method,
      path,
      body,
      status: 404,
      code,
      field,
    });
    await expectRefused([
      unknown('/api/v1/guilds/1e100/channels', 'UNKNOWN_GUILD', 'param.guildId', 'POST', { name: 'x' }),
      unknown('/api/v1/guilds/-1/channels', 'UNKNOWN_GUILD', 'param.guildId', 'POST', { name: 'x' }),
      unknown(`/api/v1/guilds/${TWENTY_DIGITS}`, 'UNKNOWN_GUILD', 'param.guildId'),
      unknown(`/api/v1/guilds/${guild.id}/roles/abc`, 'UNKNOWN_ROLE', 'param.roleId', 'PATCH', { name: 'x' }),
      unknown(`/api/v1/channels/${TOO_BIG_ID}/messages`, 'UNKNOWN_CHANNEL', 'param.channelId'),
      unknown(`/api/v1/channels/${text.id}/messages/${TOO_BIG_ID}`, 'UNKNOWN_MESSAGE', 'param.messageId'),
      unknown(`/api/v1/users/${TOO_BIG_ID}`, 'USER_NOT_FOUND', 'param.id'),
      unknown(`/api/v1/admin/users/${TOO_BIG_ID}/suspend`, 'USER_NOT_FOUND', 'param.id', 'POST', {
        reason: 'x',
      }),
      unknown('/api/v1/presences/guilds/1e100', 'UNKNOWN_GUILD', 'param.guildId'),
      unknown(`/api/v1/files/${TOO_BIG_ID}`, 'UNKNOWN_FILE', 'param.fileId'),
      unknown(`/api/v1/attachments/${TOO_BIG_ID}`, 'UNKNOWN_FILE', 'param.fileId'),
      unknown(`/api/v1/attachments/1e100/complete`, 'UNKNOWN_FILE', 'param.fileId', 'POST'),
      unknown(`/api/v1/guilds/1e100/messages/search?q=x`, 'UNKNOWN_GUILD', 'param.guildId'),
      unknown(`/api/v1/channels/${TOO_BIG_ID}/messages/search?q=x`, 'UNKNOWN_CHANNEL', 'param.channelId'),
      invalid('PATCH', '/api/v1/users/@me', { avatarFileId: TOO_BIG_ID }, 'body.avatarFileId'),
      invalid('PATCH', `/api/v1/guilds/${guild.id}`, { iconFileId: '1e100' }, 'body.iconFileId'),
      invalid('GET', `/api/v1/channels/${text.id}/messages?before=${TOO_BIG_ID}`, undefined, 'query.before'),
      invalid('GET', `/api/v1/presences?userIds=${TOO_BIG_ID}`, undefined, 'query.userIds.0'),
      invalid('GET', `/api/v1/guilds/${guild.id}/messages/search?authorId=-1`, undefined, 'query.authorId.0'),
    ]);
  });

  it('refuses huge numbers and wrong types', async () => {
    await expectRefused([
      invalid('POST', `/api/v1/guilds/${guild.id}/channels`, { name: 'x', position: 1e100 }, 'body.position'),
      invalid('POST', `/api/v1/guilds/${guild.id}/invites`, { maxUses: 1e100 }, 'body.maxUses'),
      invalid(
        'POST',
        `/api/v1/channels/${text.id}/attachments`,
        { filename: 'a.txt', contentType: 'text/plain', size: 1e100 },
        'body.size',
      ),
      invalid('GET', `/api/v1/channels/${text.id}/messages?limit=1e100`, undefined, 'query.limit'),
      invalid('GET', `/api/v1/guilds/${guild.id}/messages/search?offset=abc`, undefined, 'query.offset'),
      invalid('POST', '/api/v1/guilds', { name: 12345 }, 'body.name'),
      invalid('PATCH', `/api/v1/guilds/${guild.id}/roles/${role.id}`, { color: '0xffffff' }, 'body.color'),
      invalid('POST', '/api/v1/auth/login', { login: ['a'], password: 'x' }, 'body.login'),
      invalid(
        'POST',
        '/api/v1/auth/password-reset/confirm',
        { token: 'x', password: `long enough ${LONE_HIGH}` },
        'body.password',
      ),
      invalid('PATCH', '/api/v1/users/@me/email', { email: ['a@example.test'], password: 'x' }, 'body.email'),
      invalid('PATCH', '/api/v1/users/@me/presence', { status: 7 }, 'body.status'),
    ]);
  });

  it('stored nothing from any of it', async () => {
    const as = api.withToken(owner.accessToken);
    expect((await as.get<Guild>(`/api/v1/guilds/${guild.id}`)).body).toMatchObject({
      name: 'Original',
      description: 'original',
      iconFileId: null,
    });
    const roles = (await as.get<Role[]>(`/api/v1/guilds/${guild.id}/roles`)).body;
    expect(roles.find((entry) => entry.id === role.id)).toMatchObject({ name: 'original-role', color: 0 });
    expect(
      (await as.get<{ about: string | null; displayName: string | null }>('/api/v1/users/@me')).body,
    ).toMatchObject({ about: 'original about', displayName: null });
    const channels = (await as.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`)).body;
    expect(channels).toHaveLength(channelCount);
    expect(channels.find((channel) => channel.id === text.id)?.topic).toBeNull();
    expect((await as.get<Message[]>(`/api/v1/channels/${text.id}/messages`)).body).toEqual([]);
    expect((await as.get<Guild[]>('/api/v1/users/@me/guilds')).body).toHaveLength(1);
  });
});
