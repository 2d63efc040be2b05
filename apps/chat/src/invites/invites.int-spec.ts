import { type Guild, type Invite, inviteSchema } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuild, createInvite, ok, outboxEvents } from '../guilds/guild-test-kit';
import { ChatTestApp } from '../testing/chat-test-app';
import type { InvitePreview } from './invites.dto';

type ErrorReply = { error: { code: string; details?: { field?: string }[] } };

describe('invites', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('creates, previews without identity, accepts, lists and revokes', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId, 'Invite Land');
    const before = Date.now();
    const invite = inviteSchema.parse(await createInvite(app, guild.id, ownerId));
    expect(invite.code).toMatch(/^[A-Za-z0-9]{8,10}$/);
    expect(invite).toMatchObject({
      guildId: guild.id,
      inviterId: ownerId,
      maxUses: null,
      uses: 0,
      channelId: null,
    });
    const week = Date.parse(invite.expiresAt!) - before;
    expect(week).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(week).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);

    const preview = await app.call<InvitePreview>('GET', `/api/v1/invites/${invite.code}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      code: invite.code,
      guild: { id: guild.id, name: 'Invite Land', iconFileId: null, description: null },
      memberCount: 1,
      expiresAt: invite.expiresAt,
    });

    const joinerId = await app.createUser();
    const joined = await app.call<Guild>('POST', `/api/v1/invites/${invite.code}`, { as: joinerId });
    expect(joined.status).toBe(200);
    expect(joined.body.id).toBe(guild.id);
    // Accepting again returns the guild and counts no use.
    expect((await app.call('POST', `/api/v1/invites/${invite.code}`, { as: joinerId })).status).toBe(200);
    const listed = await ok<Invite[]>(app, 'GET', `/api/v1/guilds/${guild.id}/invites`, ownerId);
    expect(listed).toEqual([expect.objectContaining({ code: invite.code, uses: 1 })]);
    expect((await app.call<InvitePreview>('GET', `/api/v1/invites/${invite.code}`)).body.memberCount).toBe(2);

    // The inviter (without MANAGE_GUILD) may revoke their own invite.
    const own = await createInvite(app, guild.id, joinerId, { maxAgeSeconds: 0, maxUses: 0 });
    expect(own).toMatchObject({ expiresAt: null, maxUses: null });
    expect((await app.call('DELETE', `/api/v1/invites/${own.code}`, { as: joinerId })).status).toBe(204);
    expect((await app.call('DELETE', `/api/v1/invites/${invite.code}`, { as: joinerId })).status).toBe(403);
    expect((await app.call('DELETE', `/api/v1/invites/${invite.code}`, { as: ownerId })).status).toBe(204);
    const gone = await app.call<ErrorReply>('GET', `/api/v1/invites/${invite.code}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('UNKNOWN_INVITE');

    const types = (await outboxEvents(app, guild.id)).map((event) => event.type);
    expect(types.filter((type) => type.startsWith('invite.'))).toEqual([
      'invite.created',
      'invite.created',
      'invite.deleted',
      'invite.deleted',
    ]);
  });

  it('answers 404 UNKNOWN_INVITE for unknown, expired and used-up invites', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const joinerId = await app.createUser();
    for (const code of ['nope1234', 'bad-code!', 'x'.repeat(40)]) {
      const reply = await app.call<ErrorReply>('POST', `/api/v1/invites/${encodeURIComponent(code)}`, {
        as: joinerId,
      });
      expect(reply.status, code).toBe(404);
      expect(reply.body.error.code).toBe('UNKNOWN_INVITE');
    }
    const expired = await createInvite(app, guild.id, ownerId, { maxAgeSeconds: 60 });
    await app.db
      .updateTable('invites')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('code', '=', expired.code)
      .execute();
    expect((await app.call('GET', `/api/v1/invites/${expired.code}`)).status).toBe(404);
    expect((await app.call('POST', `/api/v1/invites/${expired.code}`, { as: joinerId })).status).toBe(404);

    const single = await createInvite(app, guild.id, ownerId, { maxUses: 1 });
    expect((await app.call('POST', `/api/v1/invites/${single.code}`, { as: joinerId })).status).toBe(200);
    const late = await app.call<ErrorReply>('POST', `/api/v1/invites/${single.code}`, {
      as: await app.createUser(),
    });
    expect(late.status).toBe(404);
    expect(late.body.error.code).toBe('UNKNOWN_INVITE');
  });

  it('never exceeds maxUses under concurrency: 10 parallel accepts, maxUses 3 → exactly 3 join', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const invite = await createInvite(app, guild.id, ownerId, { maxUses: 3 });
    const users = await Promise.all(Array.from({ length: 10 }, () => app.createUser()));
    const replies = await Promise.all(
      users.map((userId) => app.call('POST', `/api/v1/invites/${invite.code}`, { as: userId })),
    );
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([200, 200, 200, 404, 404, 404, 404, 404, 404, 404]);
    const row = await app.db
      .selectFrom('invites')
      .select('uses')
      .where('code', '=', invite.code)
      .executeTakeFirstOrThrow();
    expect(row.uses).toBe(3);
    const members = await app.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('guildId', '=', guild.id)
      .executeTakeFirstOrThrow();
    expect(Number(members.count)).toBe(4);
  });

  it('checks the invite channel: it must be a visible channel of the guild', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const other = await createGuild(app, ownerId);
    const [channel] = await ok<{ id: string }[]>(app, 'GET', `/api/v1/guilds/${guild.id}/channels`, ownerId);
    const [foreign] = await ok<{ id: string }[]>(app, 'GET', `/api/v1/guilds/${other.id}/channels`, ownerId);
    expect((await createInvite(app, guild.id, ownerId, { channelId: channel!.id })).channelId).toBe(
      channel!.id,
    );
    const wrong = await app.call<ErrorReply>('POST', `/api/v1/guilds/${guild.id}/invites`, {
      as: ownerId,
      body: { channelId: foreign!.id },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details?.[0]?.field).toBe('body.channelId');
  });
});
