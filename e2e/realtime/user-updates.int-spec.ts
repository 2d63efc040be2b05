import { until } from '@bonfire/platform/testing';
import { type Channel, type UserUpdated } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  registerPerson,
  openRealtime,
  RealtimeTestClient,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

/**
 * Live profile changes, black box through the gateway (auth, chat and one gateway): when a user changes
 * their display name or avatar, those who share a guild or a DM with them get `user.updated`, and so do
 * their own sessions; nobody else does. Also a group DM rename reaching every recipient live.
 */

class Client extends RealtimeTestClient {
  userUpdates(userId: string): UserUpdated[] {
    return this.dispatches
      .filter((dispatch) => dispatch.type === 'user.updated')
      .map((dispatch) => dispatch.data as UserUpdated)
      .filter((user) => user.id === userId);
  }

  channelUpdates(channelId: string): Channel[] {
    return this.dispatches
      .filter((dispatch) => dispatch.type === 'channel.updated')
      .map((dispatch) => (dispatch.data as { channel: Channel }).channel)
      .filter((channel) => channel.id === channelId);
  }
}

const open = (baseUrl: string, token: string) => openRealtime(baseUrl, token, (socket) => new Client(socket));

type Person = TestPerson;

describe('live user updates reach exactly who can see the user', () => {
  let stack: Stack;
  let baseUrl: string;
  const clients: Client[] = [];

  const person = () => registerPerson(baseUrl);

  async function connectAs(who: Person): Promise<Client> {
    const client = await open(baseUrl, who.token);
    clients.push(client);
    return client;
  }

  /** Retries until chat's users projection knows everyone (registration reaches chat through events). */
  async function succeeded<T>(request: () => Promise<{ status: number; body: T }>): Promise<T> {
    let body: T | undefined;
    await until(async () => {
      const reply = await request();
      if (reply.status < 300) body = reply.body;
      return reply.status < 300;
    }, 30_000);
    return body!;
  }

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'chat', 'gateway'] });
    baseUrl = stack.gateway.url;
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await stack?.stop();
  });

  it('a guild co-member, a DM partner and the user get the new name; a stranger does not', async () => {
    const [ada, guildMate, dmPartner, stranger] = [
      await person(),
      await person(),
      await person(),
      await person(),
    ];
    const guild = await succeeded(() => ada.api.post<{ id: string }>('/api/v1/guilds', { name: 'Hearth' }));
    const invite = await succeeded(() =>
      ada.api.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, {}),
    );
    await succeeded(() => guildMate.api.post(`/api/v1/invites/${invite.code}`));
    await succeeded(() => dmPartner.api.post('/api/v1/users/@me/channels', { recipientId: ada.id }));
    // The stranger shares a guild with the DM partner only: seeing someone who sees the user is not enough.
    const other = await succeeded(() =>
      stranger.api.post<{ id: string }>('/api/v1/guilds', { name: 'Elsewhere' }),
    );
    const otherInvite = await succeeded(() =>
      stranger.api.post<{ code: string }>(`/api/v1/guilds/${other.id}/invites`, {}),
    );
    await succeeded(() => dmPartner.api.post(`/api/v1/invites/${otherInvite.code}`));

    const [self, mate, partner, outsider] = [
      await connectAs(ada),
      await connectAs(guildMate),
      await connectAs(dmPartner),
      await connectAs(stranger),
    ];
    const renamed = await ada.api.patch<{ displayName: string }>('/api/v1/users/@me', {
      displayName: 'Ada Lovelace',
    });
    expect(renamed.status).toBe(200);

    const named = (client: Client) =>
      client.userUpdates(ada.id).some((user) => user.displayName === 'Ada Lovelace');
    await until(() => [self, mate, partner].every(named), 20_000);
    const update = mate.userUpdates(ada.id).at(-1)!;
    expect(Object.keys(update).sort()).toEqual(
      ['about', 'avatarFileId', 'bot', 'createdAt', 'displayName', 'id', 'username'].sort(),
    );
    // The partner's copy went out from the same gateway: the stranger had the time to get one.
    await new Promise((wait) => setTimeout(wait, 750));
    expect(outsider.userUpdates(ada.id)).toEqual([]);
    // A user who shares nothing with anyone changes their name: only their own sessions hear of it.
    await stranger.api.patch('/api/v1/users/@me', { displayName: 'Nobody Knows' });
    await until(() => outsider.userUpdates(stranger.id).length > 0, 20_000);
    await new Promise((wait) => setTimeout(wait, 750));
    for (const client of [self, mate]) expect(client.userUpdates(stranger.id)).toEqual([]);
    // dmPartner shares a guild with the stranger.
    expect(partner.userUpdates(stranger.id)).toHaveLength(1);
  });

  it('any recipient renames a group DM; every recipient sees the new name live', async () => {
    const [owner, bob, carol] = [await person(), await person(), await person()];
    const [o, b, c] = [await connectAs(owner), await connectAs(bob), await connectAs(carol)];
    const group = await succeeded(() =>
      owner.api.post<Channel>('/api/v1/users/@me/channels', {
        recipientIds: [bob.id, carol.id],
        name: 'trio',
      }),
    );
    const reply = await carol.api.patch<Channel>(`/api/v1/channels/${group.id}`, { name: '  Trio night ' });
    expect(reply.status).toBe(200);
    expect(reply.body.name).toBe('Trio night');
    await until(
      () =>
        [o, b, c].every((client) => client.channelUpdates(group.id).some((ch) => ch.name === 'Trio night')),
      20_000,
    );
    const refused = await bob.api.patch<{ error: { details: { field: string }[] } }>(
      `/api/v1/channels/${group.id}`,
      { name: 'tab\there' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((detail) => detail.field)).toEqual(['body.name']);
    const cleared = await bob.api.patch<Channel>(`/api/v1/channels/${group.id}`, { name: null });
    expect(cleared.body.name).toBeNull();
  });
});
