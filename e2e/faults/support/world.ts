import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Message } from '@bonfire/contracts';
import { until } from '@bonfire/platform/testing';
import { Api } from '../../support/api';
import { registerPerson, type TestPerson } from '../../support/realtime-client';
import type { History } from './audit';

/** A limit no run reaches. */
export const UNLIMITED = '1000000000';

/** A copy of the gateway's routing table with every per-route limit raised out of the way (as the benches do). */
export function unlimitedRoutesFile(): string {
  const routes = JSON.parse(
    readFileSync(resolve(__dirname, '../../../apps/gateway/routes.json'), 'utf8'),
  ) as {
    rateLimits?: { limit: number }[];
  };
  for (const limit of routes.rateLimits ?? []) limit.limit = Number(UNLIMITED);
  const path = join(mkdtempSync(join(tmpdir(), 'bonfire-faults-')), 'routes.json');
  writeFileSync(path, JSON.stringify(routes, null, 2));
  return path;
}

export interface Guild {
  id: string;
  channelIds: string[];
  members: TestPerson[];
}

/**
 * `users` people in `guilds` guilds (user n in guild n % guilds), each guild with `channelsPerGuild` text
 * channels, each channel with one message already (so a listener's `ready` names where its history starts).
 */
export async function buildWorld(
  baseUrl: string,
  users: number,
  guilds: number,
  channelsPerGuild: number,
): Promise<Guild[]> {
  const people: TestPerson[] = [];
  for (let n = 0; n < users; n++) people.push(await registerPerson(baseUrl));
  const world: Guild[] = [];
  for (let g = 0; g < guilds; g++) {
    const members = people.filter((_, n) => n % guilds === g);
    const owner = members[0];
    if (!owner) throw new Error('a guild needs a member');
    let guildId = '';
    await until(async () => {
      const reply = await owner.api.post<{ id: string }>('/api/v1/guilds', { name: `Faults ${g}` });
      if (reply.status === 201) guildId = reply.body.id;
      return reply.status === 201;
    }, 30_000);
    const channels = await owner.api.get<{ id: string; type: string }[]>(
      `/api/v1/guilds/${guildId}/channels`,
    );
    const channelIds = channels.body
      .filter((channel) => channel.type === 'text')
      .map((channel) => channel.id);
    while (channelIds.length < channelsPerGuild) {
      const created = await owner.api.post<{ id: string }>(`/api/v1/guilds/${guildId}/channels`, {
        name: `c${channelIds.length}`,
      });
      channelIds.push(created.body.id);
    }
    channelIds.splice(channelsPerGuild);
    const invite = await owner.api.post<{ code: string }>(`/api/v1/guilds/${guildId}/invites`, {});
    for (const member of members.slice(1)) {
      await until(
        async () => (await member.api.post(`/api/v1/invites/${invite.body.code}`)).status < 300,
        30_000,
      );
    }
    for (const channelId of channelIds) {
      const seed = await owner.api.post(`/api/v1/channels/${channelId}/messages`, { content: 'seed' });
      if (seed.status !== 201) throw new Error(`seed message: ${seed.status} ${JSON.stringify(seed.body)}`);
    }
    world.push({ id: guildId, channelIds, members });
  }
  return world;
}

/** The whole history of each channel, newest first, paged with `before` through the gateway. */
export async function readHistory(baseUrl: string, world: Guild[]): Promise<History> {
  const history: History = new Map();
  for (const guild of world) {
    const reader = guild.members[0];
    if (!reader) continue;
    const api = new Api(baseUrl, reader.token);
    for (const channelId of guild.channelIds) {
      const messages: Message[] = [];
      for (let before: string | undefined; ;) {
        const page = await api.get<Message[]>(
          `/api/v1/channels/${channelId}/messages?limit=100${before ? `&before=${before}` : ''}`,
        );
        if (page.status !== 200) throw new Error(`history of ${channelId}: ${page.status}`);
        messages.push(...page.body);
        const oldest = page.body.at(-1);
        if (page.body.length < 100 || !oldest) break;
        before = oldest.id;
      }
      history.set(channelId, messages);
    }
  }
  return history;
}
