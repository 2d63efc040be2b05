import type { SearchHit } from '@bonfire/contracts';
import type { ComponentLogger } from '@bonfire/platform';
import type { Client } from '@elastic/elasticsearch';
import { buildSearchRequest } from './elasticsearch-query';
import type { MessageDocument } from './message-document';
import {
  type IndexOperation,
  type IndexOutcome,
  MessageIndex,
  type SearchFilters,
  type SearchPage,
} from './message-index';

/**
 * The message index on Elasticsearch, through the alias `alias` (concrete indices `<alias>-vN`, see
 * elasticsearch-setup.ts).
 *
 * Writes are one `_bulk` request with external versions (`version_type: external_gte`, version =
 * revision): Elasticsearch keeps whatever carries the highest version in any arrival order; a late older
 * update is refused with 409 (done). A delete is a tombstone and not an Elasticsearch delete, because a
 * deleted document's version is forgotten after `index.gc_deletes` (60 s): a late `message.created`
 * arriving after that would resurrect the message. Queries filter `deleted: false`; tools/reindex drops
 * tombstones.
 */
export class ElasticsearchMessageIndex extends MessageIndex {
  constructor(
    readonly client: Client,
    readonly alias: string,
    private readonly logger?: Pick<ComponentLogger, 'error'>,
  ) {
    super();
  }

  async apply(operations: readonly IndexOperation[]): Promise<IndexOutcome[]> {
    if (operations.length === 0) return [];
    const response = await this.client.bulk({ operations: bulkBody(this.alias, operations) });
    return response.items.map((item, position) => {
      const outcome = itemOutcome(item.index?.status ?? 500);
      if (outcome === 'rejected') {
        this.logger?.error(
          { id: operations[position]?.id, error: item.index?.error },
          'Elasticsearch rejected a message document',
        );
      }
      return outcome;
    });
  }

  async search(filters: SearchFilters): Promise<SearchPage> {
    const response = await this.client.search<MessageDocument>({
      index: this.alias,
      ...buildSearchRequest(filters),
    });
    const total = response.hits.total;
    return {
      total: typeof total === 'number' ? total : (total?.value ?? 0),
      messages: response.hits.hits.map((hit): SearchHit => {
        const source = hit._source!;
        return {
          id: source.id,
          channelId: source.channelId,
          guildId: source.guildId,
          authorId: source.authorId,
          content: source.content,
          createdAt: source.createdAt,
          editedAt: source.editedAt,
          pinned: source.pinned,
          has: source.has,
          mentions: source.mentions,
          highlights: hit.highlight?.['content'] ?? [],
        };
      }),
    };
  }
}

/** The `_bulk` body for operations against `index`. */
function bulkBody(index: string, operations: readonly IndexOperation[]): unknown[] {
  const body: unknown[] = [];
  for (const operation of operations) {
    body.push({
      index: { _index: index, _id: operation.id, version: operation.version, version_type: 'external_gte' },
    });
    body.push(operation.document);
  }
  return body;
}

/**
 * A bulk item's outcome: success and version conflicts (an older revision arriving late) are done;
 * 429 and 5xx are worth retrying; any other 4xx is a document Elasticsearch will never take (logged
 * and skipped, so one bad document cannot stop indexing).
 */
function itemOutcome(status: number): IndexOutcome {
  if (status < 300 || status === 409) return 'done';
  if (status === 429 || status >= 500) return 'retry';
  return 'rejected';
}
