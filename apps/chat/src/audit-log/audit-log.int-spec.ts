import {
  type AuditLogEntry,
  type AuditLogPage,
  auditLogPageSchema,
  type Channel,
  type Invite,
  type Message,
  PERMISSIONS,
} from '@bonfire/contracts';
import { randomUUID } from 'node:crypto';
import { createEvent } from '@bonfire/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTransactions } from '../database/chat-transactions';
import { addMembers, createGuild, createRole, ok, setRoles } from '../guilds/guild-test-kit';
import { ChatTestApp } from '../testing/chat-test-app';
import { AuditLogService } from './audit-log.service';
import { VoiceModerationHandlers } from './voice-moderation.handlers';

type ErrorReply = { error: { code: string; details?: { field?: string }[] } };

describe('moderation audit log', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start({ AUDIT_LOG_RETENTION_DAYS: '30' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** A moderation call with an X-Audit-Log-Reason header (URL-encoded, as clients send it). */
  async function act<T>(
    method: string,
    path: string,
    as: string,
    reason: string,
    body?: unknown,
  ): Promise<T> {
    const reply = await app.call<T>(method, path, {
      as,
      body,
      headers: { 'x-audit-log-reason': encodeURIComponent(reason) },
    });
    expect(reply.status, `${method} ${path} → ${JSON.stringify(reply.body)}`).toBeLessThan(300);
    return reply.body;
  }

  async function auditLog(guildId: string, as: string, query = ''): Promise<AuditLogPage> {
    const page = await ok<AuditLogPage>(app, 'GET', `/api/v1/guilds/${guildId}/audit-log${query}`, as);
    return auditLogPageSchema.parse(page);
  }

  function latest(page: AuditLogPage, action: AuditLogEntry['action']): AuditLogEntry {
    const entry = page.entries.find((one) => one.action === action);
    expect(entry, `no ${action} in ${JSON.stringify(page.entries.map((one) => one.action))}`).toBeDefined();
    return entry!;
  }

  it('records every moderation action with who, target, the changed fields and the reason', async () => {
    const ownerId = await app.createUser('auditowner');
    const guild = await createGuild(app, ownerId, 'Audit');
    const [memberId, otherId, bannedId] = await addMembers(app, guild.id, ownerId, 3);
    const g = `/api/v1/guilds/${guild.id}`;

    await act(`PATCH`, g, ownerId, 'rename', { name: 'Audited' });
    const channel = await act<Channel>('POST', `${g}/channels`, ownerId, 'new channel', { name: 'mods' });
    await act('PATCH', `/api/v1/channels/${channel.id}`, ownerId, 'topic', { topic: 'rules' });
    await act('PUT', `/api/v1/channels/${channel.id}/permissions/${guild.id}`, ownerId, 'hide', {
      type: 'role',
      allow: '0',
      deny: String(PERMISSIONS.VIEW_CHANNEL),
    });
    await act('DELETE', `/api/v1/channels/${channel.id}/permissions/${guild.id}`, ownerId, 'unhide');
    const role = await act<{ id: string }>('POST', `${g}/roles`, ownerId, 'new role', {
      name: 'mod',
      permissions: '0',
    });
    await act('PATCH', `${g}/roles/${role.id}`, ownerId, 'recolour', { color: 0xff0000 });
    await act('PATCH', `${g}/members/${memberId}`, ownerId, 'promote', { roleIds: [role.id] });
    await act('PATCH', `${g}/members/${memberId}`, ownerId, 'nick', { nickname: 'Bob' });
    await act('DELETE', `${g}/roles/${role.id}`, ownerId, 'drop role');
    const text = (await ok<Channel[]>(app, 'GET', `${g}/channels`, ownerId)).find((c) => c.type === 'text')!;
    const message = await ok<Message>(app, 'POST', `/api/v1/channels/${text.id}/messages`, otherId!, {
      content: 'spam',
    });
    await act('PUT', `/api/v1/channels/${text.id}/pins/${message.id}`, ownerId, 'pin');
    await act('DELETE', `/api/v1/channels/${text.id}/pins/${message.id}`, ownerId, 'unpin');
    await act('DELETE', `/api/v1/channels/${text.id}/messages/${message.id}`, ownerId, 'spam removed');
    const invite = await act<Invite>('POST', `${g}/invites`, ownerId, 'invite', {});
    await act('DELETE', `/api/v1/invites/${invite.code}`, ownerId, 'revoke');
    await act('DELETE', `${g}/members/${otherId}`, ownerId, 'kick');
    await act('PUT', `${g}/bans/${bannedId}`, ownerId, 'ban', {});
    await act('DELETE', `${g}/bans/${bannedId}`, ownerId, 'unban');
    await act('DELETE', `/api/v1/channels/${channel.id}`, ownerId, 'delete channel');

    const page = await auditLog(guild.id, ownerId, '?limit=100');
    for (const entry of page.entries) {
      expect(entry.actorId).toBe(ownerId);
      expect(entry.guildId).toBe(guild.id);
    }
    expect(latest(page, 'GUILD_UPDATE')).toMatchObject({
      targetType: 'guild',
      targetId: guild.id,
      changes: [{ key: 'name', old: 'Audit', new: 'Audited' }],
      reason: 'rename',
    });
    expect(latest(page, 'CHANNEL_CREATE')).toMatchObject({ targetId: channel.id, reason: 'new channel' });
    expect(latest(page, 'CHANNEL_CREATE').changes).toContainEqual({ key: 'name', new: 'mods' });
    expect(latest(page, 'CHANNEL_UPDATE')).toMatchObject({
      targetId: channel.id,
      changes: [{ key: 'topic', old: null, new: 'rules' }],
      reason: 'topic',
    });
    expect(latest(page, 'CHANNEL_OVERWRITE_UPDATE')).toMatchObject({
      targetId: channel.id,
      options: { id: guild.id, type: 'role' },
      changes: [
        { key: 'allow', new: '0' },
        { key: 'deny', new: String(PERMISSIONS.VIEW_CHANNEL) },
      ],
      reason: 'hide',
    });
    expect(latest(page, 'CHANNEL_OVERWRITE_DELETE')).toMatchObject({
      changes: [
        { key: 'allow', old: '0' },
        { key: 'deny', old: String(PERMISSIONS.VIEW_CHANNEL) },
      ],
      reason: 'unhide',
    });
    expect(latest(page, 'ROLE_CREATE')).toMatchObject({
      targetType: 'role',
      targetId: role.id,
      reason: 'new role',
    });
    expect(latest(page, 'ROLE_UPDATE')).toMatchObject({
      targetId: role.id,
      changes: [{ key: 'color', old: 0, new: 0xff0000 }],
      reason: 'recolour',
    });
    expect(latest(page, 'ROLE_DELETE')).toMatchObject({ targetId: role.id, reason: 'drop role' });
    expect(latest(page, 'ROLE_DELETE').changes).toContainEqual({ key: 'name', old: 'mod' });
    expect(latest(page, 'MEMBER_ROLE_UPDATE')).toMatchObject({
      targetType: 'user',
      targetId: memberId,
      changes: [{ key: '$add', new: [role.id] }],
      reason: 'promote',
    });
    expect(latest(page, 'MEMBER_UPDATE')).toMatchObject({
      targetId: memberId,
      changes: [{ key: 'nickname', old: null, new: 'Bob' }],
      reason: 'nick',
    });
    const messageOptions = { channelId: text.id, messageId: message.id };
    expect(latest(page, 'MESSAGE_PIN')).toMatchObject({
      targetId: otherId,
      options: messageOptions,
      reason: 'pin',
    });
    expect(latest(page, 'MESSAGE_UNPIN')).toMatchObject({ options: messageOptions, reason: 'unpin' });
    expect(latest(page, 'MESSAGE_DELETE')).toMatchObject({
      targetId: otherId,
      options: messageOptions,
      reason: 'spam removed',
    });
    expect(latest(page, 'INVITE_CREATE')).toMatchObject({
      targetType: 'invite',
      targetId: invite.code,
      reason: 'invite',
    });
    expect(latest(page, 'INVITE_DELETE')).toMatchObject({ targetId: invite.code, reason: 'revoke' });
    expect(latest(page, 'MEMBER_KICK')).toMatchObject({ targetId: otherId, changes: [], reason: 'kick' });
    expect(latest(page, 'MEMBER_BAN_ADD')).toMatchObject({ targetId: bannedId, reason: 'ban' });
    expect(latest(page, 'MEMBER_BAN_REMOVE')).toMatchObject({ targetId: bannedId, reason: 'unban' });
    expect(latest(page, 'CHANNEL_DELETE')).toMatchObject({ targetId: channel.id, reason: 'delete channel' });
    // Newest first, and the users beside the entries: the actor and the target users.
    const ids = page.entries.map((entry) => BigInt(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(page.users.map((user) => user.id).sort()).toEqual([ownerId, memberId, otherId, bannedId].sort());
    expect(page.users.find((user) => user.id === ownerId)).toMatchObject({ username: 'auditowner' });
  });

  it('records no reason without the header, keeps a ban body reason, cleans the header', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const [a, b] = await addMembers(app, guild.id, ownerId, 2);
    const g = `/api/v1/guilds/${guild.id}`;
    await ok(app, 'DELETE', `${g}/members/${a}`, ownerId);
    await ok(app, 'PUT', `${g}/bans/${b}`, ownerId, { reason: 'body reason' });
    const reply = await app.call('PATCH', g, {
      as: ownerId,
      body: { name: 'Renamed' },
      headers: { 'x-audit-log-reason': `${encodeURIComponent('  two\nlines\u0007 ')}${'x'.repeat(600)}` },
    });
    expect(reply.status).toBe(200);
    const page = await auditLog(guild.id, ownerId);
    expect(latest(page, 'MEMBER_KICK').reason).toBeNull();
    expect(latest(page, 'MEMBER_BAN_ADD').reason).toBe('body reason');
    const reason = latest(page, 'GUILD_UPDATE').reason!;
    expect(reason.startsWith('two lines  xxx')).toBe(true);
    expect(reason).toHaveLength(512);
  });

  it('writes no entry when the action fails, nor when its transaction rolls back', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const [memberId] = await addMembers(app, guild.id, ownerId, 1);
    const g = `/api/v1/guilds/${guild.id}`;
    expect((await app.call('DELETE', `${g}/members/${ownerId}`, { as: memberId })).status).toBe(403);
    expect((await app.call('PATCH', `${g}/roles/123`, { as: ownerId, body: { name: 'x' } })).status).toBe(
      404,
    );
    expect((await app.call('DELETE', `${g}/bans/${memberId}`, { as: ownerId })).status).toBe(404);

    const service = app.service.app.get(AuditLogService);
    const transactions = app.service.app.get(ChatTransactions);
    await expect(
      transactions.run(async (trx) => {
        await service.record(trx, {
          guildId: guild.id,
          actorId: ownerId,
          action: 'GUILD_UPDATE',
          targetType: 'guild',
          targetId: guild.id,
          before: { name: 'a' },
          after: { name: 'b' },
        });
        throw new Error('the action failed after recording');
      }),
    ).rejects.toThrow('the action failed');
    // Only the invite addMembers made.
    expect((await auditLog(guild.id, ownerId)).entries.map((entry) => entry.action)).toEqual([
      'INVITE_CREATE',
    ]);
  });

  it('is for VIEW_AUDIT_LOG holders: 403 for other members, 404 for non-members', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const [viewerId, memberId] = await addMembers(app, guild.id, ownerId, 2);
    const outsiderId = await app.createUser();
    const path = `/api/v1/guilds/${guild.id}/audit-log`;
    expect((await app.call<ErrorReply>('GET', path, { as: memberId })).body.error.code).toBe(
      'MISSING_PERMISSION',
    );
    expect((await app.call('GET', path, { as: memberId })).status).toBe(403);
    expect((await app.call('GET', path, { as: outsiderId })).status).toBe(404);
    const role = await createRole(app, guild.id, ownerId, PERMISSIONS.VIEW_AUDIT_LOG, 'auditor');
    await setRoles(app, guild.id, ownerId, viewerId!, [role.id]);
    const page = await auditLog(guild.id, viewerId!);
    expect(latest(page, 'MEMBER_ROLE_UPDATE').targetId).toBe(viewerId);
    for (const query of ['limit=0', 'limit=101', 'before=abc', 'action_type=NOPE', 'user_id=x', 'other=1']) {
      expect((await app.call('GET', `${path}?${query}`, { as: ownerId })).status, query).toBe(400);
    }
  });

  it('filters by actor and action type and pages with before', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const [modId] = await addMembers(app, guild.id, ownerId, 1);
    const mod = await createRole(app, guild.id, ownerId, PERMISSIONS.MANAGE_CHANNELS, 'mod');
    await setRoles(app, guild.id, ownerId, modId!, [mod.id]);
    const g = `/api/v1/guilds/${guild.id}`;
    for (let i = 0; i < 5; i += 1) await ok(app, 'POST', `${g}/channels`, modId!, { name: `c${i}` });
    await ok(app, 'PATCH', g, ownerId, { name: 'Other' });
    await ok(app, 'PATCH', g, ownerId, { name: 'Other' }); // no change, no entry

    const byMod = await auditLog(guild.id, ownerId, `?user_id=${modId}`);
    expect(byMod.entries.map((entry) => entry.action)).toEqual(Array(5).fill('CHANNEL_CREATE'));
    const updates = await auditLog(guild.id, ownerId, '?action_type=GUILD_UPDATE');
    expect(updates.entries).toHaveLength(1);
    expect(updates.users.map((user) => user.id)).toEqual([ownerId]);

    const seen: string[] = [];
    let before = '';
    for (;;) {
      const page = await auditLog(guild.id, ownerId, `?action_type=CHANNEL_CREATE&limit=2${before}`);
      seen.push(...page.entries.map((entry) => entry.changes.find((c) => c.key === 'name')!.new as string));
      if (page.entries.length < 2) break;
      before = `&before=${page.entries.at(-1)!.id}`;
    }
    expect(seen).toEqual(['c4', 'c3', 'c2', 'c1', 'c0']);
  });

  it('records voice moves and disconnects from voice.member.moderated, once per event', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const [memberId] = await addMembers(app, guild.id, ownerId, 1);
    const consumer = app.service.app.get(VoiceModerationHandlers);
    const moved = createEvent(
      'voice.member.moderated',
      guild.id,
      {
        guildId: guild.id,
        actorId: ownerId,
        userId: memberId!,
        action: 'move',
        previousChannelId: '11',
        channelId: '12',
        reason: 'too loud',
      },
      'voice',
    );
    await consumer.apply(moved);
    await consumer.apply(moved); // a redelivery records nothing more
    await consumer.apply(
      createEvent(
        'voice.member.moderated',
        guild.id,
        {
          guildId: guild.id,
          actorId: ownerId,
          userId: memberId!,
          action: 'disconnect',
          previousChannelId: '12',
          channelId: null,
          reason: null,
        },
        'voice',
      ),
    );
    await consumer.apply({ ...moved, id: randomUUID(), type: 'voice.speaking' } as never); // ignored
    const page = await auditLog(guild.id, ownerId, '?limit=10');
    expect(page.entries.filter((entry) => entry.action.startsWith('VOICE_'))).toMatchObject([
      {
        action: 'VOICE_MEMBER_DISCONNECT',
        targetType: 'user',
        targetId: memberId,
        changes: [{ key: 'channelId', old: '12' }],
        reason: null,
      },
      {
        action: 'VOICE_MEMBER_MOVE',
        actorId: ownerId,
        targetId: memberId,
        changes: [{ key: 'channelId', old: '11', new: '12' }],
        reason: 'too loud',
      },
    ]);
  });

  it('prunes entries older than the retention', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const g = `/api/v1/guilds/${guild.id}`;
    await ok(app, 'PATCH', g, ownerId, { name: 'Old one' });
    await ok(app, 'PATCH', g, ownerId, { name: 'New one' });
    const [newest, oldest] = (await auditLog(guild.id, ownerId)).entries;
    await app.db
      .updateTable('audit_log_entries')
      .set({ createdAt: new Date(Date.now() - 31 * 86_400_000) })
      .where('id', '=', oldest!.id)
      .execute();
    const service = app.service.app.get(AuditLogService);
    expect(await service.prune()).toBeGreaterThanOrEqual(1);
    expect((await auditLog(guild.id, ownerId)).entries.map((entry) => entry.id)).toEqual([newest!.id]);
    // 29 days on, the newer one is still kept; 31 days on, it goes too.
    await service.prune(new Date(Date.now() + 29 * 86_400_000));
    expect((await auditLog(guild.id, ownerId)).entries).toHaveLength(1);
    await service.prune(new Date(Date.now() + 31 * 86_400_000));
    expect((await auditLog(guild.id, ownerId)).entries).toHaveLength(0);
  });
});
