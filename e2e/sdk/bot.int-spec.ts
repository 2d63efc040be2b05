import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { PERMISSIONS } from '@bonfire/contracts';
import {
  type Application,
  BonfireApiError,
  BonfireClient,
  type Channel,
  type Guild,
  type Message,
} from '@bonfire/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { e2eShape, Stack } from '../support/stack';

/**
 * Bots through the gateway (issue 19 item 2): an application and its bot user, the authorise link that adds
 * the bot to a guild, the example bot (`libs/sdk/examples/ping-bot.ts`) answering `!ping` live, intents
 * (no MESSAGE_CONTENT: guild messages arrive without content unless the bot is mentioned), and a reset
 * token refused afterwards.
 */

async function person(baseUrl: string) {
  const username = `bot_owner_${randomBytes(4).toString('hex')}`;
  const client = new BonfireClient({ baseUrl });
  const { user } = await client.auth.register({
    email: `${username}@example.test`,
    username,
    password: `pw-${randomBytes(8).toString('hex')}`,
  });
  return { client, userId: user.id };
}

const BOT_PERMISSIONS = (
  PERMISSIONS.VIEW_CHANNEL |
  PERMISSIONS.SEND_MESSAGES |
  PERMISSIONS.READ_MESSAGE_HISTORY
).toString();

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BonfireApiError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(`bots through the gateway (${e2eShape} shape)`, () => {
  let stack: Stack;
  let baseUrl: string;
  let owner: Awaited<ReturnType<typeof person>>;
  let other: Awaited<ReturnType<typeof person>>;
  let guild: Guild;
  let text: Channel;
  let app: Application;
  let token: string;
  let example: ChildProcess | undefined;
  let exampleOutput = '';

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'chat', 'gateway'] });
    baseUrl = stack.gateway.url;
    [owner, other] = await Promise.all([person(baseUrl), person(baseUrl)]);
    guild = await owner.client.guilds.create({ name: 'Bot lab' });
    text = (await owner.client.channels.list(guild.id)).find((channel) => channel.type === 'text')!;
    const invite = await owner.client.invites.create(guild.id, { maxUses: 5 });
    await eventually(async () => expect((await other.client.invites.accept(invite.code)).id).toBe(guild.id));
    app = await owner.client.applications.create({ name: 'Ping Bot', description: 'Answers !ping' });
    token = (await owner.client.applications.resetBotToken(app.id)).token;
  }, 60_000);

  afterAll(async () => {
    example?.kill('SIGTERM');
    owner?.client.close();
    other?.client.close();
    await stack?.stop();
  });

  it('creates an application with a bot user marked as a bot', async () => {
    expect(app.bot).toMatchObject({ id: app.id, displayName: 'Ping Bot', bot: true });
    expect((await owner.client.users.get(app.id)).bot).toBe(true);
    expect(await owner.client.applications.list()).toEqual([expect.objectContaining({ id: app.id })]);
    expect(await refusal(other.client.applications.get(app.id))).toEqual({
      status: 404,
      code: 'UNKNOWN_APPLICATION',
    });
  });

  it('the authorise link lists the permissions; a member without MANAGE_GUILD cannot add the bot', async () => {
    // Chat learns the bot user from auth's events.
    const info = await (async () => {
      let answer;
      await eventually(async () => {
        answer = await owner.client.applications.authorizeInfo({
          clientId: app.id,
          permissions: BOT_PERMISSIONS,
          guildId: guild.id,
        });
      }, 20_000);
      return answer!;
    })();
    expect(info).toMatchObject({
      application: { id: app.id, name: 'Ping Bot' },
      bot: { id: app.id, bot: true },
      permissions: BOT_PERMISSIONS,
      guild: { id: guild.id, name: 'Bot lab' },
    });
    expect(info.permissionNames).toEqual(['VIEW_CHANNEL', 'SEND_MESSAGES', 'READ_MESSAGE_HISTORY']);
    expect(
      await refusal(
        other.client.applications.authorize({
          clientId: app.id,
          guildId: guild.id,
          permissions: BOT_PERMISSIONS,
        }),
      ),
    ).toMatchObject({ status: 403 });

    // A member with MANAGE_GUILD only cannot grant what they do not have.
    const managers = await owner.client.roles.create(guild.id, {
      name: 'managers',
      permissions: PERMISSIONS.MANAGE_GUILD.toString(),
    });
    await owner.client.members.update(guild.id, other.userId, { roleIds: [managers.id] });
    expect(
      await refusal(
        other.client.applications.authorize({
          clientId: app.id,
          guildId: guild.id,
          permissions: PERMISSIONS.BAN_MEMBERS.toString(),
        }),
      ),
    ).toEqual({ status: 403, code: 'CANNOT_GRANT_PERMISSIONS' });
  }, 30_000);

  it('adds the bot with a role granting the permissions, recorded as BOT_ADD', async () => {
    const added = await owner.client.applications.authorize({
      clientId: app.id,
      guildId: guild.id,
      permissions: BOT_PERMISSIONS,
    });
    expect(added).toMatchObject({ guildId: guild.id, userId: app.id, added: true });
    const member = await owner.client.members.get(guild.id, app.id);
    expect(member.roleIds).toEqual([added.roleId]);
    const role = (await owner.client.roles.list(guild.id)).find((candidate) => candidate.id === added.roleId);
    expect(role).toMatchObject({ name: 'Ping Bot', permissions: BOT_PERMISSIONS });
    const log = await owner.client.guilds.auditLog(guild.id, { actionType: 'BOT_ADD' });
    expect(log.entries[0]).toMatchObject({ action: 'BOT_ADD', actorId: owner.userId, targetId: app.id });
  });

  it('the example bot answers !ping live with the latency', async () => {
    const script = resolve(__dirname, '../../libs/sdk/examples/ping-bot.ts');
    example = spawn(process.execPath, ['--conditions=@bonfire/source', '--import', 'tsx', script], {
      env: { ...process.env, BONFIRE_URL: baseUrl, BONFIRE_BOT_TOKEN: token, VITEST: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    example.stdout!.on('data', (chunk: Buffer) => (exampleOutput += chunk.toString()));
    example.stderr!.on('data', (chunk: Buffer) => (exampleOutput += chunk.toString()));
    await eventually(() => expect(exampleOutput).toContain(`ready as`), 30_000);

    const seen: Message[] = [];
    owner.client.realtime.on('message.created', ({ message }) => seen.push(message));
    await owner.client.realtime.connect();
    await owner.client.messages.send(text.id, { content: '!ping' });
    await eventually(() => {
      const pong = seen.find((message) => message.authorId === app.id);
      expect(pong?.content, exampleOutput).toMatch(/^pong \(\d+ ms\)$/);
    }, 15_000);
  }, 60_000);

  it('a bot without MESSAGE_CONTENT gets guild messages without content unless mentioned; no account routes', async () => {
    const bot = new BonfireClient({ baseUrl, botToken: token, intents: ['GUILDS', 'GUILD_MESSAGES'] });
    const received: Message[] = [];
    bot.realtime.on('message.created', ({ message }) => received.push(message));
    await bot.realtime.connect();
    try {
      const plain = await owner.client.messages.send(text.id, { content: 'for humans only' });
      const mention = await owner.client.messages.send(text.id, {
        content: `<@${app.id}> you may read this`,
      });
      await eventually(() =>
        expect(received.map((message) => message.id)).toEqual(expect.arrayContaining([plain.id, mention.id])),
      );
      expect(received.find((message) => message.id === plain.id)).toMatchObject({
        content: '',
        attachments: [],
      });
      expect(received.find((message) => message.id === mention.id)?.content).toBe(
        `<@${app.id}> you may read this`,
      );
      // Users' sessions are unaffected: the history has the content.
      expect(
        (await bot.messages.history(text.id)).some((message) => message.content === 'for humans only'),
      ).toBe(true);

      expect(await refusal(bot.http.request('GET', '/api/v1/auth/sessions'))).toEqual({
        status: 403,
        code: 'BOT_FORBIDDEN',
      });
      expect(await refusal(bot.applications.list())).toEqual({ status: 403, code: 'BOT_FORBIDDEN' });
    } finally {
      bot.close();
    }
  }, 30_000);

  it('a reset token is refused afterwards, and the running bot is signed out', async () => {
    const oldBot = new BonfireClient({ baseUrl, botToken: token });
    expect((await oldBot.users.me()).id).toBe(app.id);
    const fresh = (await owner.client.applications.resetBotToken(app.id)).token;
    await eventually(
      async () => expect(await refusal(oldBot.users.me())).toMatchObject({ status: 401 }),
      15_000,
    );
    await eventually(() => expect(exampleOutput).toContain('session ended'), 15_000);
    const newBot = new BonfireClient({ baseUrl, botToken: fresh });
    expect((await newBot.users.me()).id).toBe(app.id);
    oldBot.close();
    newBot.close();
  }, 40_000);
});
