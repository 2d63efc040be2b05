import {
  type AuditLogPage,
  auditLogPageSchema,
  type Channel,
  type Guild,
  type Invite,
  PERMISSIONS,
  type Role,
} from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { Stack } from '../support/stack';

/**
 * Issue 19, item 4: the moderation audit log through the gateway. The `X-Audit-Log-Reason` header a
 * client sends (URL-encoded, as Discord's) reaches chat and is kept with the entry; a member without
 * VIEW_AUDIT_LOG gets 403, a member whose role grants it reads the log. Voice moves and disconnects
 * (in the voice service) reach the log through voice.member.moderated, with their reason too.
 */
describe('moderation audit log through the gateway', () => {
  let stack: Stack;
  let api: Api;
  let owner: Api;
  let ownerAuth: AuthResult;
  let member: Api;
  let auditor: Api;
  let memberAuth: AuthResult;
  let auditorAuth: AuthResult;
  let guild: Guild;

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'chat', 'voice', 'gateway'] });
    api = new Api(stack.gateway.url);
    [ownerAuth, memberAuth, auditorAuth] = await Promise.all([
      registerUser(api),
      registerUser(api),
      registerUser(api),
    ]);
    owner = api.withToken(ownerAuth.accessToken);
    member = api.withToken(memberAuth.accessToken);
    auditor = api.withToken(auditorAuth.accessToken);
    // chat learns of new users from auth's events: the first guild waits until it has.
    await eventually(async () => {
      const reply = await owner.post<Guild>('/api/v1/guilds', { name: 'Audited' });
      expect(reply.status).toBe(201);
      guild = reply.body;
    });
    const invite = (await owner.post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {})).body;
    for (const joiner of [member, auditor]) {
      await eventually(async () =>
        expect((await joiner.post(`/api/v1/invites/${invite.code}`)).status).toBe(200),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps the reason a client sent in the header, for whoever holds VIEW_AUDIT_LOG', async () => {
    const g = `/api/v1/guilds/${guild.id}`;
    const reason = 'raid clean-up: “spam” & ads ✓';
    const renamed = await owner.request(
      'PATCH',
      g,
      { name: 'Audited again' },
      {
        'X-Audit-Log-Reason': encodeURIComponent(reason),
      },
    );
    expect(renamed.status).toBe(200);
    const role = await owner.request<Role>(
      'POST',
      `${g}/roles`,
      {
        name: 'auditor',
        permissions: String(PERMISSIONS.VIEW_AUDIT_LOG),
      },
      { 'X-Audit-Log-Reason': 'auditors' },
    );
    expect(role.status).toBe(201);
    expect(
      (await owner.request('PATCH', `${g}/members/${auditorAuth.user.id}`, { roleIds: [role.body.id] }))
        .status,
    ).toBe(200);

    const refused = await member.get<ErrorResponseBody>(`${g}/audit-log`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('MISSING_PERMISSION');

    const reply = await auditor.get<AuditLogPage>(`${g}/audit-log`);
    expect(reply.status).toBe(200);
    const page = auditLogPageSchema.parse(reply.body);
    expect(page.entries.map((entry) => entry.action)).toEqual([
      'MEMBER_ROLE_UPDATE',
      'ROLE_CREATE',
      'GUILD_UPDATE',
      'INVITE_CREATE',
    ]);
    const [assigned, created, update] = page.entries;
    expect(update).toMatchObject({
      actorId: ownerAuth.user.id,
      targetId: guild.id,
      changes: [{ key: 'name', old: 'Audited', new: 'Audited again' }],
      reason,
    });
    expect(created).toMatchObject({ targetId: role.body.id, reason: 'auditors' });
    expect(assigned).toMatchObject({ targetId: auditorAuth.user.id, reason: null });
    expect(page.users.find((user) => user.id === ownerAuth.user.id)?.username).toBe(ownerAuth.user.username);

    const filtered = await auditor.get<AuditLogPage>(`${g}/audit-log?action_type=GUILD_UPDATE&limit=1`);
    expect(filtered.body.entries.map((entry) => entry.reason)).toEqual([reason]);
  });

  it('records voice moves and disconnects made in the voice service, with their reasons', async () => {
    const g = `/api/v1/guilds/${guild.id}`;
    const lounge = (await owner.get<Channel[]>(`${g}/channels`)).body.find((c) => c.type === 'voice')!;
    const stage = await owner.post<Channel>(`${g}/channels`, { name: 'Stage', type: 'voice' });
    expect(stage.status).toBe(201);
    expect((await member.post(`/api/v1/channels/${lounge.id}/voice`, {})).status).toBe(200);
    const target = `${g}/voice-states/${memberAuth.user.id}`;
    const moved = await owner.request(
      'PATCH',
      target,
      { channelId: stage.body.id },
      {
        'X-Audit-Log-Reason': encodeURIComponent('too loud'),
      },
    );
    expect(moved.status).toBe(200);
    const out = await owner.request('DELETE', target, undefined, { 'X-Audit-Log-Reason': 'bye' });
    expect(out.status).toBe(204);

    await eventually(async () => {
      const reply = await auditor.get<AuditLogPage>(`${g}/audit-log?user_id=${ownerAuth.user.id}&limit=2`);
      expect(reply.body.entries).toMatchObject([
        {
          action: 'VOICE_MEMBER_DISCONNECT',
          targetId: memberAuth.user.id,
          changes: [{ key: 'channelId', old: stage.body.id }],
          reason: 'bye',
        },
        {
          action: 'VOICE_MEMBER_MOVE',
          targetId: memberAuth.user.id,
          changes: [{ key: 'channelId', old: lounge.id, new: stage.body.id }],
          reason: 'too loud',
        },
      ]);
    }, 20_000);
  });
});
