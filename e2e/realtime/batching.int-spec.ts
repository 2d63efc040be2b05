import { until } from '@bonfire/platform/testing';
import { type EventData } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openRealtime,
  registerPerson,
  RealtimeTestClient,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

/**
 * Dispatch batching, black box through the gateway (auth, chat, one gateway): a client that connects with
 * `batch: true` gets the sequenced dispatches of each window in `dispatches` frames — the same dispatches,
 * numbered the same way, as a client that did not ask (and keeps getting single `dispatch` frames).
 */
describe('realtime dispatch batching', () => {
  let stack: Stack;
  let baseUrl: string;
  const clients: RealtimeTestClient[] = [];

  const open = async (person: TestPerson, batch: boolean, protocol = 1) => {
    const client = await openRealtime(baseUrl, person.token, (s) => new RealtimeTestClient(s), {
      batch,
      protocol,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    // A wide window, so that a burst of sends surely shares frames on a loaded machine.
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      env: { REALTIME_BATCH_WINDOW_MS: '100' },
    });
    baseUrl = stack.gateway.url;
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await stack?.stop();
  });

  it('batches for the client that asks, single frames for the one that does not, the same stream for both', async () => {
    const [ada, bob] = [await registerPerson(baseUrl), await registerPerson(baseUrl)];
    const guild = (await ada.api.post<{ id: string }>('/api/v1/guilds', { name: 'Batches' })).body;
    const invite = (await ada.api.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, {})).body;
    await until(async () => (await bob.api.post(`/api/v1/invites/${invite.code}`)).status < 300, 30_000);
    const channels = (
      await ada.api.get<{ id: string; type: string }[]>(`/api/v1/guilds/${guild.id}/channels`)
    ).body;
    const channelId = channels.find((channel) => channel.type === 'text')!.id;

    const batched = await open(bob, true);
    const single = await open(ada, false);
    // Protocol 2: the same batches without numbers, which the client counts.
    const counting = await open(bob, true, 2);
    const sends = Array.from({ length: 20 }, (_, index) =>
      ada.api.post(`/api/v1/channels/${channelId}/messages`, { content: `burst ${index}` }),
    );
    const sent = await Promise.all(sends);
    expect(sent.every((reply) => reply.status === 201)).toBe(true);

    const created = (client: RealtimeTestClient) =>
      client
        .of('message.created')
        .map((dispatch) => (dispatch.data as EventData<'message.created'>).message.content);
    const all = [batched, single, counting];
    await until(() => all.every((client) => created(client).length === 20), 20_000);

    // Same messages, in the same (id) order, numbered contiguously from the session's start.
    expect(created(batched)).toEqual(created(single));
    expect(created(counting)).toEqual(created(single));
    for (const client of [batched, single]) {
      const seqs = client.dispatches.map((dispatch) => dispatch.seq);
      expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    }
    expect(counting.ready!.protocol).toBe(2);
    expect(counting.dispatches.every((dispatch) => dispatch.seq === undefined)).toBe(true);
    expect(counting.seqs()).toEqual(counting.dispatches.map((_, index) => index + 1));
    expect(counting.batchSizes.length).toBeLessThan(counting.dispatches.length);
    expect(single.batchSizes).toEqual([]);
    expect(batched.batchSizes.reduce((sum, size) => sum + size, 0)).toBe(batched.dispatches.length);
    // Twenty sends within a few windows cannot each have had a frame of their own.
    expect(batched.batchSizes.length).toBeLessThan(batched.dispatches.length);
  });
});
