import type { AnyEvent } from '@bonfire/contracts';
import { type MessageDocument, toDocument, tombstone } from '../index/message-document';

/** One `_bulk` action and its document. */
export interface BulkOperation {
  id: string;
  version: number;
  document: MessageDocument | ReturnType<typeof tombstone>;
}

/**
 * How a chat.messages event changes the index: created and updated index the message with its
 * revision as the external version; deleted indexes a tombstone with the event's revision (the
 * message's revision + 1). Other events change nothing (null).
 *
 * With `version_type: external_gte`, Elasticsearch keeps whatever carries the highest version, in any
 * arrival order: a late older update is refused (409, counted as done), a redelivery is harmless.
 * A delete is a tombstone and not an Elasticsearch delete, because a deleted document's version is
 * forgotten after `index.gc_deletes` (60 s): a late `message.created` arriving after that would
 * resurrect the message. Queries filter `deleted: false`; the reindex tool drops tombstones.
 */
export function bulkOperation(event: AnyEvent, now = new Date()): BulkOperation | null {
  switch (event.type) {
    case 'message.created':
    case 'message.updated': {
      const { message } = event.data;
      return { id: message.id, version: message.revision, document: toDocument(message, now) };
    }
    case 'message.deleted':
      return { id: event.data.messageId, version: event.data.revision, document: tombstone(event.data, now) };
    default:
      return null;
  }
}

/** The `_bulk` body for operations against `index`. */
export function bulkBody(index: string, operations: readonly BulkOperation[]): unknown[] {
  const body: unknown[] = [];
  for (const operation of operations) {
    body.push({
      index: { _index: index, _id: operation.id, version: operation.version, version_type: 'external_gte' },
    });
    body.push(operation.document);
  }
  return body;
}

export type ItemOutcome = 'done' | 'retry' | 'rejected';

/**
 * A bulk item's outcome: success and version conflicts (an older revision arriving late) are done;
 * 429 and 5xx are worth retrying; any other 4xx is a document Elasticsearch will never take (logged
 * and skipped, so one bad document cannot stop indexing).
 */
export function itemOutcome(status: number): ItemOutcome {
  if (status < 300 || status === 409) return 'done';
  if (status === 429 || status >= 500) return 'retry';
  return 'rejected';
}
