import type { Message } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDocument, tombstone } from './message-document';
import type { IndexOperation, MessageIndex, SearchFilters } from './message-index';

/** What the contract suite needs from an adapter under test. */
interface MessageIndexHarness {
  index: MessageIndex;
  /** Makes what was applied visible to search (Elasticsearch refreshes; Postgres sees it at once). */
  refresh(): Promise<void>;
  dispose(): Promise<void>;
}

let sequence = 0n;
const baseId = BigInt(Date.now() - Date.UTC(2026, 0, 1)) << 22n;
const nextId = () => String(baseId + ++sequence);

function message(channelId: string, overrides: Partial<Message> = {}): Message {
  return {
    id: nextId(),
    channelId,
    guildId: '10',
    authorId: '20',
    content: 'hello world',
    nonce: null,
    replyToId: null,
    attachments: [],
    mentions: { userIds: [], roleIds: [], everyone: false },
    pinned: false,
    revision: 0,
    editedAt: null,
    createdAt: '2026-03-01T12:00:00.000Z',
    reactions: [],
    ...overrides,
  };
}

const upsert = (m: Message): IndexOperation => ({ id: m.id, version: m.revision, document: toDocument(m) });
const remove = (m: Message, revision = m.revision + 1): IndexOperation => ({
  id: m.id,
  version: revision,
  document: tombstone({ messageId: m.id, channelId: m.channelId, guildId: m.guildId, revision }),
});
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute)).toISOString();

/**
 * One suite, run against every MessageIndex adapter. The harness's index lives for the whole suite; each
 * test writes to channels of its own, so tests never see each other's messages.
 */
export function describeMessageIndexContract(name: string, makeHarness: () => Promise<MessageIndexHarness>) {
  describe(`MessageIndex contract: ${name}`, () => {
    let harness: MessageIndexHarness;
    let channel: string;
    const apply = async (...operations: IndexOperation[]) => {
      const outcomes = await harness.index.apply(operations);
      await harness.refresh();
      return outcomes;
    };
    const search = (filters: Partial<SearchFilters> = {}) =>
      harness.index.search({
        channelIds: [channel],
        words: [],
        phrases: [],
        authorIds: [],
        mentionIds: [],
        has: [],
        sort: 'relevance',
        limit: 25,
        offset: 0,
        ...filters,
      });
    const contents = async (filters: Partial<SearchFilters> = {}) =>
      (await search(filters)).messages.map((hit) => hit.content);

    beforeAll(async () => {
      harness = await makeHarness();
    });
    afterAll(async () => {
      await harness?.dispose();
    });
    const newChannel = () => {
      channel = nextId();
      return channel;
    };

    it('finds a message by a word and answers the hit as the API shows it', async () => {
      const m = message(newChannel(), {
        content: 'Deploy the release on Friday',
        mentions: { userIds: ['30'], roleIds: ['40'], everyone: true },
        editedAt: '2026-03-01T12:05:00.000Z',
        attachments: [{ id: '9', filename: 'a.png', contentType: 'image/png', size: 1, width: 1, height: 1 }],
      });
      expect(await apply(upsert(m))).toEqual(['done']);
      expect(await search({ words: ['deploy'] })).toEqual({
        total: 1,
        messages: [
          {
            id: m.id,
            channelId: m.channelId,
            guildId: '10',
            authorId: '20',
            content: 'Deploy the release on Friday',
            createdAt: m.createdAt,
            editedAt: '2026-03-01T12:05:00.000Z',
            pinned: false,
            has: ['file', 'image'],
            mentions: { userIds: ['30'], roleIds: ['40'], everyone: true },
            highlights: ['<mark>Deploy</mark> the release on Friday'],
          },
        ],
      });
      expect((await search()).messages[0]!.highlights).toEqual([]);
    });

    it('matches all words in any order, each phrase as written, ignoring case', async () => {
      newChannel();
      await apply(
        ...['quick brown fox', 'brown quick fox', 'quick red fox'].map((content, minute) =>
          upsert(message(channel, { content, createdAt: at(minute) })),
        ),
      );
      expect(await contents({ words: ['FOX', 'quick'] })).toHaveLength(3);
      expect((await contents({ words: ['brown', 'quick'] })).sort()).toEqual([
        'brown quick fox',
        'quick brown fox',
      ]);
      expect(await contents({ phrases: ['quick brown'] })).toEqual(['quick brown fox']);
      expect(await contents({ words: ['fox'], phrases: ['brown fox'] })).toEqual(['quick brown fox']);
      expect(await contents({ words: ['fox', 'cat'] })).toEqual([]);
      expect(await contents({ words: ['!!!'] })).toEqual([]);
      expect(await contents({ words: ['!!!'], phrases: ['quick brown'] })).toEqual([]);
    });

    it('marks phrases and words in highlights, in fragments for long messages', async () => {
      newChannel();
      const filler = (from: number) => Array.from({ length: 40 }, (_, n) => `word${from + n}`).join(' ');
      const long = `${filler(0)} needle ${filler(100)} needle ${filler(200)}`;
      await apply(
        upsert(message(channel, { content: 'we ship the exact phrase today' })),
        upsert(message(channel, { content: long })),
      );
      const [phrase] = (await search({ phrases: ['exact phrase'] })).messages;
      expect(phrase!.highlights).toEqual(['we ship the <mark>exact phrase</mark> today']);
      const [hit] = (await search({ words: ['needle'] })).messages;
      expect(hit!.highlights.length).toBeGreaterThanOrEqual(1);
      expect(hit!.highlights.length).toBeLessThanOrEqual(3);
      expect(hit!.highlights.join(' ')).toContain('<mark>needle</mark>');
      for (const fragment of hit!.highlights) expect(fragment.length).toBeLessThan(long.length / 2);
    });

    it('searches only the channels given, and never deleted messages', async () => {
      const other = nextId();
      newChannel();
      const kept = message(channel, { content: 'shared words' });
      const gone = message(channel, { content: 'shared words too' });
      await apply(upsert(kept), upsert(gone), upsert(message(other, { content: 'shared words' })));
      await apply(remove(gone));
      expect((await search({ words: ['shared'] })).messages.map((hit) => hit.id)).toEqual([kept.id]);
      expect((await search({ channelIds: [channel, other], words: ['shared'] })).total).toBe(2);
    });

    it('filters by author, mention, has, pinned and time or id bounds', async () => {
      newChannel();
      const [a, b, c, d] = [
        message(channel, { content: 'a', authorId: '21', createdAt: at(1), pinned: true }),
        message(channel, {
          content: 'b https://example.com',
          authorId: '22',
          createdAt: at(2),
          mentions: { userIds: ['31', '32'], roleIds: [], everyone: false },
        }),
        message(channel, {
          content: 'c',
          createdAt: at(3),
          attachments: [
            { id: '8', filename: 'x.txt', contentType: 'text/plain', size: 1, width: null, height: null },
          ],
          mentions: { userIds: ['32'], roleIds: [], everyone: false },
        }),
        message(channel, { content: 'd https://x.org', guildId: null, createdAt: at(4) }),
      ];
      await apply(...[a!, b!, c!, d!].map(upsert));
      expect(await contents({ authorIds: ['21', '22'] })).toEqual(['b https://example.com', 'a']);
      expect(await contents({ mentionIds: ['31'] })).toEqual(['b https://example.com']);
      expect(await contents({ mentionIds: ['31', '32'] })).toEqual(['c', 'b https://example.com']);
      expect(await contents({ has: ['link'] })).toEqual(['d https://x.org', 'b https://example.com']);
      expect(await contents({ has: ['link', 'file'] })).toEqual([]);
      expect(await contents({ has: ['file'] })).toEqual(['c']);
      expect(await contents({ pinned: true })).toEqual(['a']);
      expect(await contents({ pinned: false })).toEqual(['d https://x.org', 'c', 'b https://example.com']);
      expect(await contents({ before: at(3), after: at(1) })).toEqual(['b https://example.com']);
      expect(await contents({ before: c!.id })).toEqual(['b https://example.com', 'a']);
      expect(await contents({ after: b!.id })).toEqual(['d https://x.org', 'c']);
      expect((await search({ before: '9999999999999999999' })).total).toBe(4);
      expect((await search({ after: '9999999999999999999' })).total).toBe(0);
    });

    it('sorts newest first, oldest on demand, and by relevance when there are words', async () => {
      newChannel();
      await apply(
        upsert(message(channel, { content: 'alpha beta gamma delta epsilon zeta eta', createdAt: at(1) })),
        upsert(message(channel, { content: 'alpha alpha alpha', createdAt: at(2) })),
        upsert(message(channel, { content: 'alpha beta gamma delta epsilon zeta eta', createdAt: at(3) })),
        upsert(message(channel, { content: 'omega', createdAt: at(4) })),
      );
      const times = async (filters: Partial<SearchFilters>) =>
        (await search(filters)).messages.map((hit) => hit.createdAt);
      expect(await times({})).toEqual([at(4), at(3), at(2), at(1)]);
      expect(await times({ sort: 'oldest' })).toEqual([at(1), at(2), at(3), at(4)]);
      expect(await times({ words: ['alpha'] })).toEqual([at(2), at(3), at(1)]);
      expect(await times({ words: ['alpha'], sort: 'newest' })).toEqual([at(3), at(2), at(1)]);
      expect(await times({ words: ['alpha'], sort: 'oldest' })).toEqual([at(1), at(2), at(3)]);
    });

    it('breaks time ties by id', async () => {
      newChannel();
      const [first, second] = [message(channel), message(channel)];
      await apply(upsert(second!), upsert(first!));
      expect((await search()).messages.map((hit) => hit.id)).toEqual([second!.id, first!.id]);
      expect((await search({ sort: 'oldest' })).messages.map((hit) => hit.id)).toEqual([
        first!.id,
        second!.id,
      ]);
    });

    it('pages with the total of every match', async () => {
      newChannel();
      const all = Array.from({ length: 5 }, (_, minute) => message(channel, { createdAt: at(minute) }));
      await apply(...all.map(upsert));
      const page = await search({ limit: 2, offset: 2 });
      expect(page.total).toBe(5);
      expect(page.messages.map((hit) => hit.id)).toEqual([all[2]!.id, all[1]!.id]);
      expect(await search({ limit: 2, offset: 10 })).toEqual({ total: 5, messages: [] });
      expect(await search({ words: ['nothing'] })).toEqual({ total: 0, messages: [] });
    });

    it('keeps the highest revision whatever the order, and is idempotent', async () => {
      newChannel();
      const v0 = message(channel, { content: 'first draft' });
      const v1 = { ...v0, content: 'second draft', revision: 1 };
      const v2 = { ...v0, content: 'final text', revision: 2 };
      expect(await apply(upsert(v0), upsert(v2))).toEqual(['done', 'done']);
      expect(await apply(upsert(v1))).toEqual(['done']);
      expect(await apply(upsert(v0), upsert(v2))).toEqual(['done', 'done']);
      expect(await apply(upsert(v1), upsert(v0))).toEqual(['done', 'done']);
      expect(await contents()).toEqual(['final text']);
      expect(await contents({ words: ['draft'] })).toEqual([]);
      expect((await search({ words: ['final'] })).total).toBe(1);
    });

    it('does not let a late create or update resurrect a deleted message', async () => {
      newChannel();
      const m = message(channel, { content: 'regrettable' });
      const edited = { ...m, content: 'regrettable edit', revision: 1 };
      await apply(upsert(m), remove(edited));
      expect(await apply(upsert(edited), upsert(m))).toEqual(['done', 'done']);
      expect(await search({ words: ['regrettable'] })).toEqual({ total: 0, messages: [] });
      expect(await apply(remove(edited))).toEqual(['done']);
      expect((await search()).total).toBe(0);
    });

    it('refuses a document it can never take without holding back the others', async () => {
      newChannel();
      const good = message(channel, { content: 'good one' });
      const bad = upsert(message(channel, { content: 'bad one' }));
      const broken: IndexOperation = { ...bad, document: { ...bad.document, createdAt: 'not a date' } };
      expect(await apply(broken, upsert(good))).toEqual(['rejected', 'done']);
      expect(await contents()).toEqual(['good one']);
      expect(await harness.index.apply([])).toEqual([]);
    });
  });
}
