import { randomBytes } from 'node:crypto';
import {
  ALL_PERMISSIONS,
  type Channel,
  type Guild,
  type Message,
  PERMISSIONS,
  type Role,
  type UploadTicket,
} from '@bonfire/contracts';
import sharp from 'sharp';
import { bounded, Client, retrying, send } from './http';

/**
 * The real resources the authorisation matrix runs against, all made through the public API:
 *
 * guild G (owned by `owner`), its @everyone role reduced to VIEW_CHANNEL, so a plain member lacks every
 * other permission;
 * - role `mod`: every permission but ADMINISTRATOR — held by `granted` (and `actor`, who triggers the
 *   realtime events); role `crowd` (VIEW, CONNECT, SPEAK) for throwaway members; role `plain` (no grant) as
 *   the role routes' target; positions: plain < crowd < mod;
 * - `general` (text) with a message and an attachment, `General` (voice), a private text channel (@everyone
 *   denied VIEW_CHANNEL, `mod` allowed) with a message and an attachment, a private voice channel;
 * - an invite; a group DM owned by `owner` with `granted` and `member`, with a message; `owner`'s avatar.
 * Everyone but `actor` also owns a "home" guild (its voice channel serves the self voice-state routes); the
 * stranger shares nothing with G's people. Spare users (registered up front, so chat knows them) serve as
 * throwaway targets: banned, kicked, added to the DM, moved out of voice.
 * Every name, topic and content is a unique marker, so a leak check can look for them in any answer.
 */
export interface Person {
  id: string;
  username: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
  client: Client;
}

/** What a channel-scoped call targets: the public text channel, the private one, or the group DM. */
export interface Target {
  channel: string;
  /** A message in it, by the owner, and its content. */
  message: string;
  content: string;
  /** An attachment posted in it, by the owner. */
  file?: string;
  /** The voice channel of the same visibility. */
  voice?: string;
  /** The channel's topic (text channels). */
  topic?: string;
}

export interface World {
  baseUrl: string;
  owner: Person;
  granted: Person;
  member: Person;
  stranger: Person;
  actor: Person;
  /** An account the public login and refresh routes sign in as (no part in the guild). */
  login: Person;
  guild: Guild;
  roles: { mod: Role; crowd: Role; plain: Role };
  channels: { text: Channel; voice: Channel; private: Channel; privateVoice: Channel };
  targets: { base: Target; private: Target; dm: Target };
  invite: string;
  dm: Channel;
  avatar: string;
  /** Each matrix caller's own guild and its voice channel. */
  homes: Record<'stranger' | 'member' | 'granted' | 'owner', { guildId: string; voiceId: string }>;
  /** Strings (by what they are) that must reach no one who cannot see them: the guild's, its private
   * channels', the DM's, the owner's own (email, refresh token). */
  secrets: { guild: Secrets; private: Secrets; dm: Secrets; personal: Secrets };
}

export type Secrets = Record<string, string>;

/** Each message's id and content, named by their place in the channel. */
function labelled(what: string, messages: readonly Message[]): Secrets {
  return Object.fromEntries(
    messages.flatMap((message, index) => [
      [`${what} ${index} id`, message.id],
      [`${what} ${index} content`, message.content],
    ]),
  );
}

const marker = (what: string) => `${what}-${randomBytes(5).toString('hex')}`;

export async function register(baseUrl: string): Promise<Person> {
  const username = marker('user').replace('-', '_');
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const reply = await send<{ user: { id: string }; accessToken: string; refreshToken: string }>(
    baseUrl,
    'POST',
    '/api/v1/auth/register',
    { body: { email: `${username}@example.test`, username, password } },
  );
  if (reply.status !== 201) throw new Error(`register: ${reply.status} ${reply.text}`);
  return {
    id: reply.body.user.id,
    username,
    email: `${username}@example.test`,
    password,
    token: reply.body.accessToken,
    refreshToken: reply.body.refreshToken,
    client: new Client(baseUrl, reply.body.accessToken),
  };
}

/** A new sign-in session of someone (its own access and refresh tokens). */
export async function signIn(baseUrl: string, who: Person): Promise<{ token: string; refreshToken: string }> {
  const reply = await send<{ accessToken: string; refreshToken: string }>(
    baseUrl,
    'POST',
    '/api/v1/auth/login',
    { body: { login: who.username, password: who.password } },
  );
  if (reply.status !== 200) throw new Error(`login: ${reply.status} ${reply.text}`);
  return { token: reply.body.accessToken, refreshToken: reply.body.refreshToken };
}

/** The id of the session a token belongs to. */
export async function sessionOf(baseUrl: string, token: string): Promise<string> {
  const sessions = await new Client(baseUrl, token).ok<{ id: string; current: boolean }[]>(
    'GET',
    '/api/v1/auth/sessions',
  );
  return sessions.find((session) => session.current)!.id;
}

/** Request → PUT the bytes → complete; the ready file's id. */
export async function upload(
  who: Person,
  path: string,
  bytes: Buffer,
  declared: { filename: string; contentType: string },
): Promise<string> {
  const ticket = await who.client.ok<UploadTicket>('POST', path, { ...declared, size: bytes.length });
  const put = await fetch(ticket.uploadUrl, {
    method: 'PUT',
    headers: ticket.headers,
    body: new Uint8Array(bytes),
  });
  if (put.status !== 200) throw new Error(`upload PUT: ${put.status} ${await put.text()}`);
  await who.client.ok('POST', `/api/v1/attachments/${ticket.id}/complete`);
  return ticket.id;
}

const VIEW = String(PERMISSIONS.VIEW_CHANNEL);
const MOD = String(ALL_PERMISSIONS & ~PERMISSIONS.ADMINISTRATOR);
const CROWD = String(PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.CONNECT | PERMISSIONS.SPEAK);

export class WorldBuilder {
  private readonly spares: Person[] = [];

  constructor(readonly baseUrl: string) {}

  async build(spareCount: number): Promise<World> {
    const { baseUrl } = this;
    const people = await this.registerMany(6 + spareCount);
    const [owner, granted, member, stranger, actor, login] = people as [
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
    ];
    this.spares.push(...people.slice(6));
    const o = owner.client;

    const guild = await retrying(() =>
      o.ok<Guild>('POST', '/api/v1/guilds', { name: marker('guild'), description: marker('about') }),
    );
    const g = `/api/v1/guilds/${guild.id}`;
    const channels = await o.ok<Channel[]>('GET', `${g}/channels`);
    const voice = channels.find((channel) => channel.type === 'voice')!;
    await o.ok('PATCH', `${g}/roles/${guild.id}`, { permissions: VIEW });
    // Each new role goes to position 1: made in this order, plain < crowd < mod.
    const mod = await o.ok<Role>('POST', `${g}/roles`, { name: marker('mod'), permissions: MOD });
    const crowd = await o.ok<Role>('POST', `${g}/roles`, { name: marker('crowd'), permissions: CROWD });
    const plain = await o.ok<Role>('POST', `${g}/roles`, { name: marker('plain') });
    const hidden = [
      { id: guild.id, type: 'role', deny: VIEW },
      { id: mod.id, type: 'role', allow: VIEW },
    ];
    const text = await o.ok<Channel>('PATCH', `/api/v1/channels/${channels[0]!.id}`, {
      topic: marker('topic'),
    });
    const privateText = await o.ok<Channel>('POST', `${g}/channels`, {
      name: marker('vault'),
      topic: marker('plans'),
      permissionOverwrites: hidden,
    });
    const privateVoice = await o.ok<Channel>('POST', `${g}/channels`, {
      name: marker('den'),
      type: 'voice',
      permissionOverwrites: hidden,
    });
    const invite = (await o.ok<{ code: string }>('POST', `${g}/invites`, {})).code;
    await Promise.all(
      [granted, member, actor].map((who) =>
        retrying(() => who.client.ok('POST', `/api/v1/invites/${invite}`)),
      ),
    );
    for (const who of [granted, actor]) {
      await o.ok('PATCH', `${g}/members/${who.id}`, { roleIds: [mod.id] });
    }

    const said = await o.ok<Message>('POST', `/api/v1/channels/${text.id}/messages`, {
      content: marker('said'),
    });
    const secret = await o.ok<Message>('POST', `/api/v1/channels/${privateText.id}/messages`, {
      content: marker('secret'),
    });
    const attach = async (channelId: string) => {
      const fileId = await upload(owner, `/api/v1/channels/${channelId}/attachments`, Buffer.from('notes'), {
        filename: 'notes.txt',
        contentType: 'text/plain',
      });
      await o.ok('POST', `/api/v1/channels/${channelId}/messages`, {
        content: marker('attached'),
        attachments: [fileId],
      });
      // The file service claims it from chat's message event: then readers (not only its uploader) get it.
      await retrying(async () => {
        const reply = await granted.client.request('GET', `/api/v1/attachments/${fileId}`);
        if (reply.status !== 302) throw new Error(`attachment not claimed yet: ${reply.status}`);
      });
      return fileId;
    };
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#e25822' } })
      .png()
      .toBuffer();
    const [textFile, privateFile, avatar] = await Promise.all([
      attach(text.id),
      attach(privateText.id),
      upload(owner, '/api/v1/users/@me/avatar', png, { filename: 'me.png', contentType: 'image/png' }),
    ]);

    const dm = await retrying(() =>
      o.ok<Channel>('POST', '/api/v1/users/@me/channels', {
        recipientIds: [granted.id, member.id],
        name: marker('trio'),
      }),
    );
    const whisper = await o.ok<Message>('POST', `/api/v1/channels/${dm.id}/messages`, {
      content: marker('whisper'),
    });

    const homes = Object.fromEntries(
      await Promise.all(
        (['stranger', 'member', 'granted', 'owner'] as const).map(async (name) => {
          const who = { stranger, member, granted, owner }[name];
          const home = await retrying(() => who.client.ok<Guild>('POST', '/api/v1/guilds', { name: 'home' }));
          const homeChannels = await who.client.ok<Channel[]>('GET', `/api/v1/guilds/${home.id}/channels`);
          const voiceId = homeChannels.find((channel) => channel.type === 'voice')!.id;
          return [name, { guildId: home.id, voiceId }];
        }),
      ),
    ) as World['homes'];

    const messages = await o.ok<Message[]>('GET', `/api/v1/channels/${text.id}/messages`);
    const privateMessages = await o.ok<Message[]>('GET', `/api/v1/channels/${privateText.id}/messages`);
    return {
      baseUrl,
      owner,
      granted,
      member,
      stranger,
      actor,
      login,
      guild,
      roles: { mod, crowd, plain },
      channels: { text, voice, private: privateText, privateVoice },
      targets: {
        base: {
          channel: text.id,
          message: said.id,
          content: said.content,
          file: textFile,
          voice: voice.id,
          topic: text.topic!,
        },
        private: {
          channel: privateText.id,
          message: secret.id,
          content: secret.content,
          file: privateFile,
          voice: privateVoice.id,
          topic: privateText.topic!,
        },
        dm: { channel: dm.id, message: whisper.id, content: whisper.content },
      },
      invite,
      dm,
      avatar,
      homes,
      secrets: {
        guild: {
          'guild id': guild.id,
          'guild name': guild.name,
          'guild description': guild.description!,
          'text channel id': text.id,
          'text channel topic': text.topic!,
          'voice channel id': voice.id,
          invite,
          'text channel attachment': textFile,
          ...Object.fromEntries(
            Object.entries({ mod, crowd, plain }).flatMap(([name, role]) => [
              [`role ${name} id`, role.id],
              [`role ${name} name`, role.name],
            ]),
          ),
          ...labelled('text channel message', messages),
        },
        private: {
          'private channel id': privateText.id,
          'private channel name': privateText.name!,
          'private channel topic': privateText.topic!,
          'private voice channel id': privateVoice.id,
          'private voice channel name': privateVoice.name!,
          'private channel attachment': privateFile,
          ...labelled('private channel message', privateMessages),
        },
        dm: {
          'DM id': dm.id,
          'DM name': dm.name!,
          'DM message id': whisper.id,
          'DM message': whisper.content,
        },
        personal: { 'owner email': owner.email, 'owner refresh token': owner.refreshToken },
      },
    };
  }

  /** A registered user not used by anything else yet. */
  spare(): Person {
    const spare = this.spares.pop();
    if (!spare) throw new Error('out of spare users: raise SPARE_USERS');
    return spare;
  }

  /** A spare that is a member of G with the `crowd` role (may join its public voice channel). */
  async spareMember(world: World): Promise<Person> {
    const spare = this.spare();
    await retrying(() => spare.client.ok('POST', `/api/v1/invites/${world.invite}`));
    await world.owner.client.ok('PATCH', `/api/v1/guilds/${world.guild.id}/members/${spare.id}`, {
      roleIds: [world.roles.crowd.id],
    });
    return spare;
  }

  /** A spare member of G connected to its public voice channel. */
  async spareInVoice(world: World): Promise<Person> {
    const spare = await this.spareMember(world);
    await spare.client.ok('POST', `/api/v1/channels/${world.channels.voice.id}/voice`, {});
    return spare;
  }

  /** A guild shaped like G for destructive routes: owned by `owner`, `member` plain, `granted` with `mod`. */
  async throwawayGuild(world: World): Promise<string> {
    const o = world.owner.client;
    const guild = await o.ok<Guild>('POST', '/api/v1/guilds', { name: marker('throwaway') });
    const g = `/api/v1/guilds/${guild.id}`;
    const [invite, mod] = await Promise.all([
      o.ok<{ code: string }>('POST', `${g}/invites`, {}),
      o.ok<Role>('POST', `${g}/roles`, { name: 'mod', permissions: MOD }),
      o.ok('PATCH', `${g}/roles/${guild.id}`, { permissions: VIEW }),
    ]);
    await Promise.all(
      [world.granted, world.member].map((who) => who.client.ok('POST', `/api/v1/invites/${invite.code}`)),
    );
    await o.ok('PATCH', `${g}/members/${world.granted.id}`, { roleIds: [mod.id] });
    return guild.id;
  }

  private async registerMany(count: number): Promise<Person[]> {
    const people: Person[] = new Array(count);
    // The owner first: the first account of the stack's new auth database is the instance admin.
    people[0] = await register(this.baseUrl);
    await bounded(
      Array.from({ length: count - 1 }, (_, index) => index + 1),
      4,
      async (index) => {
        people[index] = await register(this.baseUrl);
      },
    );
    return people;
  }
}
