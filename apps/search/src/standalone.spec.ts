import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message, SearchResults } from '@bonfire/contracts';
import { createEvent, standaloneEventBus } from '@bonfire/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchTestApp } from './testing/search-test-app';

/**
 * The standalone shape end to end, in this process: the in-process event bus, the message index in the
 * embedded database (PGlite in a temporary folder), and chat stood in for by a tiny HTTP server.
 */
const guildId = '1000';
const channelId = '1001';
let app: SearchTestApp;
let chat: Server;
let dataDir: string;
let sequence = 0;

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: String(2_000_000 + ++sequence),
    channelId,
    guildId,
    authorId: '7',
    content: 'hello world',
    nonce: null,
    replyToId: null,
    attachments: [],
    mentions: { userIds: [], roleIds: [], everyone: false },
    pinned: false,
    revision: 0,
    editedAt: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, sequence)).toISOString(),
    reactions: [],
    ...overrides,
  };
}

const search = (q: string) =>
  app.call<SearchResults>('GET', `/api/v1/guilds/${guildId}/messages/search?q=${encodeURIComponent(q)}`, {
    as: '7',
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bonfire-search-standalone-'));
  chat = createServer((request, response) => {
    const readable = request.url?.startsWith(`/internal/v1/search/guilds/${guildId}/readable-channels`);
    response.writeHead(readable ? 200 : 404, { 'content-type': 'application/json' });
    response.end(
      readable ? JSON.stringify({ guildId, channels: [{ id: channelId, name: 'general' }] }) : '{}',
    );
  });
  await new Promise<void>((resolve) => chat.listen(0, '127.0.0.1', resolve));
  app = await SearchTestApp.start({
    BONFIRE_MODE: 'standalone',
    BONFIRE_DATA_DIR: dataDir,
    SEARCH_INDEXER_ENABLED: 'true',
    CHAT_URL: `http://127.0.0.1:${(chat.address() as AddressInfo).port}`,
  });
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => chat?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('search, standalone', () => {
  it('is ready on the embedded database, without Elasticsearch', async () => {
    const ready = await app.call<{ checks: Record<string, unknown> }>('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['database', 'indexer-consumer']);
  });

  it('indexes what is published (publish resolves once indexed) and answers the search API', async () => {
    const bus = standaloneEventBus();
    const kept = message({ content: 'Ship the release on Friday', pinned: true });
    const edited = message({ content: 'first words' });
    await bus.publish([
      createEvent('message.created', channelId, { message: kept }, 'test'),
      createEvent('message.created', channelId, { message: edited }, 'test'),
      createEvent(
        'message.updated',
        channelId,
        { message: { ...edited, content: 'release candidate', revision: 1 } },
        'test',
      ),
    ]);
    const found = await search('in:#general release');
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(2);
    expect(found.body.messages.map((hit) => hit.highlights)).toEqual([
      ['<mark>release</mark> candidate'],
      ['Ship the <mark>release</mark> on Friday'],
    ]);
    expect((await search('release pinned:true')).body.messages.map((hit) => hit.id)).toEqual([kept.id]);

    await bus.publish(
      createEvent(
        'message.deleted',
        channelId,
        { messageId: kept.id, channelId, guildId, revision: 1, attachmentIds: [] },
        'test',
      ),
    );
    expect((await search('"the release"')).body.total).toBe(0);
  });

  it('counts dead-lettered invalid events and reports the lag', async () => {
    await standaloneEventBus().publishRaw('chat.messages', channelId, { not: 'an event' });
    const deadline = Date.now() + 5_000;
    let metrics = '';
    while (Date.now() < deadline && !/search_indexer_dead_lettered_total\{[^}]*\} 1/.test(metrics)) {
      metrics = (await app.call<string>('GET', '/metrics')).body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(metrics).toMatch(/search_indexer_dead_lettered_total\{[^}]*\} 1/);
    expect(await app.indexer.currentLag()).toBe(0);
    expect((await app.call<string>('GET', '/metrics')).body).toMatch(
      /search_indexer_consumer_lag\{[^}]*\} 0/,
    );
  });
});
