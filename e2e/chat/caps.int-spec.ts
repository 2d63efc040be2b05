import type { Channel, Guild, Invite } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { Stack } from '../support/stack';

/**
 * Issue 15: what one account can pile up in chat is bounded. Active invites per guild
 * (CHAT_MAX_INVITES_PER_GUILD) and group DMs per user (CHAT_MAX_GROUP_DMS_PER_USER) are capped, the
 * count holds under concurrent requests, and what can no longer be used (expired, used up, left) stops
 * counting. The caps are lowered here so the tests stay small; the defaults are 1000 and 100.
 */
const INVITE_CAP = 5;
const GROUP_DM_CAP = 3;

describe('chat caps through the gateway', () => {
  let stack: Stack;
  let api: Api;

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      serviceEnv: {
        chat: {
          CHAT_MAX_INVITES_PER_GUILD: String(INVITE_CAP),
          CHAT_MAX_GROUP_DMS_PER_USER: String(GROUP_DM_CAP),
        },
      },
    });
    api = new Api(stack.gateway.url);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('active invites per guild', () => {
    let owner: Api;
    let member: AuthResult;

    beforeAll(async () => {
      const [ownerAuth, memberAuth] = await Promise.all([registerUser(api), registerUser(api)]);
      owner = api.withToken(ownerAuth.accessToken);
      member = memberAuth;
    });

    const newGuild = async (name: string) => {
      // chat learns of new users from auth's events: the first guild waits until it has.
      let created: Guild | undefined;
      await eventually(async () => {
        const reply = await owner.post<Guild>('/api/v1/guilds', { name });
        expect(reply.status).toBe(201);
        created = reply.body;
      });
      return created!;
    };
    const createInvite = (guildId: string, body?: Record<string, unknown>) =>
      owner.post<Invite & ErrorResponseBody>(`/api/v1/guilds/${guildId}/invites`, body);

    const expectTooMany = (reply: { status: number; body: ErrorResponseBody }) => {
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('TOO_MANY_INVITES');
      expect(reply.body.error.details).toEqual([
        expect.objectContaining({ field: 'param.guildId', code: 'too_many_invites' }),
      ]);
    };

    it('refuses one more than the cap with 400 TOO_MANY_INVITES; an expired invite stops counting', async () => {
      const guild = await newGuild('Invite cap');
      for (let index = 0; index < INVITE_CAP - 1; index++) {
        expect((await createInvite(guild.id)).status).toBe(201);
      }
      const shortLived = await createInvite(guild.id, { maxAgeSeconds: 1 });
      expect(shortLived.status).toBe(201);

      expectTooMany(await createInvite(guild.id));

      // Once the short-lived one has expired, its place is free again (and only its place).
      await new Promise((wait) => setTimeout(wait, 1_100));
      await eventually(async () => expect((await createInvite(guild.id)).status).toBe(201), 5_000);
      expectTooMany(await createInvite(guild.id));
    });

    it('frees a place when an invite is revoked or used up', async () => {
      const guild = await newGuild('Invite cap, revoke and use');
      const codes: string[] = [];
      for (let index = 0; index < INVITE_CAP; index++) {
        const reply = await createInvite(guild.id);
        expect(reply.status).toBe(201);
        codes.push(reply.body.code);
      }
      expectTooMany(await createInvite(guild.id));

      expect((await owner.delete(`/api/v1/invites/${codes[0]}`)).status).toBe(204);
      const single = await createInvite(guild.id, { maxUses: 1 });
      expect(single.status).toBe(201);
      expectTooMany(await createInvite(guild.id));

      await eventually(async () => {
        const joined = await api.withToken(member.accessToken).post(`/api/v1/invites/${single.body.code}`);
        expect(joined.status).toBe(200);
      });
      expect((await createInvite(guild.id)).status).toBe(201);
      expectTooMany(await createInvite(guild.id));
    });

    it('holds the cap under concurrent creates', async () => {
      const guild = await newGuild('Invite cap, concurrent');
      const replies = await Promise.all(Array.from({ length: INVITE_CAP + 7 }, () => createInvite(guild.id)));
      expect(replies.filter((reply) => reply.status === 201)).toHaveLength(INVITE_CAP);
      for (const refused of replies.filter((reply) => reply.status !== 201)) expectTooMany(refused);
      const listed = await owner.get<Invite[]>(`/api/v1/guilds/${guild.id}/invites`);
      expect(listed.body).toHaveLength(INVITE_CAP);
    });
  });

  describe('group DMs per user', () => {
    let a: AuthResult, b: AuthResult, c: AuthResult, d: AuthResult, e: AuthResult;
    const as = (user: AuthResult) => api.withToken(user.accessToken);
    const openGroup = (by: AuthResult, recipients: AuthResult[]) =>
      as(by).post<Channel & ErrorResponseBody>('/api/v1/users/@me/channels', {
        recipientIds: recipients.map((user) => user.user.id),
      });
    const expectTooMany = (reply: { status: number; body: ErrorResponseBody }, field: string) => {
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('TOO_MANY_GROUP_DMS');
      expect(reply.body.error.details).toEqual([
        expect.objectContaining({ field, code: 'too_many_group_dms' }),
      ]);
    };

    beforeAll(async () => {
      [a, b, c, d, e] = await Promise.all([
        registerUser(api),
        registerUser(api),
        registerUser(api),
        registerUser(api),
        registerUser(api),
      ]);
      // chat learns of new users from auth's events: wait until it knows all five (1:1 DMs do not count).
      await eventually(async () => {
        for (const [from, to] of [
          [a, e],
          [e, a],
          [e, b],
          [e, c],
          [e, d],
        ] as const) {
          const reply = await as(from).post('/api/v1/users/@me/channels', { recipientId: to.user.id });
          expect(reply.status).toBeLessThan(300);
        }
      });
    });

    it('creating one more than the cap at once: exactly the cap succeed, the rest are 400 naming the field', async () => {
      const replies = await Promise.all(Array.from({ length: GROUP_DM_CAP + 3 }, () => openGroup(a, [b])));
      expect(replies.filter((reply) => reply.status === 201)).toHaveLength(GROUP_DM_CAP);
      for (const refused of replies.filter((reply) => reply.status !== 201)) {
        expectTooMany(refused, 'body.recipientIds');
      }
      const mine = await as(a).get<Channel[]>('/api/v1/users/@me/channels');
      expect(mine.body.filter((channel) => channel.type === 'group_dm')).toHaveLength(GROUP_DM_CAP);
    });

    it('refuses to put someone at the cap into a new group, or to add them to one, naming them', async () => {
      // b is in GROUP_DM_CAP group DMs now (all of a's).
      const refused = await openGroup(c, [d, b]);
      expectTooMany(refused, 'body.recipientIds.1');
      expect(refused.body.error.message).toContain(b.user.id);

      const group = await openGroup(c, [d]);
      expect(group.status).toBe(201);
      const added = await as(c).request<ErrorResponseBody>(
        'PUT',
        `/api/v1/channels/${group.body.id}/recipients/${b.user.id}`,
      );
      expectTooMany(added, 'param.userId');
      const after = await as(c).get<Channel[]>('/api/v1/users/@me/channels');
      expect(after.body.find((channel) => channel.id === group.body.id)?.recipientIds).not.toContain(
        b.user.id,
      );
    });

    it('1:1 DMs do not count, and leaving a group frees a place', async () => {
      const dm = await as(a).post<Channel>('/api/v1/users/@me/channels', { recipientId: c.user.id });
      expect(dm.status).toBe(201);
      expectTooMany(await openGroup(a, [c]), 'body.recipientIds');

      const mine = await as(a).get<Channel[]>('/api/v1/users/@me/channels');
      const left = mine.body.find((channel) => channel.type === 'group_dm')!;
      expect((await as(a).delete(`/api/v1/channels/${left.id}/recipients/${a.user.id}`)).status).toBe(204);
      expect((await openGroup(a, [c])).status).toBe(201);
    });

    it('holds the cap under concurrent adds to different groups', async () => {
      // Every group DM a, b or c owns (a owns GROUP_DM_CAP; b inherited the one a left; c owns one):
      // more groups than the cap, each adding e at the same moment.
      const owned = (
        await Promise.all(
          [a, b, c].map(async (owner) =>
            (await as(owner).get<Channel[]>('/api/v1/users/@me/channels')).body
              .filter((channel) => channel.type === 'group_dm' && channel.ownerId === owner.user.id)
              .map((channel) => ({ owner, channel })),
          ),
        )
      ).flat();
      expect(owned.length).toBeGreaterThan(GROUP_DM_CAP);
      const replies = await Promise.all(
        owned.map(({ owner, channel }) =>
          as(owner).request<ErrorResponseBody>(
            'PUT',
            `/api/v1/channels/${channel.id}/recipients/${e.user.id}`,
          ),
        ),
      );
      expect(replies.filter((reply) => reply.status === 204)).toHaveLength(GROUP_DM_CAP);
      for (const refused of replies.filter((reply) => reply.status !== 204)) {
        expectTooMany(refused, 'param.userId');
      }
      const mine = await as(e).get<Channel[]>('/api/v1/users/@me/channels');
      expect(mine.body.filter((channel) => channel.type === 'group_dm')).toHaveLength(GROUP_DM_CAP);
    });
  });
});
