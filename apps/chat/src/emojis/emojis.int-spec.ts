import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AuditLogPage,
  type ClaimEmojiAnswer,
  type Emoji,
  type Message,
  PERMISSIONS,
  type RealtimeState,
} from '@bonfire/contracts';
import { SnowflakeGenerator } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';

type ErrorReply = { error: { code: string; details?: { field?: string; code: string }[] } };

describe('custom emoji', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;
  let owner: string;
  let manager: string;
  let member: string;
  let outsider: string;
  let guildId: string;
  let otherGuildId: string;
  let channelId: string;
  /**
   * Stands in for the file service's emoji claim route (chat may not import another app; the real one is
   * exercised end to end in e2e/chat/emoji.int-spec.ts): it accepts the images registered in `images`.
   */
  let fileService: Server;
  const images = new Map<string, ClaimEmojiAnswer & { guildId: string }>();
  const fileIds = new SnowflakeGenerator(1000);

  const emojisPath = (guild: string) => `/api/v1/guilds/${guild}/emojis`;
  const reactionPath = (message: string, emoji: string) =>
    `/api/v1/channels/${channelId}/messages/${message}/reactions/${encodeURIComponent(emoji)}`;

  /** An uploaded emoji image the fake file service will accept from `ownerId` for `guild`. */
  function image(_ownerId: string, guild: string, animated = false): string {
    const fileId = fileIds.next();
    images.set(fileId, {
      fileId,
      contentType: animated ? 'image/gif' : 'image/png',
      animated,
      width: 64,
      height: 64,
      guildId: guild,
    });
    return fileId;
  }

  async function create(as: string, name: string, fileId: string, guild = guildId) {
    return app.call<Emoji & ErrorReply>('POST', emojisPath(guild), { as, body: { name, fileId } });
  }

  beforeAll(async () => {
    fileService = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const { guildId: guild, fileId } = JSON.parse(body) as { guildId: string; fileId: string };
        const found = images.get(fileId);
        const usable = found !== undefined && found.guildId === guild;
        response.writeHead(usable ? 200 : 400, { 'content-type': 'application/json' });
        if (usable) {
          const { guildId: _guild, ...answer } = found;
          response.end(JSON.stringify(answer));
        } else {
          response.end(
            JSON.stringify({
              error: {
                code: 'INVALID_EMOJI_FILE',
                message: 'The file cannot be used as an emoji.',
                details: [{ field: 'body.fileId', code: 'invalid', message: 'unknown' }],
              },
            }),
          );
        }
      });
    });
    await new Promise<void>((listening) => fileService.listen(0, '127.0.0.1', listening));
    app = await ChatTestApp.start({
      FILE_URL: `http://127.0.0.1:${(fileService.address() as AddressInfo).port}`,
      CHAT_MAX_STATIC_EMOJIS: '3',
      CHAT_MAX_ANIMATED_EMOJIS: '1',
      CHAT_SEND_LIMIT_PER_10S: '100000',
    });
    fx = new ChatFixtures(app);
    [owner, manager, member, outsider] = await Promise.all([
      app.createUser('owner'),
      app.createUser('manager'),
      app.createUser('member'),
      app.createUser('outsider'),
    ]);
    guildId = await fx.guild(owner);
    const managers = await fx.role(guildId, { permissions: PERMISSIONS.MANAGE_EMOJIS });
    await fx.member(guildId, manager, [managers]);
    await fx.member(guildId, member);
    channelId = await fx.channel(guildId);
    otherGuildId = await fx.guild(outsider);
  });

  afterAll(async () => {
    await app?.stop();
    await new Promise((closed) => fileService?.close(closed));
  });

  it('creates, lists, renames and deletes emoji with MANAGE_EMOJIS, each audited and announced', async () => {
    const fileId = image(manager, guildId);
    const created = await create(manager, 'party_blob', fileId);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: fileId,
      guildId,
      name: 'party_blob',
      animated: false,
      creatorId: manager,
    });

    const listed = await app.call<Emoji[]>('GET', emojisPath(guildId), { as: member });
    expect(listed.status).toBe(200);
    expect(listed.body.map((emoji) => emoji.name)).toContain('party_blob');
    expect((await app.call<Emoji>('GET', `${emojisPath(guildId)}/${fileId}`, { as: member })).body.name).toBe(
      'party_blob',
    );

    const renamed = await app.call<Emoji>('PATCH', `${emojisPath(guildId)}/${fileId}`, {
      as: owner,
      body: { name: 'blob_party' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('blob_party');
    expect((await app.call('DELETE', `${emojisPath(guildId)}/${fileId}`, { as: manager })).status).toBe(204);
    const gone = await app.call<ErrorReply>('GET', `${emojisPath(guildId)}/${fileId}`, { as: member });
    expect([gone.status, gone.body.error.code]).toEqual([404, 'UNKNOWN_EMOJI']);

    const audit = await app.call<AuditLogPage>('GET', `/api/v1/guilds/${guildId}/audit-log`, { as: owner });
    const entries = audit.body.entries.filter((entry) => entry.targetId === fileId);
    expect(entries.map((entry) => [entry.action, entry.targetType, entry.actorId])).toEqual([
      ['EMOJI_DELETE', 'emoji', manager],
      ['EMOJI_UPDATE', 'emoji', owner],
      ['EMOJI_CREATE', 'emoji', manager],
    ]);
    expect(entries[1]!.changes).toEqual([{ key: 'name', old: 'party_blob', new: 'blob_party' }]);

    const guildEvents = await fx.events<{ guildId: string; emojis: Emoji[]; emojiId?: string }>(guildId);
    expect(guildEvents.at(-1)).toEqual({ type: 'emoji.deleted', data: { guildId, emojiId: fileId } });
    const events = guildEvents.filter((event) => event.type === 'guild.emojis.updated');
    expect(
      events.slice(-3).map((event) => event.data.emojis.find((emoji) => emoji.id === fileId)?.name ?? null),
    ).toEqual(['party_blob', 'blob_party', null]);
  });

  it('needs MANAGE_EMOJIS to write and membership to read', async () => {
    const fileId = image(member, guildId);
    const refused = await create(member, 'nope', fileId);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'MISSING_PERMISSION']);
    const kept = await create(owner, 'kept', image(owner, guildId));
    for (const [method, body] of [
      ['PATCH', { name: 'renamed' }],
      ['DELETE', undefined],
    ] as const) {
      const reply = await app.call<ErrorReply>(method, `${emojisPath(guildId)}/${kept.body.id}`, {
        as: member,
        body,
      });
      expect([reply.status, reply.body.error.code]).toEqual([403, 'MISSING_PERMISSION']);
    }
    const stranger = await app.call<ErrorReply>('GET', emojisPath(guildId), { as: outsider });
    expect([stranger.status, stranger.body.error.code]).toEqual([404, 'UNKNOWN_GUILD']);
    const unknown = await app.call<ErrorReply>('GET', `${emojisPath(guildId)}/not-an-id`, { as: member });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'UNKNOWN_EMOJI']);
  });

  it('refuses bad names, taken names, unusable images and images already used, naming the field', async () => {
    for (const name of ['a', 'x'.repeat(33), 'no-dash', 'spa ce', 'ünï']) {
      const reply = await create(owner, name, image(owner, guildId));
      expect([reply.status, reply.body.error.code, reply.body.error.details?.[0]?.field]).toEqual([
        400,
        'VALIDATION_FAILED',
        'body.name',
      ]);
    }
    const first = await create(owner, 'unique_name', image(owner, guildId));
    expect(first.status).toBe(201);
    const taken = await create(owner, 'unique_name', image(owner, guildId));
    expect([taken.status, taken.body.error.code, taken.body.error.details?.[0]?.field]).toEqual([
      400,
      'EMOJI_NAME_TAKEN',
      'body.name',
    ]);
    const renameTaken = await app.call<ErrorReply>('PATCH', `${emojisPath(guildId)}/${first.body.id}`, {
      as: owner,
      body: { name: 'kept' },
    });
    expect(renameTaken.body.error.code).toBe('EMOJI_NAME_TAKEN');
    // Another guild's upload, and an upload already made an emoji.
    const foreign = await create(owner, 'foreign', image(owner, otherGuildId));
    expect([foreign.status, foreign.body.error.code, foreign.body.error.details?.[0]?.field]).toEqual([
      400,
      'INVALID_EMOJI_FILE',
      'body.fileId',
    ]);
    const again = await create(owner, 'again', first.body.id);
    expect([again.status, again.body.error.code, again.body.error.details?.[0]?.field]).toEqual([
      400,
      'INVALID_EMOJI_FILE',
      'body.fileId',
    ]);
  });

  it('holds a guild to its static and animated caps', async () => {
    const guild = await fx.guild(owner);
    for (const name of ['s1', 's2', 's3'])
      expect((await create(owner, name, image(owner, guild), guild)).status).toBe(201);
    const fourth = await create(owner, 's4', image(owner, guild), guild);
    expect([fourth.status, fourth.body.error.code]).toEqual([400, 'TOO_MANY_EMOJIS']);
    expect((await create(owner, 'a1', image(owner, guild, true), guild)).body.animated).toBe(true);
    const secondAnimated = await create(owner, 'a2', image(owner, guild, true), guild);
    expect([secondAnimated.status, secondAnimated.body.error.code]).toEqual([400, 'TOO_MANY_EMOJIS']);
  });

  it('keeps <:name:id> in messages and reacts with name:id; both stay readable after the emoji is deleted', async () => {
    const emoji = (await create(owner, 'wave', image(owner, guildId))).body;
    const content = `hello <:wave:${emoji.id}> and <a:gone:123>`;
    const messageId = await fx.send(channelId, member, content);

    expect(
      (await app.call('PUT', `${reactionPath(messageId, `wave:${emoji.id}`)}/@me`, { as: member })).status,
    ).toBe(204);
    // Any name finds the reaction by id; a rename does not split it.
    await app.call('PATCH', `${emojisPath(guildId)}/${emoji.id}`, {
      as: owner,
      body: { name: 'wave_hello' },
    });
    expect(
      (await app.call('PUT', `${reactionPath(messageId, `wave_hello:${emoji.id}`)}/@me`, { as: owner }))
        .status,
    ).toBe(204);
    const reactors = await app.call<{ id: string }[]>(
      'GET',
      reactionPath(messageId, `whatever:${emoji.id}`),
      { as: member },
    );
    expect(reactors.body.map((user) => user.id).sort()).toEqual([owner, member].sort());

    const unknown = await app.call<ErrorReply>('PUT', `${reactionPath(messageId, 'nope:12345')}/@me`, {
      as: member,
    });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.details?.[0]?.field]).toEqual([
      400,
      'INVALID_EMOJI',
      'emoji',
    ]);
    const foreign = (await create(outsider, 'foreign', image(outsider, otherGuildId), otherGuildId)).body;
    const notHere = await app.call<ErrorReply>(
      'PUT',
      `${reactionPath(messageId, `foreign:${foreign.id}`)}/@me`,
      { as: member },
    );
    expect([notHere.status, notHere.body.error.code]).toEqual([400, 'INVALID_EMOJI']);
    const malformed = await app.call<ErrorReply>('PUT', `${reactionPath(messageId, 'x:y')}/@me`, {
      as: member,
    });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'INVALID_EMOJI']);

    expect((await app.call('DELETE', `${emojisPath(guildId)}/${emoji.id}`, { as: owner })).status).toBe(204);
    const message = await app.call<Message>('GET', `/api/v1/channels/${channelId}/messages/${messageId}`, {
      as: member,
    });
    expect(message.status).toBe(200);
    expect(message.body.content).toBe(content);
    expect(message.body.reactions).toEqual([{ emoji: `wave:${emoji.id}`, count: 2, me: true }]);
    // A deleted emoji cannot be added any more, but one's own reaction with it can still be removed.
    const late = await app.call<ErrorReply>('PUT', `${reactionPath(messageId, `wave:${emoji.id}`)}/@me`, {
      as: outsider,
    });
    expect(late.status).toBe(404);
    const afterDelete = await app.call<ErrorReply>(
      'PUT',
      `${reactionPath(messageId, `wave:${emoji.id}`)}/@me`,
      { as: manager },
    );
    expect([afterDelete.status, afterDelete.body.error.code]).toEqual([400, 'INVALID_EMOJI']);
    expect(
      (await app.call('DELETE', `${reactionPath(messageId, `wave:${emoji.id}`)}/@me`, { as: member })).status,
    ).toBe(204);
    const after = await app.call<Message>('GET', `/api/v1/channels/${channelId}/messages/${messageId}`, {
      as: member,
    });
    expect(after.body.reactions).toEqual([{ emoji: `wave:${emoji.id}`, count: 1, me: false }]);

    const events = await fx.events<{ emoji: string }>(channelId);
    expect(
      events
        .filter((event) => event.type.startsWith('reaction.'))
        .map((event) => [event.type, event.data.emoji]),
    ).toEqual([
      ['reaction.added', `wave:${emoji.id}`],
      ['reaction.added', `wave:${emoji.id}`],
      ['reaction.removed', `wave:${emoji.id}`],
    ]);
  });

  it("puts each guild's emoji in the realtime ready state", async () => {
    const emoji = (await create(owner, 'ready_one', image(owner, guildId))).body;
    const state = await app.call<RealtimeState>('GET', '/internal/v1/realtime/state', { as: member });
    const guild = state.body.guilds.find((entry) => entry.guild.id === guildId)!;
    expect(guild.emojis?.map((entry) => entry.id)).toContain(emoji.id);
  });
});
