import { has, PERMISSIONS, type VoiceChannelAccessAnswer } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from '../testing/chat-test-app';

describe('voice support (internal route for the voice service)', () => {
  let chat: ChatTestApp;
  let owner: string;
  let member: string;
  let outsider: string;
  let guildId: string;
  let voiceId: string;
  let textId: string;
  let lockedId: string;

  beforeAll(async () => {
    chat = await ChatTestApp.start();
    [owner, member, outsider] = [await chat.createUser(), await chat.createUser(), await chat.createUser()];
    const guild = await chat.call<{ id: string }>('POST', '/api/v1/guilds', {
      as: owner,
      body: { name: 'Voice realm' },
    });
    expect(guild.status).toBe(201);
    guildId = guild.body.id;
    const invite = await chat.call<{ code: string }>('POST', `/api/v1/guilds/${guildId}/invites`, {
      as: owner,
      body: {},
    });
    expect((await chat.call('POST', `/api/v1/invites/${invite.body.code}`, { as: member })).status).toBe(200);
    const create = async (body: Record<string, unknown>) => {
      const reply = await chat.call<{ id: string }>('POST', `/api/v1/guilds/${guildId}/channels`, {
        as: owner,
        body,
      });
      expect(reply.status).toBe(201);
      return reply.body.id;
    };
    voiceId = await create({ name: 'Lounge', type: 'voice', userLimit: 4 });
    textId = await create({ name: 'general-2', type: 'text' });
    lockedId = await create({
      name: 'Stage',
      type: 'voice',
      permissionOverwrites: [{ id: guildId, type: 'role', deny: String(PERMISSIONS.CONNECT) }],
    });
  }, 60_000);

  afterAll(async () => {
    await chat?.stop();
  });

  const access = (channelId: string, as: string) =>
    chat.call<VoiceChannelAccessAnswer & { error?: { code: string } }>(
      'GET',
      `/internal/v1/voice/channels/${channelId}/access`,
      { as },
    );

  it('answers type, user limit and the member permissions of a voice channel', async () => {
    const reply = await access(voiceId, member);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ channelId: voiceId, guildId, type: 'voice', userLimit: 4 });
    expect(has(BigInt(reply.body.permissions), PERMISSIONS.CONNECT)).toBe(true);
    expect(has(BigInt(reply.body.permissions), PERMISSIONS.MOVE_MEMBERS)).toBe(false);
  });

  it('answers the owner with every permission (MOVE_MEMBERS included)', async () => {
    const reply = await access(voiceId, owner);
    expect(has(BigInt(reply.body.permissions), PERMISSIONS.MOVE_MEMBERS)).toBe(true);
  });

  it('tells text channels apart and reflects a denied CONNECT', async () => {
    expect((await access(textId, member)).body).toMatchObject({ type: 'text', userLimit: null });
    const locked = await access(lockedId, member);
    expect(locked.body.type).toBe('voice');
    expect(has(BigInt(locked.body.permissions), PERMISSIONS.CONNECT)).toBe(false);
  });

  it('answers 404 UNKNOWN_CHANNEL to non-members, unknown ids and calls without identity', async () => {
    expect((await access(voiceId, outsider)).body.error?.code).toBe('UNKNOWN_CHANNEL');
    expect((await access('123', member)).status).toBe(404);
    expect((await access('not-an-id', member)).status).toBe(404);
    const anonymous = await chat.call('GET', `/internal/v1/voice/channels/${voiceId}/access`);
    expect(anonymous.status).toBe(401);
  });
});
