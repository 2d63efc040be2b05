import { type Channel, type Guild, type Invite, PERMISSIONS, type Role } from '@bonfire/contracts';
import { sql } from '@bonfire/platform';
import { expect } from 'vitest';
import type { ChatTestApp } from '../testing/chat-test-app';

/** What @everyone keeps in test guilds: see and talk, nothing that any write route needs. */
export const MINIMAL_EVERYONE =
  PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES | PERMISSIONS.READ_MESSAGE_HISTORY;

/** Calls that must succeed: fails the test with the response body otherwise. */
export async function ok<T>(
  app: ChatTestApp,
  method: string,
  path: string,
  as: string,
  body?: unknown,
): Promise<T> {
  const reply = await app.call<T>(method, path, { as, body });
  expect(reply.status, `${method} ${path} → ${JSON.stringify(reply.body)}`).toBeLessThan(300);
  return reply.body;
}

export async function createGuild(app: ChatTestApp, ownerId: string, name = 'Test guild'): Promise<Guild> {
  return ok<Guild>(app, 'POST', '/api/v1/guilds', ownerId, { name });
}

export async function createInvite(
  app: ChatTestApp,
  guildId: string,
  as: string,
  body: Record<string, unknown> = {},
): Promise<Invite> {
  return ok<Invite>(app, 'POST', `/api/v1/guilds/${guildId}/invites`, as, body);
}

/** New users who joined the guild through an invite. */
export async function addMembers(app: ChatTestApp, guildId: string, ownerId: string, count: number) {
  const invite = await createInvite(app, guildId, ownerId, { maxAgeSeconds: 0 });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = await app.createUser();
    await ok(app, 'POST', `/api/v1/invites/${invite.code}`, id);
    ids.push(id);
  }
  return ids;
}

export async function createRole(
  app: ChatTestApp,
  guildId: string,
  as: string,
  permissions: bigint,
  name = 'role',
): Promise<Role> {
  return ok<Role>(app, 'POST', `/api/v1/guilds/${guildId}/roles`, as, {
    name,
    permissions: String(permissions),
  });
}

export async function setRoles(
  app: ChatTestApp,
  guildId: string,
  as: string,
  userId: string,
  roleIds: string[],
) {
  return ok(app, 'PATCH', `/api/v1/guilds/${guildId}/members/${userId}`, as, { roleIds });
}

export async function setEveryone(app: ChatTestApp, guildId: string, ownerId: string, permissions: bigint) {
  return ok<Role>(app, 'PATCH', `/api/v1/guilds/${guildId}/roles/${guildId}`, ownerId, {
    permissions: String(permissions),
  });
}

export async function channels(app: ChatTestApp, guildId: string, as: string): Promise<Channel[]> {
  return ok<Channel[]>(app, 'GET', `/api/v1/guilds/${guildId}/channels`, as);
}

/** Outbox rows of one key, in the order the relay publishes them. */
export async function outboxEvents(app: ChatTestApp, key: string) {
  const result = await sql<{
    topic: string;
    envelope: { type: string; key: string; data: Record<string, unknown> };
  }>`
    select topic, envelope from outbox_events where key = ${key} order by position
  `.execute(app.db);
  return result.rows.map((row) => ({ topic: row.topic, type: row.envelope.type, data: row.envelope.data }));
}
