import { randomUUID } from 'node:crypto';
import type { Channel, Guild, Message, SearchResults } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { Stack } from '../support/stack';
import { ThrowawayElasticsearch } from './throwaway-elasticsearch';

/**
 * Resilience against a really stopped Elasticsearch: search runs on a node of its own (started by the
 * infra code on free ports), which is stopped with SIGTERM while messages keep being sent through the
 * gateway, then started again on the same data folder. Nothing sent meanwhile may be lost, and search
 * answers 503 SEARCH_UNAVAILABLE in the common error format while the node is down.
 */
describe('search while its Elasticsearch node is stopped and restarted (real node, real Kafka)', () => {
  const suffix = randomUUID().slice(0, 8);
  let elasticsearch: ThrowawayElasticsearch;
  let stack: Stack;
  let api: Api;
  let owner: AuthResult;
  let guild: Guild;
  let general: Channel;
  const sent: Message[] = [];

  const searchPath = (query: string) => `/api/v1/guilds/${guild.id}/messages/search?${query}`;

  async function send(content: string): Promise<Message> {
    const response = await api
      .withToken(owner.accessToken)
      .post<Message>(`/api/v1/channels/${general.id}/messages`, { content });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    sent.push(response.body);
    return response.body;
  }

  /** Every message id the guild search finds (pages of 25, oldest first). */
  async function searchableIds(): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 25) {
      const page = await api
        .withToken(owner.accessToken)
        .get<SearchResults>(searchPath(`sort=oldest&limit=25&offset=${offset}`));
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      ids.push(...page.body.messages.map((message) => message.id));
      if (page.body.messages.length < 25) return ids;
    }
  }

  async function indexerPaused(): Promise<number> {
    const metrics = await (await fetch(`${stack.service('search').url}/metrics`)).text();
    return Number(/^search_indexer_paused(?:\{[^}]*\})? (\d+)/m.exec(metrics)?.[1] ?? NaN);
  }

  beforeAll(async () => {
    elasticsearch = await ThrowawayElasticsearch.start();
    stack = await Stack.start({
      services: ['auth', 'chat', 'search', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-search-restart-${suffix}` },
      serviceEnv: {
        chat: { CHAT_SEND_LIMIT_PER_10S: '1000' },
        search: {
          ELASTICSEARCH_URL: elasticsearch.url,
          SEARCH_INDEX_ALIAS: `messages-restart-${suffix}`,
          SEARCH_CONSUMER_GROUP: `search.indexer.e2e-restart-${suffix}`,
          SEARCH_INDEXER_START_FROM: 'latest',
          SEARCH_RETRY_MAX_DELAY_MS: '1000',
        },
      },
    });
    api = new Api(stack.gateway.url);
    owner = await registerUser(api);
    guild = (await api.withToken(owner.accessToken).post<Guild>('/api/v1/guilds', { name: 'Outage club' }))
      .body;
    const channels = await api
      .withToken(owner.accessToken)
      .get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    general = channels.body.find((channel) => channel.type === 'text')!;
  }, 150_000);

  afterAll(async () => {
    await stack?.stop();
    await elasticsearch?.destroy();
  }, 60_000);

  it('indexes while the node is up', async () => {
    for (let index = 0; index < 5; index++) await send(`before the outage ${index}`);
    await eventually(async () => expect(await searchableIds()).toHaveLength(5), 15_000);
  });

  it('answers 503 SEARCH_UNAVAILABLE while the node is stopped, and keeps accepting messages', async () => {
    // messages keep flowing while the node shuts down: some bulk requests meet it stopping
    let sending = true;
    const stream = (async () => {
      for (let index = 0; sending; index++) {
        await send(`during the stop ${index}`);
        await new Promise((wait) => setTimeout(wait, 50));
      }
    })();
    await new Promise((wait) => setTimeout(wait, 300));
    expect(await elasticsearch.stop()).toBe('stopped');
    sending = false;
    await stream;

    for (let index = 0; index < 20; index++) await send(`while it is down ${index}`);
    const down = await api.withToken(owner.accessToken).get<ErrorResponseBody>(searchPath('content=outage'));
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({
      code: 'SEARCH_UNAVAILABLE',
      message: expect.stringContaining('unavailable') as unknown,
    });
    await eventually(async () => expect(await indexerPaused()).toBe(1), 10_000);
  }, 60_000);

  it('loses no message once the node is back on the same data', async () => {
    await elasticsearch.restart();
    for (let index = 0; index < 5; index++) await send(`after the restart ${index}`);
    await eventually(
      async () => expect((await searchableIds()).sort()).toEqual(sent.map((message) => message.id).sort()),
      30_000,
    );
    expect(sent.length).toBeGreaterThan(30);
    expect(await indexerPaused()).toBe(0);
    const found = await api
      .withToken(owner.accessToken)
      .get<SearchResults>(searchPath(`q=${encodeURIComponent('"while it is down"')}`));
    expect(found.body.total).toBe(20);
  }, 120_000);
});
