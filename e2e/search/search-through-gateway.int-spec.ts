import { randomUUID } from 'node:crypto';
import type { Channel, Guild, Invite, Message, SearchResults } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser, uniqueName } from '../support/api';
import { eventually } from '../support/eventually';
import { e2eShape, Stack } from '../support/stack';
import { removeSearchIndex } from '../support/search-index';

describe(`search through the gateway (${e2eShape} shape)`, () => {
  const suffix = randomUUID().slice(0, 8);
  const alias = `messages-e2e-${suffix}`;
  let stack: Stack;
  let api: Api;
  let owner: AuthResult;
  let member: AuthResult;
  let outsider: AuthResult;
  let ownerName: string;
  let guild: Guild;
  let general: Channel;
  let secret: Channel;
  const sent: Record<string, Message> = {};

  const search = (token: string, path: string) => api.withToken(token).get<SearchResults>(path);
  const guildSearch = (token: string, query: string) =>
    search(token, `/api/v1/guilds/${guild.id}/messages/search?${query}`);

  async function send(channel: Channel, content: string, token = owner.accessToken): Promise<Message> {
    const response = await api
      .withToken(token)
      .post<Message>(`/api/v1/channels/${channel.id}/messages`, { content });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'search', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-search-${suffix}` },
      serviceEnv: {
        search: {
          SEARCH_INDEX_ALIAS: alias,
          SEARCH_CONSUMER_GROUP: `search.indexer.e2e-${suffix}`,
          SEARCH_INDEXER_START_FROM: 'latest',
        },
      },
    });
    api = new Api(stack.gateway.url);
    ownerName = uniqueName('owner');
    [owner, member, outsider] = await Promise.all([
      registerUser(api, ownerName),
      registerUser(api),
      registerUser(api),
    ]);
    guild = (await api.withToken(owner.accessToken).post<Guild>('/api/v1/guilds', { name: 'Search club' }))
      .body;
    const channels = await api
      .withToken(owner.accessToken)
      .get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    general = channels.body.find((channel) => channel.type === 'text')!;
    secret = (
      await api
        .withToken(owner.accessToken)
        .post<Channel>(`/api/v1/guilds/${guild.id}/channels`, { name: 'secret', type: 'text' })
    ).body;
    // @everyone may not see #secret (VIEW_CHANNEL = 1 << 10).
    const denied = await api
      .withToken(owner.accessToken)
      .request('PUT', `/api/v1/channels/${secret.id}/permissions/${guild.id}`, {
        type: 'role',
        deny: String(1 << 10),
      });
    expect(denied.status).toBeLessThan(300);
    const invite = await api
      .withToken(owner.accessToken)
      .post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {});
    await eventually(async () => {
      const joined = await api.withToken(member.accessToken).post(`/api/v1/invites/${invite.body.code}`);
      expect(joined.status).toBeLessThan(300);
    });

    sent['deploy'] = await send(general, 'the deploy went fine on friday');
    sent['link'] = await send(general, 'docs at https://example.com/guide for the deploy');
    sent['phrase'] = await send(general, 'release notes are ready');
    sent['words'] = await send(general, 'notes about the release');
    sent['memberMsg'] = await send(general, 'member says deploy', member.accessToken);
    sent['secret'] = await send(secret, 'secret deploy plan');
    await eventually(async () => {
      const all = await guildSearch(owner.accessToken, 'sort=oldest');
      expect(all.body.total).toBe(6);
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    // The standalone shape indexes into its embedded database, which went with its data folder.
    if (stack?.shape === 'distributed') await removeSearchIndex(alias);
  });

  it('finds by content with highlights, newest first on demand, and pages', async () => {
    const found = await guildSearch(owner.accessToken, 'content=deploy&sort=newest');
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(4);
    expect(found.body.messages.map((m) => m.id)).toEqual(
      [sent['secret'], sent['memberMsg'], sent['link'], sent['deploy']].map((m) => m!.id),
    );
    expect(found.body.messages[0]).toMatchObject({ channelId: secret.id, authorId: owner.user.id });
    expect(found.body.messages[0]!.highlights[0]).toContain('<mark>deploy</mark>');
    const page = await guildSearch(owner.accessToken, 'content=deploy&sort=oldest&limit=1&offset=1');
    expect(page.body).toMatchObject({ total: 4, offset: 1, limit: 1 });
    expect(page.body.messages.map((m) => m.id)).toEqual([sent['link']!.id]);
  });

  it('applies each filter: authorId, has, channelId, before/after, pinned', async () => {
    const byMember = await guildSearch(owner.accessToken, `authorId=${member.user.id}`);
    expect(byMember.body.messages.map((m) => m.id)).toEqual([sent['memberMsg']!.id]);
    const links = await guildSearch(owner.accessToken, 'has=link');
    expect(links.body.messages.map((m) => m.id)).toEqual([sent['link']!.id]);
    const inSecret = await guildSearch(owner.accessToken, `channelId=${secret.id}`);
    expect(inSecret.body.messages.map((m) => m.id)).toEqual([sent['secret']!.id]);
    const window = await guildSearch(
      owner.accessToken,
      `after=${sent['deploy']!.id}&before=${sent['words']!.id}&sort=oldest`,
    );
    expect(window.body.messages.map((m) => m.id)).toEqual([sent['link']!.id, sent['phrase']!.id]);
    const pinned = await guildSearch(owner.accessToken, 'pinned=true');
    expect(pinned.body.total).toBe(0);
  });

  it('understands the query syntax and names bad operators', async () => {
    const phrase = await guildSearch(owner.accessToken, `q=${encodeURIComponent('"release notes"')}`);
    expect(phrase.body.messages.map((m) => m.id)).toEqual([sent['phrase']!.id]);
    const words = await guildSearch(owner.accessToken, `q=${encodeURIComponent('release notes')}`);
    expect(words.body.total).toBe(2);
    // chat learns usernames from auth's events (a few hundred ms after registering).
    await eventually(async () => {
      const syntax = await guildSearch(
        owner.accessToken,
        `q=${encodeURIComponent(`from:${ownerName} in:#secret deploy`)}`,
      );
      expect(syntax.status, JSON.stringify(syntax.body)).toBe(200);
      expect(syntax.body.messages.map((m) => m.id)).toEqual([sent['secret']!.id]);
    });
    const hasLink = await guildSearch(owner.accessToken, `q=${encodeURIComponent('has:link deploy')}`);
    expect(hasLink.body.messages.map((m) => m.id)).toEqual([sent['link']!.id]);

    const bad = await api
      .withToken(owner.accessToken)
      .get<ErrorResponseBody>(
        `/api/v1/guilds/${guild.id}/messages/search?q=${encodeURIComponent('frm:alice')}`,
      );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_QUERY');
    expect(bad.body.error.message).toContain('unknown operator "frm:"');
    const nobody = await guildSearch(owner.accessToken, `q=${encodeURIComponent('from:nobody_here_x')}`);
    expect(nobody.status).toBe(400);
    const limit = await guildSearch(owner.accessToken, 'limit=26');
    expect(limit.status).toBe(400);
  });

  it('reflects edits and deletes', async () => {
    const edited = await api
      .withToken(owner.accessToken)
      .patch(`/api/v1/channels/${general.id}/messages/${sent['words']!.id}`, { content: 'rewritten zebra' });
    expect(edited.status).toBe(200);
    await api
      .withToken(owner.accessToken)
      .delete(`/api/v1/channels/${general.id}/messages/${sent['phrase']!.id}`);
    await eventually(async () => {
      const zebra = await guildSearch(owner.accessToken, 'content=zebra');
      expect(zebra.body.messages.map((m) => m.id)).toEqual([sent['words']!.id]);
      const notes = await guildSearch(owner.accessToken, 'content=notes');
      expect(notes.body.total).toBe(0);
    });
  });

  it('searches one channel, and only channels the caller can read', async () => {
    const inChannel = await search(
      owner.accessToken,
      `/api/v1/channels/${general.id}/messages/search?content=deploy`,
    );
    expect(inChannel.body.total).toBe(3);
    const asMember = await guildSearch(member.accessToken, 'content=deploy');
    expect(asMember.body.messages.map((m) => m.channelId)).not.toContain(secret.id);
    expect(asMember.body.total).toBe(3);
    const secretAsMember = await api
      .withToken(member.accessToken)
      .get<ErrorResponseBody>(`/api/v1/channels/${secret.id}/messages/search?content=deploy`);
    expect(secretAsMember.status).toBe(404);
    const outside = await api
      .withToken(outsider.accessToken)
      .get<ErrorResponseBody>(`/api/v1/guilds/${guild.id}/messages/search?content=deploy`);
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('UNKNOWN_GUILD');
  });

  it('a kicked member finds nothing more in that guild', async () => {
    const kicked = await api
      .withToken(owner.accessToken)
      .delete(`/api/v1/guilds/${guild.id}/members/${member.user.id}`);
    expect(kicked.status).toBeLessThan(300);
    const after = await api
      .withToken(member.accessToken)
      .get<ErrorResponseBody>(`/api/v1/guilds/${guild.id}/messages/search?content=deploy`);
    expect(after.status).toBe(404);
    expect(after.body.error.code).toBe('UNKNOWN_GUILD');
    const channel = await api
      .withToken(member.accessToken)
      .get<ErrorResponseBody>(`/api/v1/channels/${general.id}/messages/search?content=deploy`);
    expect(channel.status).toBe(404);
  });
});
