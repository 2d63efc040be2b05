import { until } from '@bonfire/platform/testing';
import { randomBytes } from 'node:crypto';
import { type PresenceUpdated } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  registerPerson,
  openRealtime,
  RealtimeTestClient,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

/**
 * Presence end to end: auth, chat, presence and two gateway processes on the real servers. Clients on
 * socket.io watch presence.updated dispatches; one gateway is SIGKILLed to prove crash expiry.
 */

const TTL_SECONDS = 3;

class Client extends RealtimeTestClient {
  presencesOf(userId: string): PresenceUpdated[] {
    return this.dispatches
      .filter((d) => d.type === 'presence.updated')
      .map((d) => d.data as PresenceUpdated)
      .filter((p) => p.userId === userId);
  }

  lastStatusOf(userId: string): string | undefined {
    return this.presencesOf(userId).at(-1)?.status;
  }
}

const open = (baseUrl: string, token: string) => openRealtime(baseUrl, token, (socket) => new Client(socket));

type Person = TestPerson;

describe('presence (auth + chat + presence + two gateways)', () => {
  let stack: Stack;
  let gatewayA: string;
  let gatewayB: string;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  let guildId: string;
  const clients: Client[] = [];

  const person = () => registerPerson(gatewayB);

  async function online(baseUrl: string, who: Person): Promise<Client> {
    const client = await open(baseUrl, who.token);
    clients.push(client);
    return client;
  }

  const statusSeenBy = async (viewer: Person, userId: string) => {
    const reply = await viewer.api.get<{ userId: string; status: string }[]>(
      `/api/v1/presences?userIds=${userId}`,
    );
    if (reply.status !== 200) throw new Error(`presences: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body[0]!.status;
  };

  beforeAll(async () => {
    const suffix = randomBytes(4).toString('hex');
    stack = await Stack.start({
      services: ['auth', 'chat', 'presence', 'gateway'],
      extraGateways: 1,
      env: { PRESENCE_KEY_PREFIX: `presence-e2e-${suffix}` },
      serviceEnv: {
        presence: {
          PRESENCE_GATEWAY_TTL_SECONDS: String(TTL_SECONDS),
          PRESENCE_SWEEP_INTERVAL_MS: '500',
          PRESENCE_CONSUMER_GROUP: `presence.projection.e2e-${suffix}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
        gateway: { PRESENCE_HEARTBEAT_INTERVAL_MS: '1000', REALTIME_DRAIN_TIMEOUT_MS: '1000' },
      },
    });
    [gatewayA, gatewayB] = stack.gateways.map((gateway) => gateway.url) as [string, string];
    [alice, bob, carol] = [await person(), await person(), await person()];
    let created: { id: string } | undefined;
    await until(async () => {
      const reply = await alice.api.post<{ id: string }>('/api/v1/guilds', { name: 'Campfire' });
      if (reply.status === 201) created = reply.body;
      return reply.status === 201;
    }, 30_000);
    guildId = created!.id;
    const invite = await alice.api.post<{ code: string }>(`/api/v1/guilds/${guildId}/invites`, {});
    await until(async () => (await bob.api.post(`/api/v1/invites/${invite.body.code}`)).status < 300, 30_000);
    // Presence learns the membership from chat.members.
    await until(
      async () => (await bob.api.get(`/api/v1/presences/guilds/${guildId}`)).status === 200,
      30_000,
    );
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await stack?.stop();
  });

  it('guild members see each other come online (ready carries presence); a stranger sees nothing', async () => {
    const aliceClient = await online(gatewayA, alice);
    expect(aliceClient.ready!.presence.status).toBe('online');
    expect(await statusSeenBy(bob, alice.id)).toBe('online');
    const bobClient = await online(gatewayB, bob);
    expect(bobClient.ready!.presences).toContainEqual({
      userId: alice.id,
      status: 'online',
      customStatus: null,
    });
    const carolClient = await online(gatewayB, carol);
    await until(() => aliceClient.lastStatusOf(bob.id) === 'online');

    const reply = await alice.api.patch('/api/v1/users/@me/presence', {
      status: 'dnd',
      customStatus: { text: 'deep work', emoji: '🔥' },
    });
    expect(reply.status).toBe(200);
    await until(() => bobClient.lastStatusOf(alice.id) === 'dnd');
    expect(bobClient.presencesOf(alice.id).at(-1)!.customStatus).toMatchObject({ text: 'deep work' });
    expect(await statusSeenBy(carol, alice.id)).toBe('offline');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(carolClient.presencesOf(alice.id)).toEqual([]);
    expect(carolClient.presencesOf(bob.id)).toEqual([]);
  });

  it('invisible: others see offline, the user sees invisible', async () => {
    const [aliceClient, bobClient] = clients as [Client, Client];
    await alice.api.patch('/api/v1/users/@me/presence', { status: 'invisible' });
    await until(() => bobClient.lastStatusOf(alice.id) === 'offline');
    expect(bobClient.presencesOf(alice.id).at(-1)!.customStatus).toBeNull();
    await until(() => aliceClient.lastStatusOf(alice.id) === 'invisible');
    expect(await statusSeenBy(bob, alice.id)).toBe('offline');
    expect(await statusSeenBy(alice, alice.id)).toBe('invisible');
    await alice.api.patch('/api/v1/users/@me/presence', { status: 'online', customStatus: null });
    await until(() => bobClient.lastStatusOf(alice.id) === 'online');
  });

  it('a SIGKILLed gateway takes its users offline within the TTL', async () => {
    const bobClient = clients[1]!;
    await stack.gateways[0]!.kill(); // alice's gateway: no goodbye, no disconnect reports
    const killedAt = Date.now();
    await until(async () => (await statusSeenBy(bob, alice.id)) === 'offline', (TTL_SECONDS + 10) * 1_000);
    expect(Date.now() - killedAt).toBeLessThan((TTL_SECONDS + 3) * 1_000);
    // The dispatch may wait for the consumer group to drop the dead gateway (session timeout 10 s).
    await until(() => bobClient.lastStatusOf(alice.id) === 'offline', 30_000);
  }, 60_000);
});
